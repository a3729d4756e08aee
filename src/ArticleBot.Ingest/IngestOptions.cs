using System.ComponentModel.DataAnnotations;

namespace ArticleBot.Ingest;

/// <summary>
/// How readers' articles are imported. Section <c>Ingest</c>:
/// <code>
/// "Ingest": { "MaxBytes": 10485760, "TimeoutSeconds": 20, "MaxRedirects": 5, "AllowPrivateAddresses": false }
/// </code>
/// </summary>
public sealed class IngestOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Ingest";

    /// <summary>The largest download or file read, in bytes; a larger one is refused.</summary>
    [Range(1024, 1L << 31)]
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How long one fetch (every redirect included) may take.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 20;

    /// <summary>How many redirects a fetch follows before it is refused.</summary>
    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>
    /// Allows fetching from loopback, private, link-local and cloud-metadata addresses. Off: a reader's link must
    /// never make the bot reach into the network it runs in. Tests that serve pages on 127.0.0.1 turn it on.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>The most a Word file may unpack to, in bytes (all its parts together); more is taken for a zip bomb.</summary>
    [Range(1024, 1L << 32)]
    public long MaxUnpackedBytes { get; set; } = 200 * 1024 * 1024;

    /// <summary>The highest ratio of unpacked to packed size a Word file's part may have; more is taken for a zip bomb.</summary>
    [Range(10, 100_000)]
    public int MaxCompressionRatio { get; set; } = 200;

    /// <summary>The User-Agent sent with fetches.</summary>
    [Required(AllowEmptyStrings = false)]
    public string UserAgent { get; set; } = "ArticleBot/1.0 (+article import)";
}
