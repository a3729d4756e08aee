using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArticleBot.Core.Corpus;

/// <summary>
/// Loads the corpus the settings describe: the seed files under <see cref="CorpusOptions.SeedsPath"/> (relative to the
/// content root), cut into passages. A missing or empty seeds folder throws <see cref="CorpusConfigurationException"/>.
/// </summary>
public sealed partial class CorpusLoader(SeedLoader seeds, IOptions<CorpusOptions> options, IHostEnvironment environment, ILogger<CorpusLoader> logger)
{
    /// <summary>Reads and chunks the seed files.</summary>
    public ArticleCorpus Load()
    {
        var settings = options.Value;
        var contentRoot = environment.ContentRootPath;
        var started = Stopwatch.GetTimestamp();
        var folder = Path.GetFullPath(settings.SeedsPath, contentRoot);
        var documents = seeds.Load(folder, contentRoot, settings.MaxSeedFileBytes);
        var corpus = new ArticleCorpus(documents, new PassageChunker(settings.PassageTargetChars, settings.PassageOverlapSentences));
        var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Log.CorpusLoaded(logger, documents.Count, folder, corpus.Passages.Count, elapsedMs);
        return corpus;
    }

    /// <summary>The folder for on-disk caches (the index, the lexicon), or null when caching is off.</summary>
    public string? CacheDirectory()
    {
        var cachePath = options.Value.CachePath;
        return string.IsNullOrWhiteSpace(cachePath) ? null : Path.GetFullPath(cachePath, environment.ContentRootPath);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1010, EventName = "CorpusLoaded", Level = LogLevel.Information,
            Message = "Loaded {Documents} seed document(s) from {SeedsPath} into {Passages} passages in {ElapsedMs} ms")]
        public static partial void CorpusLoaded(ILogger logger, int documents, string seedsPath, int passages, long elapsedMs);
    }
}
