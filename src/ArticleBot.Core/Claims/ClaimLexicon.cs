using System.Text;

namespace ArticleBot.Core.Claims;

/// <summary>
/// The words the claim verifier reads claims and articles by (Resources/claims.tsv, with its source): attributes and
/// their qualitative values, comparators, the article's qualifiers, negation, question frames, ownership and
/// comparative cues. Words are folded (Simplified, lower case); an English word matches only as a whole word.
/// </summary>
public sealed class ClaimLexicon
{
    private static readonly Lazy<ClaimLexicon> s_shipped = new(() => Load(new StreamReader(EmbeddedResources.Open("claims.tsv"), Encoding.UTF8)));

    private readonly Dictionary<string, List<(string Key, string[] Words)>> _sections = new(StringComparer.Ordinal);

    /// <summary>The shipped lexicon.</summary>
    public static ClaimLexicon Shipped => s_shipped.Value;

    /// <summary>Reads a lexicon in the format of Resources/claims.tsv.</summary>
    public static ClaimLexicon Load(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var lexicon = new ClaimLexicon();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length != 3)
            {
                throw new FormatException($"claims lexicon: '{line}' is not section<TAB>key<TAB>words");
            }

            var words = parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .OrderByDescending(w => w.Length).ToArray();
            if (!lexicon._sections.TryGetValue(parts[0], out var entries))
            {
                lexicon._sections[parts[0]] = entries = [];
            }

            entries.Add((parts[1], words));
        }

        return lexicon;
    }

    /// <summary>The entries of a section (key and words, longest word first).</summary>
    public IReadOnlyList<(string Key, string[] Words)> Section(string name) =>
        _sections.TryGetValue(name, out var entries) ? entries : [];

    /// <summary>Every word of a section, longest first.</summary>
    public IEnumerable<string> Words(string section) => Section(section).SelectMany(e => e.Words).OrderByDescending(w => w.Length);

    /// <summary>The keys of a section whose words occur in the folded text, with the first position of each.</summary>
    public IEnumerable<(string Key, int At, int Length)> Find(string section, string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        foreach (var (key, words) in Section(section))
        {
            foreach (var word in words)
            {
                var at = IndexOfWord(folded, word, 0);
                if (at >= 0)
                {
                    yield return (key, at, word.Length);
                    break;
                }
            }
        }
    }

    /// <summary>Every occurrence of every word of a section in the folded text (overlaps resolved longest first).</summary>
    public List<(string Key, int At, int Length)> FindAll(string section, string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        var found = new List<(string Key, int At, int Length)>();
        foreach (var (key, words) in Section(section))
        {
            foreach (var word in words)
            {
                for (var at = IndexOfWord(folded, word, 0); at >= 0; at = IndexOfWord(folded, word, at + 1))
                {
                    if (!Overlaps(found, at, word.Length))
                    {
                        found.Add((key, at, word.Length));
                    }
                }
            }
        }

        found.Sort((a, b) => a.At.CompareTo(b.At));
        return found;
    }

    // A loop, not a lambda: a closure over the loop's word was allocated for every word of the section, found or not
    // (a twelfth of a warm answer's allocations).
    private static bool Overlaps(List<(string Key, int At, int Length)> found, int at, int length)
    {
        foreach (var f in found)
        {
            if (at < f.At + f.Length && f.At < at + length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where a word occurs in folded text from <paramref name="from"/>: as a substring, or for a word of ASCII letters as a whole word.</summary>
    public static int IndexOfWord(string folded, string word, int from)
    {
        ArgumentNullException.ThrowIfNull(folded);
        ArgumentNullException.ThrowIfNull(word);
        var latin = word.Length > 0 && char.IsAsciiLetter(word[0]);
        for (var at = folded.IndexOf(word, from, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var end = at + word.Length;
            if (!latin || ((at == 0 || !char.IsAsciiLetter(folded[at - 1])) && (end == folded.Length || !char.IsAsciiLetter(folded[end]) || word.EndsWith('\''))))
            {
                return at;
            }
        }

        return -1;
    }
}
