using System.Text;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.Language.Segmentation;

/// <summary>The kind of an index term.</summary>
public enum TermKind
{
    /// <summary>Two adjacent Chinese characters.</summary>
    Bigram,

    /// <summary>One Chinese character.</summary>
    Unigram,

    /// <summary>A Latin-script word such as <c>openai</c> or <c>b2b</c>.</summary>
    Word,

    /// <summary>A number or amount kept whole: <c>250</c>, <c>85%</c>, <c>30-35</c>, <c>250亿</c>.</summary>
    Number,
}

/// <summary>A term produced from folded text.</summary>
public readonly record struct ScannedTerm(string Text, TermKind Kind);

/// <summary>
/// Turns folded text into index terms: Chinese bigrams and unigrams, Latin words, and numbers kept whole
/// (with a percent sign, a range, or the Chinese unit that follows: <c>250亿</c>, <c>10倍</c>, <c>2月</c>).
/// The same scanner serves the index and the queries, so both sides always agree.
/// </summary>
public static class TermScanner
{
    /// <summary>Scans <paramref name="folded"/> and adds its terms to <paramref name="terms"/>.</summary>
    public static void Scan(string folded, List<ScannedTerm> terms, bool unigrams = true)
    {
        ArgumentNullException.ThrowIfNull(folded);
        ArgumentNullException.ThrowIfNull(terms);
        var i = 0;
        while (i < folded.Length)
        {
            var c = folded[i];
            if (IsHanAt(folded, i, out var width))
            {
                i = ScanHan(folded, i, terms, unigrams);
            }
            else if (char.IsAsciiDigit(c))
            {
                i = ScanNumber(folded, i, terms);
            }
            else if (char.IsLetter(c) && !char.IsSurrogate(c))
            {
                var start = i;
                while (i < folded.Length && (char.IsLetterOrDigit(folded[i]) && !CharClass.IsHan(folded[i])))
                {
                    i++;
                }

                terms.Add(new ScannedTerm(folded[start..i], TermKind.Word));
            }
            else
            {
                i += Math.Max(width, 1);
            }
        }
    }

    /// <summary>The Chinese runs (maximal sequences of Han characters) in folded text.</summary>
    public static IEnumerable<string> HanRuns(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        var builder = new StringBuilder();
        for (var i = 0; i < folded.Length;)
        {
            if (IsHanAt(folded, i, out var width))
            {
                builder.Append(folded, i, width);
            }
            else if (builder.Length > 0)
            {
                yield return builder.ToString();
                builder.Clear();
            }

            i += Math.Max(width, 1);
        }

        if (builder.Length > 0)
        {
            yield return builder.ToString();
        }
    }

    /// <summary>
    /// The index terms a folded word stands for: its bigrams when it is Chinese (its one character when it has only
    /// one), otherwise the word itself. The one place that decides how a word meets the index.
    /// </summary>
    public static IReadOnlyList<string> WordTerms(string foldedWord)
    {
        ArgumentNullException.ThrowIfNull(foldedWord);
        if (foldedWord.Length == 0)
        {
            return [];
        }

        if (HanRuns(foldedWord).FirstOrDefault() is not { } run || run.Length != foldedWord.Length)
        {
            return [foldedWord];
        }

        var characters = Characters(run);
        if (characters.Count == 1)
        {
            return [characters[0]];
        }

        var bigrams = new string[characters.Count - 1];
        for (var i = 0; i < bigrams.Length; i++)
        {
            bigrams[i] = characters[i] + characters[i + 1];
        }

        return bigrams;
    }

    /// <summary>The characters of a Han run, one string per character (astral characters are two code units).</summary>
    public static List<string> Characters(string run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var characters = new List<string>(run.Length);
        for (var i = 0; i < run.Length;)
        {
            var width = char.IsHighSurrogate(run[i]) && i + 1 < run.Length ? 2 : 1;
            characters.Add(run.Substring(i, width));
            i += width;
        }

        return characters;
    }

    private static int ScanHan(string text, int i, List<ScannedTerm> terms, bool unigrams)
    {
        string? previous = null;
        while (i < text.Length && IsHanAt(text, i, out var width))
        {
            var current = text.Substring(i, width);
            if (unigrams)
            {
                terms.Add(new ScannedTerm(current, TermKind.Unigram));
            }

            if (previous is not null)
            {
                terms.Add(new ScannedTerm(previous + current, TermKind.Bigram));
            }

            previous = current;
            i += width;
        }

        return i;
    }

    private static int ScanNumber(string text, int i, List<ScannedTerm> terms)
    {
        var start = i;
        while (i < text.Length && (char.IsAsciiDigit(text[i])
               || (text[i] is '.' or ',' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]) && i > start)))
        {
            i++;
        }

        var number = text[start..i].Replace(",", string.Empty, StringComparison.Ordinal);
        if (i < text.Length && text[i] == '%')
        {
            terms.Add(new ScannedTerm(number + "%", TermKind.Number));
            return i + 1;
        }

        terms.Add(new ScannedTerm(number, TermKind.Number));

        // A range "30-35" is also kept whole.
        if (i + 1 < text.Length && text[i] is '-' or '~' or '–' && char.IsAsciiDigit(text[i + 1]))
        {
            var end = i + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            terms.Add(new ScannedTerm($"{number}-{text[(i + 1)..end]}", TermKind.Number));
            return i; // the second number is scanned on its own next
        }

        // An amount with its Chinese unit: "250亿", "10倍", "1600 亿", "2月".
        var unit = i;
        if (unit < text.Length && text[unit] == ' ')
        {
            unit++;
        }

        if (unit < text.Length && IsHanAt(text, unit, out var width))
        {
            terms.Add(new ScannedTerm(string.Concat(number, text.AsSpan(unit, width)), TermKind.Number));
        }

        return i;
    }

    private static bool IsHanAt(string text, int i, out int width)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            width = 2;
            return CharClass.IsHan(char.ConvertToUtf32(c, text[i + 1]));
        }

        width = 1;
        return CharClass.IsHan(c);
    }
}
