using System.ComponentModel.DataAnnotations;

namespace ArticleBot.Core.Corpus;

/// <summary>
/// Where the article comes from and how it is cut into passages. Section <c>Corpus</c>:
/// <code>
/// "Corpus": { "SeedsPath": "seeds", "PassageTargetChars": 240, "PassageOverlapSentences": 1, "CachePath": ".cache" }
/// </code>
/// </summary>
public sealed class CorpusOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Corpus";

    /// <summary>Folder of <c>.txt</c>/<c>.md</c> seed files, relative to the content root (or absolute).</summary>
    [Required(AllowEmptyStrings = false)]
    public string SeedsPath { get; set; } = "seeds";

    /// <summary>A paragraph longer than this (in characters) is split at sentence boundaries.</summary>
    [Range(40, 20_000)]
    public int PassageTargetChars { get; set; } = 240;

    /// <summary>
    /// Folder (relative to the content root, or absolute) for data derived from the corpus: the Lucene index and the
    /// English lexicon, both keyed by a fingerprint of the corpus. Empty to build them in memory every time.
    /// </summary>
    public string? CachePath { get; set; } = ".cache";

    /// <summary>The largest seed file read, in bytes; a larger one is skipped with a warning naming it.</summary>
    [Range(1024, 1L << 32)]
    public long MaxSeedFileBytes { get; set; } = SeedLoader.DefaultMaxFileBytes;

    /// <summary>
    /// A running bot (chat, Discord, MCP) watches the seeds folder and re-indexes when an article is added, changed or
    /// removed, without a restart. Off: the seeds are read once at start.
    /// </summary>
    public bool WatchSeeds { get; set; } = true;

    /// <summary>
    /// How often the seeds folder is also compared with what was loaded, in seconds: the file-system watcher's events
    /// are not delivered on every file system (network shares, some containers), so this poll is the fallback.
    /// </summary>
    [Range(0.1, 3600)]
    public double PollSeconds { get; set; } = 2;

    /// <summary>How many sentences consecutive pieces of a split paragraph share.</summary>
    [Range(0, 5)]
    public int PassageOverlapSentences { get; set; } = 1;
}
