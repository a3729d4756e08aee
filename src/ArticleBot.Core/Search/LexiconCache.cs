using System.Security.Cryptography;
using System.Text;
using ArticleBot.Core.Language.English;
using Microsoft.Extensions.Logging;

namespace ArticleBot.Core.Search;

/// <summary>
/// Keeps the corpus's English lexicon on disk, keyed by a fingerprint of the corpus and the shipped data, so it is
/// built once per corpus rather than once per process. A cache that cannot be read or written is skipped.
/// </summary>
public sealed partial class LexiconCache(string? directory, ILogger<LexiconCache> logger)
{
    /// <summary>Bump when the lexicon's construction changes, so old cache files are not reused.</summary>
    private const string Version = "lexicon-8"; // 4: British spellings folded to American in the keys; 5: Chinese synonyms; 6: proper names; 7: heads of two-word noun glosses; 8: part sizes first

    /// <summary>The cached lexicon for the corpus of <paramref name="passages"/>, or a new one from <paramref name="build"/>.</summary>
    public EnglishLexicon GetOrBuild(IEnumerable<string> passages, Func<EnglishLexicon> build)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(build);
        if (string.IsNullOrWhiteSpace(directory))
        {
            return build();
        }

        var path = FingerprintedCache.PathFor(directory, Version, Fingerprint(passages), ".tsv");
        return Read(path) ?? BuildAndKeep(path, build);
    }

    /// <summary>
    /// A new lexicon from <paramref name="build"/>, kept for the next process: for a caller that already found no
    /// cached one with <see cref="TryRead"/>.
    /// </summary>
    public EnglishLexicon BuildAndKeep(IEnumerable<string> passages, Func<EnglishLexicon> build)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(build);
        return string.IsNullOrWhiteSpace(directory)
            ? build()
            : BuildAndKeep(FingerprintedCache.PathFor(directory, Version, Fingerprint(passages), ".tsv"), build);
    }

    private EnglishLexicon BuildAndKeep(string path, Func<EnglishLexicon> build)
    {
        var lexicon = build();
        try
        {
            FingerprintedCache.WriteFile(path, temporary =>
            {
                using var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false));
                lexicon.Write(writer);
            });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.CacheUnwritable(logger, path, ex.Message);
        }

        return lexicon;
    }

    /// <summary>
    /// The cached lexicon for the corpus of <paramref name="passages"/>, or null when there is none to read (no cache,
    /// or a damaged one, which is discarded): reading needs no index, so it can run while the index opens.
    /// </summary>
    public EnglishLexicon? TryRead(IEnumerable<string> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        return string.IsNullOrWhiteSpace(directory) ? null : Read(FingerprintedCache.PathFor(directory, Version, Fingerprint(passages), ".tsv"));
    }

    private EnglishLexicon? Read(string path)
    {
        try
        {
            FingerprintedCache.CleanLeftovers(directory!);
            if (!File.Exists(path))
            {
                return null;
            }

            if (FingerprintedCache.Damage(path) is { } damage)
            {
                // Truncated, edited or corrupted since it was written: rebuilt by the caller, and replaced.
                Log.CacheDamaged(logger, path, damage);
                FingerprintedCache.Discard(path);
                return null;
            }

            using var reader = new StreamReader(path, Encoding.UTF8);
            if (EnglishLexicon.Read(reader) is { } cached)
            {
                return cached;
            }

            Log.CacheDamaged(logger, path, "it is not a lexicon of this version");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            Log.CacheDamaged(logger, path, ex.Message);
        }

        return null;
    }

    /// <summary>SHA-256 over the corpus, this build of the code (folding and analysis) and the shipped data.</summary>
    private static string Fingerprint(IEnumerable<string> passages) => FingerprintedCache.Fingerprint(hash =>
    {
        hash.AppendData(typeof(LexiconCache).Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        foreach (var passage in passages)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(passage));
            hash.AppendData([0]);
        }

        using (var aliases = EmbeddedResources.Open("aliases.tsv"))
        using (var copy = new MemoryStream())
        {
            aliases.CopyTo(copy);
            hash.AppendData(copy.ToArray());
        }

        using (var cedict = EmbeddedResources.Open("cedict/cedict_ts.u8.gz"))
        {
            hash.AppendData(BitConverter.GetBytes(cedict.Length));
        }
    });

    private static partial class Log
    {
        [LoggerMessage(EventId = 2003, EventName = "LexiconCacheDamaged", Level = LogLevel.Warning, Message = "The lexicon cache {Path} is damaged ({Reason}); rebuilding it")]
        public static partial void CacheDamaged(ILogger logger, string path, string reason);

        [LoggerMessage(EventId = 2004, EventName = "LexiconCacheUnwritable", Level = LogLevel.Warning,
            Message = "Cannot write the lexicon cache {Path} ({Reason}): it is rebuilt on every run. Make Corpus:CachePath writable, or set it empty")]
        public static partial void CacheUnwritable(ILogger logger, string path, string reason);
    }
}
