using System.Text.RegularExpressions;

namespace ArticleBot.Core.ArticleTools;

/// <summary>What a "how many" question counts, so an answer about something else is refused.</summary>
public static partial class AnswerGate
{
    /// <summary>
    /// The thing counted in a folded Chinese question: the two characters after 多少 (多少下载量 → 下载), or null when
    /// the question does not say (English, or 多少 at the end).
    /// </summary>
    public static string? CountedThing(string foldedQuestion)
    {
        ArgumentNullException.ThrowIfNull(foldedQuestion);
        var match = CountedRegex().Match(foldedQuestion);
        return match.Success ? match.Groups["thing"].Value : null;
    }

    [GeneratedRegex(@"多少(?:个|位|家|名|种|次|笔)?(?<thing>\p{IsCJKUnifiedIdeographs}{2})")]
    private static partial Regex CountedRegex();
}
