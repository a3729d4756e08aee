using System.IO.Compression;
using System.Text;
using ArticleBot.Core.Language.English;
using ArticleBot.Core.Search;

namespace ArticleBot.Core.Claims;

/// <summary>
/// Every CC-CEDICT word with its glosses, including the words the article never writes (the corpus lexicon keeps only
/// the article's). A claim's word that the article lacks is read here: is it a word at all, a name, of which domain.
/// Read once, on the first claim that needs it: a claim that the article's words cover never loads it.
/// </summary>
public sealed class WordGlosses
{
    /// <summary>The longest word looked up: longer dictionary entries are idioms and phrases, not slot fillers.</summary>
    public const int MaxWordLength = 4;

    private readonly Lazy<Dictionary<string, string>> _glosses;

    /// <summary>Creates the lookup over the embedded dictionary, or over the CC-CEDICT file (gzip) <paramref name="open"/> gives.</summary>
    public WordGlosses(Func<Stream>? open = null) => _glosses = new(() => Read(open?.Invoke() ?? EmbeddedResources.Open("cedict/cedict_ts.u8.gz")));

    /// <summary>True when the Simplified word is a dictionary word.</summary>
    public bool IsWord(string simplified) => _glosses.Value.ContainsKey(simplified);

    /// <summary>The word's glosses (of every entry, '/'-separated), or null when it is not a dictionary word.</summary>
    public string? GlossesOf(string simplified) => _glosses.Value.GetValueOrDefault(simplified);

    /// <summary>The kind of proper name the word is by any of its entries (a word may be a name in one entry and a common noun in another), or null.</summary>
    public ProperNameKind? ProperName(string simplified)
    {
        if (GlossesOf(simplified) is not { } glosses)
        {
            return null;
        }

        // Each entry's glosses were joined with "//": each entry is read as the name it may be on its own.
        foreach (var entry in glosses.Split("//", StringSplitOptions.RemoveEmptyEntries))
        {
            if (ProperNames.KindOf(entry) is { } kind)
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>
    /// The domain labels of the word's glosses: "(sports) midfield" gives sports, "blue (color)" gives color. Two words
    /// of one domain filling the same slot of a claim and of the article are alternatives, not a word and its paraphrase.
    /// </summary>
    public IReadOnlySet<string> Domains(string simplified)
    {
        var domains = new HashSet<string>(StringComparer.Ordinal);
        if (GlossesOf(simplified) is not { } glosses)
        {
            return domains;
        }

        for (var open = glosses.IndexOf('('); open >= 0; open = glosses.IndexOf('(', open + 1))
        {
            var close = glosses.IndexOf(')', open + 1);
            if (close < 0)
            {
                break;
            }

            var label = glosses[(open + 1)..close].Trim().ToLowerInvariant();
            // A label is one or two plain words: "(sports)", "(color)"; not "(1743-1794)", "(name)", "(e.g. experiments)" or "(literary)".
            if (label.Length is >= 3 and <= 20 && label.All(c => char.IsAsciiLetterLower(c) || c == ' ') && label.Count(c => c == ' ') <= 1 && !s_notDomains.Contains(label))
            {
                domains.Add(label);
            }
        }

        return domains;
    }

    // Labels of register, grammar or source rather than of a field of meaning.
    private static readonly HashSet<string> s_notDomains = new(StringComparer.Ordinal)
    {
        "name", "literary", "formal", "informal", "colloquial", "slang", "old", "archaic", "dialect", "polite", "honorific",
        "humble", "derog", "derogatory", "fig", "figurative", "lit", "literally", "abbr", "coll", "bound form", "loanword",
        "onom", "onomatopoeia", "classical", "euphemism", "written", "of a person", "of a thing", "surname", "pr",
    };

    /// <summary>
    /// Reads headwords and glosses only: a quarter of <see cref="Cedict.Load"/>'s time, which also indexes every English
    /// word (a claim's first check pays this once per process).
    /// </summary>
    private static Dictionary<string, string> Read(Stream gzip)
    {
        var glosses = new Dictionary<string, string>(130_000, StringComparer.Ordinal);
        using var reader = new StreamReader(new GZipStream(gzip, CompressionMode.Decompress), Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            // "Traditional Simplified [pin1 yin1] /gloss/gloss/"
            var first = line.IndexOf(' ', StringComparison.Ordinal);
            var second = first > 0 ? line.IndexOf(' ', first + 1) : -1;
            var slash = second > 0 ? line.IndexOf('/', second) : -1;
            if (line.StartsWith('#') || slash < 0 || second - first - 1 > MaxWordLength)
            {
                continue;
            }

            var simplified = line[(first + 1)..second];
            var gloss = line.AsSpan(slash).Trim('/').ToString();
            glosses[simplified] = glosses.TryGetValue(simplified, out var before) ? before + "//" + gloss : gloss;
        }

        return glosses;
    }
}
