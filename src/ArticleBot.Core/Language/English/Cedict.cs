using System.IO.Compression;
using System.Text;

namespace ArticleBot.Core.Language.English;

/// <summary>
/// CC-CEDICT read once: each entry's Simplified headword, reading and glosses, and every English word its glosses use.
/// The English lexicon of a corpus keeps the entries the corpus writes (<see cref="EnglishLexicon.Build(Func{string, bool}, IEnumerable{string}, Cedict)"/>).
/// </summary>
public sealed class Cedict
{
    private Cedict(IReadOnlyList<(string Simplified, string Reading, string Glosses)> entries, HashSet<string> englishWords)
    {
        Entries = entries;
        EnglishWords = englishWords;
    }

    /// <summary>The entries, in file order.</summary>
    public IReadOnlyList<(string Simplified, string Reading, string Glosses)> Entries { get; }

    /// <summary>Every English word of every gloss (lower case).</summary>
    public IReadOnlySet<string> EnglishWords { get; }

    private string?[]? _headKeys;
    private List<(string Key, float Confidence)>?[]? _glossKeys;
    private static readonly string s_none = new('\0', 1);

    /// <summary>The key of an entry's first meaning, worked out once (a dictionary read for many corpora keeps it).</summary>
    internal string? HeadKey(int entry)
    {
        var keys = _headKeys ??= new string?[Entries.Count];
        var key = keys[entry] ??= EnglishLexicon.HeadKey(Entries[entry].Glosses) ?? s_none;
        return ReferenceEquals(key, s_none) ? null : key;
    }

    /// <summary>The lexicon keys of an entry's glosses, with their confidences, worked out once.</summary>
    internal IReadOnlyList<(string Key, float Confidence)> GlossKeys(int entry)
    {
        var keys = _glossKeys ??= new List<(string, float)>?[Entries.Count];
        return keys[entry] ??= EnglishLexicon.KeysOf(Entries[entry].Glosses);
    }

    /// <summary>Reads a CC-CEDICT stream (gzip); the embedded copy when null.</summary>
    public static Cedict Load(Stream? cedict = null)
    {
        var entries = new List<(string, string, string)>(130_000);
        var english = new HashSet<string>(StringComparer.Ordinal);
        using var stream = new GZipStream(cedict ?? EmbeddedResources.Open("cedict/cedict_ts.u8.gz"), CompressionMode.Decompress);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#' || !EnglishLexicon.TryParse(line, out var simplified, out var reading, out var glosses))
            {
                continue;
            }

            EnglishLexicon.CollectEnglishWords(glosses, english);
            entries.Add((simplified, reading, glosses));
        }

        english.TrimExcess();
        return new Cedict(entries, english);
    }
}
