using System.Text.RegularExpressions;

namespace ArticleBot.Core.ArticleTools;

/// <summary>What a "how many" question counts, so an answer about something else is refused.</summary>
public static partial class AnswerGate
{
    // Words for a quantity itself, not for what is counted: an article gives a share without saying 比例.
    private static readonly string[] s_generic = ["比例", "比重", "份额", "占比", "百分", "金额", "钱", "资金", "数量", "数字", "数据", "人数", "时间", "年", "天", "倍", "成", "次"];

    /// <summary>
    /// The thing counted in a folded Chinese question: the two characters after 多少 (多少下载量 → 下载), or null when
    /// the question does not say (English, or 多少 at the end).
    /// </summary>
    public static string? CountedThing(string foldedQuestion)
    {
        ArgumentNullException.ThrowIfNull(foldedQuestion);
        var match = CountedRegex().Match(foldedQuestion);
        return match.Success && !s_generic.Any(g => match.Groups["thing"].Value.StartsWith(g, StringComparison.Ordinal)) ? match.Groups["thing"].Value : null;
    }

    /// <summary>True when a folded question asks whose product or service something is (哪家公司的產品, which company makes).</summary>
    public static bool AsksForOwner(string foldedQuestion)
    {
        ArgumentNullException.ThrowIfNull(foldedQuestion);
        return OwnerRegex().IsMatch(foldedQuestion);
    }

    [GeneratedRegex(@"哪家公司|哪个公司|什么公司|哪家企业|哪个企业|谁家|谁的产品|哪家的|which company|what company|who owns|who makes|who made|who launched|who runs|whose")]
    private static partial Regex OwnerRegex();

    [GeneratedRegex(@"多少(?:个|位|家|名|种|次|笔)?(?<thing>\p{IsCJKUnifiedIdeographs}{2})")]
    private static partial Regex CountedRegex();
}
