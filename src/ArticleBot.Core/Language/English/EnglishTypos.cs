namespace ArticleBot.Core.Language.English;

/// <summary>
/// The words one slip away from an English word that no CC-CEDICT gloss uses ("coruption" → "corruption", "betwen"
/// → "between"): one letter dropped, added or changed, or two neighbours swapped. Readers mistype, and a mistyped word
/// found nothing in the article, so it counted as something the article never writes. Only for words of
/// <see cref="MinLength"/> to <see cref="MaxLength"/> letters: a short word is one slip from too many others.
/// </summary>
public static class EnglishTypos
{
    /// <summary>How surely a correction's glosses stand for the word, against the glosses of a word typed right.</summary>
    public const float Confidence = 0.6f;

    /// <summary>The shortest word that is corrected.</summary>
    public const int MinLength = 5;

    /// <summary>
    /// The longest word that is corrected: one slip longer than the longest word of the glosses (31 letters). A longer
    /// word is no slip of a gloss word, and one of the question's 1,000 characters would cost some 50,000 candidates.
    /// </summary>
    public const int MaxLength = 32;

    /// <summary>
    /// The known words one slip away from a lower-case word, without repeats, in a fixed order: swaps, then drops,
    /// then additions, then changes (the commonest slips first).
    /// </summary>
    public static IEnumerable<string> Corrections(string lower, Func<string, bool> isKnown)
    {
        ArgumentNullException.ThrowIfNull(lower);
        ArgumentNullException.ThrowIfNull(isKnown);
        if (lower.Length is < MinLength or > MaxLength || !lower.All(char.IsAsciiLetterLower))
        {
            yield break;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal) { lower };
        foreach (var candidate in Slips(lower))
        {
            if (seen.Add(candidate) && isKnown(candidate))
            {
                yield return candidate;
            }
        }
    }

    /// <summary>
    /// The glosses of the first correction of a lower-case word that the lexicon translates, at
    /// <see cref="Confidence"/> of their own; empty when none is.
    /// </summary>
    public static IReadOnlyList<Expansion> Lookup(EnglishLexicon lexicon, string lower)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        return lexicon.LookupFirst(Corrections(lower, lexicon.IsGlossWord), Confidence);
    }

    private static IEnumerable<string> Slips(string word)
    {
        for (var i = 0; i + 1 < word.Length; i++)
        {
            yield return string.Concat(word.AsSpan(0, i), [word[i + 1], word[i]], word.AsSpan(i + 2));
        }

        for (var i = 0; i < word.Length; i++)
        {
            yield return string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1));
        }

        for (var i = 0; i <= word.Length; i++)
        {
            for (var c = 'a'; c <= 'z'; c++)
            {
                yield return string.Concat(word.AsSpan(0, i), [c], word.AsSpan(i));
            }
        }

        for (var i = 0; i < word.Length; i++)
        {
            for (var c = 'a'; c <= 'z'; c++)
            {
                if (c != word[i])
                {
                    yield return string.Concat(word.AsSpan(0, i), [c], word.AsSpan(i + 1));
                }
            }
        }
    }
}
