namespace ArticleBot.Core.Language.Numbers;

/// <summary>
/// The words a Chinese count is written with after its number (3座, 126間, 18趟, 1厘米): what makes a number a figure
/// rather than a model name or a list number. Two data files, read once:
/// <list type="bullet">
/// <item><c>figures.classifiers</c>: every classifier CC-CEDICT marks as such (its glosses "classifier for …", "measure
/// word …", and its entries' CL: notes), derived by <c>ArticleBot.Training --classifiers</c>; a test checks the file is
/// exactly that derivation.</item>
/// <item><c>figures.units</c>: units of measurement, time and age (公里, 公斤, 平方公里, 小時, 世紀), general vocabulary.</item>
/// </list>
/// </summary>
public static class MeasureWords
{
    private static readonly Lazy<(HashSet<string> Words, int Longest)> s_words = new(() =>
    {
        HashSet<string> words = [.. WordLists.Load("figures.classifiers"), .. WordLists.Load("figures.units")];
        return (words, words.Max(w => w.Length));
    });

    /// <summary>
    /// The longest measure word that starts at <paramref name="at"/> in <paramref name="text"/>, after at most one
    /// space (5 家), or the empty string.
    /// </summary>
    public static string At(string text, int at)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (words, longest) = s_words.Value;
        if (at < text.Length && at > 0 && char.IsWhiteSpace(text[at]) && !char.IsWhiteSpace(text[at - 1]))
        {
            at++;
        }

        for (var n = Math.Min(longest, text.Length - at); n > 0; n--)
        {
            var word = text.Substring(at, n);
            if (words.Contains(word) && !(char.IsAsciiLetter(word[^1]) && at + n < text.Length && char.IsAsciiLetter(text[at + n])))
            {
                return word; // a Latin unit only as a whole word (30km, not the km of 30kmh)
            }
        }

        return string.Empty;
    }
}
