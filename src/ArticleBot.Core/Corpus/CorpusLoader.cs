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

        // Taken before the files are read: a change made while they are read makes the next comparison differ.
        LoadedFingerprint = Fingerprint();
        var documents = seeds.Load(folder, contentRoot, settings.MaxSeedFileBytes);
        var corpus = new ArticleCorpus(documents, new PassageChunker(settings.PassageTargetChars, settings.PassageOverlapSentences));
        var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Log.CorpusLoaded(logger, documents.Count, folder, corpus.Passages.Count, elapsedMs);
        return corpus;
    }

    /// <summary>The seeds folder (absolute).</summary>
    public string SeedsFolder => Path.GetFullPath(options.Value.SeedsPath, environment.ContentRootPath);

    /// <summary>The seeds folder's <see cref="Fingerprint"/> when the corpus was last loaded; null before.</summary>
    public string? LoadedFingerprint { get; private set; }

    /// <summary>
    /// A cheap fingerprint of the seeds folder: the path, size and write time of every seed and metadata file under
    /// it (the servers' <c>guilds/</c> folder aside). Two equal fingerprints mean nothing a load would read has changed.
    /// </summary>
    public string Fingerprint() => FolderFingerprint(SeedsFolder);

    /// <summary>
    /// The fingerprint of any seeds folder (a server's too): every <c>.txt</c>, <c>.md</c> and metadata file under it,
    /// except those in a <c>guilds/</c> folder directly under it, by path, size and write time.
    /// </summary>
    public static string FolderFingerprint(string folder)
    {
        var entries = new List<string>();
        try
        {
            var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.None, MaxRecursionDepth = 32 };
            var guilds = GuildSeeds.FolderName + Path.DirectorySeparatorChar;
            foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*", options))
            {
                var relative = Path.GetRelativePath(folder, file.FullName);
                if (relative.StartsWith(guilds, StringComparison.Ordinal))
                {
                    continue;
                }

                if (file.Name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || file.Name.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
                    || file.Name.EndsWith(SeedMetadata.Suffix, StringComparison.OrdinalIgnoreCase))
                {
                    entries.Add($"{relative}\t{file.Length}\t{file.LastWriteTimeUtc.Ticks}");
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            entries.Add("unreadable: " + ex.Message);
        }

        entries.Sort(StringComparer.Ordinal);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', entries))));
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
