using System.Text.RegularExpressions;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.ArticleTools;

/// <summary>
/// Two countries named together by their one-character forms ("中美兩國", "中日雙方", "美俄之間"): written out
/// ("中国和美国兩國"), so the question names both sides and is compared side by side like any other. The forms are a data
/// file (<c>Resources/words/names.country-abbreviations.txt</c>).
/// </summary>
public static partial class CountryPairs
{
    private static readonly Dictionary<char, string> s_countries = WordLists.Load("names.country-abbreviations")
        .Select(line => line.Split('\t'))
        .Where(parts => parts.Length == 2 && parts[0].Length == 1)
        .ToDictionary(parts => parts[0][0], parts => parts[1]);

    /// <summary>The question with a pair of one-character country names written out; unchanged when it has none.</summary>
    public static string Expand(string question, ScriptFolding folder)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(folder);
        var folded = folder.Fold(question);
        if (folded.Length != question.Length)
        {
            return question; // the pair is replaced where it stands, which folding must not have moved
        }

        foreach (Match match in PairRegex().Matches(folded))
        {
            if (s_countries.TryGetValue(match.Value[0], out var first) && s_countries.TryGetValue(match.Value[1], out var second) && first != second)
            {
                return $"{question[..match.Index]}{first}和{second}{question[(match.Index + 2)..]}";
            }
        }

        return question;
    }

    // Two characters before 两国, 双方 or 之间 (folded): the only places such a pair is unambiguous.
    [GeneratedRegex(@"[一-鿿]{2}(?=两国|双方|之间)")]
    private static partial Regex PairRegex();
}
