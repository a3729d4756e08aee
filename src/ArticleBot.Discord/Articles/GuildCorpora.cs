using System.Collections.Concurrent;
using System.Diagnostics;
using ArticleBot.Core.Corpus;
using ArticleBot.Core.Search;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArticleBot.Discord.Articles;

/// <summary>
/// What each Discord server answers on: the shared seeds, plus the articles added in that server with
/// <c>/article add</c> (<c>{seeds}/guilds/{guildId}/</c>). A server with articles of its own gets a view of the search
/// (<see cref="ArticleSearch.CreateView"/>): the shared documents and its own, indexed in memory on the first event
/// from it, and again when its folder's fingerprint changes or the shared corpus is reloaded. A server without
/// articles, and a DM, use the shared search as it is. The event's handling runs inside <see cref="Enter"/>, so the
/// answerer, its tools and its citations all see the server's view and no other.
/// </summary>
public sealed partial class GuildCorpora(ArticleSearch search, SeedLoader seeds, CorpusLoader loader, IOptions<CorpusOptions> options, IHostEnvironment environment, ILogger<GuildCorpora> logger)
{
    /// <summary>How many servers' views are kept; past it the least recently used is dropped (and built again when needed).</summary>
    public const int MaxViews = 64;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _building = new();

    /// <summary>
    /// Makes the calling async flow search <paramref name="guildId"/>'s view until the result is disposed; null (the
    /// shared search, nothing to undo) for a DM or a server without articles of its own.
    /// </summary>
    public IDisposable? Enter(string? guildId) => ViewOf(guildId) is { } view ? search.Use(view) : null;

    /// <summary>The server's view, built or rebuilt when needed; null when it has no articles of its own.</summary>
    public ArticleSearch.CorpusView? ViewOf(string? guildId)
    {
        if (!GuildSeeds.IsGuildId(guildId))
        {
            return null;
        }

        var folder = GuildSeeds.FolderOf(loader.SeedsFolder, guildId!);
        if (!Directory.Exists(folder))
        {
            _entries.TryRemove(guildId!, out _);
            return null;
        }

        var fingerprint = CorpusLoader.FolderFingerprint(folder);
        var shared = search.SharedCorpus;
        if (Fresh(guildId!, fingerprint, shared) is { } fresh)
        {
            return fresh.View;
        }

        lock (_building)
        {
            // Another event of the server may have built it meanwhile.
            if (Fresh(guildId!, fingerprint, shared) is { } built)
            {
                return built.View;
            }

            var entry = new Entry(fingerprint, shared, Build(guildId!, folder, shared)) { LastUsed = Stopwatch.GetTimestamp() };
            _entries[guildId!] = entry;
            if (_entries.Count > MaxViews)
            {
                _entries.TryRemove(_entries.MinBy(e => e.Value.LastUsed).Key, out _);
            }

            return entry.View;
        }
    }

    private Entry? Fresh(string guildId, string fingerprint, ArticleCorpus shared)
    {
        if (_entries.TryGetValue(guildId, out var entry) && entry.Fingerprint == fingerprint && ReferenceEquals(entry.Shared, shared))
        {
            entry.LastUsed = Stopwatch.GetTimestamp();
            return entry;
        }

        return null;
    }

    private ArticleSearch.CorpusView? Build(string guildId, string folder, ArticleCorpus shared)
    {
        var started = Stopwatch.GetTimestamp();
        IReadOnlyList<SeedDocument> own;
        try
        {
            // Their ids must not collide with the shared documents' (every passage id is unique in a corpus).
            own = seeds.Load(folder, environment.ContentRootPath, options.Value.MaxSeedFileBytes, shared.Documents.Select(d => d.Key), loader.SeedsFolder);
        }
        catch (CorpusConfigurationException)
        {
            return null; // the folder holds no article (all removed): the shared search
        }

        var settings = options.Value;
        var corpus = new ArticleCorpus([.. shared.Documents, .. own], new PassageChunker(settings.PassageTargetChars, settings.PassageOverlapSentences));
        var view = search.CreateView(corpus);
        var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Log.ViewBuilt(logger, guildId, own.Count, corpus.Passages.Count, elapsedMs);
        return view;
    }

    private sealed record Entry(string Fingerprint, ArticleCorpus Shared, ArticleSearch.CorpusView? View)
    {
        public long LastUsed { get; set; }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4501, EventName = "DiscordServerArticlesIndexed", Level = LogLevel.Information,
            Message = "Server {GuildId}: indexed its {Documents} article(s) beside the shared ones ({Passages} passages) in {ElapsedMs} ms")]
        public static partial void ViewBuilt(ILogger logger, string guildId, int documents, int passages, long elapsedMs);
    }
}
