namespace ArticleBot.Core.Language.English;

/// <summary>
/// Other forms of an English word that CC-CEDICT does not gloss as written: derivational endings replaced
/// ("primality" → "prime", "decomposable" → "decompose") and prefixes stripped ("subsectors" → "sectors"). The
/// stemmer only strips inflection, and the dictionary glosses a word under one form of it, so a question's rarer form
/// found nothing and counted as a name the article never writes. The rules are data
/// (<c>words/english.derivations.txt</c>, <c>words/english.prefixes.txt</c>): general English morphology.
/// </summary>
public static class EnglishDerivations
{
    /// <summary>How surely a derived form's glosses stand for the word, against the word's own glosses.</summary>
    public const float Confidence = 0.6f;

    /// <summary>The fewest letters left before a replaced ending (so "ally" is not "all" + "y").</summary>
    private const int MinStem = 3;

    /// <summary>The fewest letters left after a stripped prefix (so "under" is not "un" + "der").</summary>
    private const int MinAfterPrefix = 4;

    private static readonly (string Ending, string Replacement)[] s_endings = [.. WordLists.Load("english.derivations").Select(Rule)];
    private static readonly string[] s_prefixes = WordLists.Load("english.prefixes");

    /// <summary>
    /// The other forms of a lower-case word, most likely first: each ending replaced, then each prefix stripped (the
    /// rest as it is, then with its ending replaced). The word itself is not among them.
    /// </summary>
    public static IEnumerable<string> Forms(string lower)
    {
        ArgumentNullException.ThrowIfNull(lower);
        foreach (var form in Endings(lower))
        {
            yield return form;
        }

        foreach (var prefix in s_prefixes)
        {
            if (lower.Length - prefix.Length >= MinAfterPrefix && lower.StartsWith(prefix, StringComparison.Ordinal))
            {
                var rest = lower[prefix.Length..];
                yield return rest;
                foreach (var form in Endings(rest))
                {
                    yield return form;
                }
            }
        }
    }

    /// <summary>
    /// The glosses of the first other form of a lower-case word that the lexicon translates, at
    /// <see cref="Confidence"/> of their own; empty when none is.
    /// </summary>
    public static IReadOnlyList<Expansion> Lookup(EnglishLexicon lexicon, string lower)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        return lexicon.LookupFirst(Forms(lower), Confidence);
    }

    private static IEnumerable<string> Endings(string lower)
    {
        foreach (var (ending, replacement) in s_endings)
        {
            if (lower.Length - ending.Length >= MinStem && lower.EndsWith(ending, StringComparison.Ordinal))
            {
                yield return string.Concat(lower.AsSpan(0, lower.Length - ending.Length), replacement);
            }
        }
    }

    private static (string Ending, string Replacement) Rule(string line)
    {
        var tab = line.IndexOf('\t', StringComparison.Ordinal);
        return tab < 0 ? (line, string.Empty) : (line[..tab], line[(tab + 1)..]);
    }
}
