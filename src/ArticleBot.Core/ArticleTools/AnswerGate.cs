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

    /// <summary>
    /// True when a sentence states some quantity: a digit, or a Chinese numeral with a unit or an ordinal
    /// (三百二十万年, 三人, 第八位). Lenient on purpose: it only stops answers that hold no number at all. A date
    /// (1月15日, 2026年) is not a quantity unless <paramref name="datesCount"/> (the question asks 幾年, "which year").
    /// </summary>
    public static bool HoldsQuantity(string sentence, bool datesCount = true)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var text = sentence;
        if (!datesCount)
        {
            foreach (var date in FigureReader.Read(sentence).Where(f => f.Kind == FigureKind.Date).Reverse())
            {
                text = string.Concat(text.AsSpan(0, date.Start), " ", text.AsSpan(date.End));
            }
        }

        return text.Any(char.IsAsciiDigit) || text.Any(c => c is >= '０' and <= '９') || ChineseQuantityRegex().IsMatch(text);
    }

    /// <summary>True when a sentence states some time: a quantity (a year, a date) or a word of time (世紀, 年代, 戰前, 凌晨).</summary>
    public static bool HoldsTime(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        return HoldsQuantity(sentence) || TimeWordRegex().IsMatch(sentence);
    }

    [GeneratedRegex(@"第[零〇一二两兩三四五六七八九十百千\d]+|[零〇一二两兩三四五六七八九十百千万萬亿億半]+(?:个|個|位|名|人|年|月|日|号|號|天|岁|歲|架|次|倍|元|种|種|项|項|部|台|辆|輛|条|條|家|所|座|只|隻|公里|米|吨|噸|亿|億|万|萬|成|周|週|代|世纪|世紀|分|秒|时|時|点|點|届|屆|任|期|章|节|節|册|冊|本|块|塊|张|張|间|間|层|層|户|戶|口|匹|头|頭|棵|枚|件)")]
    private static partial Regex ChineseQuantityRegex();

    [GeneratedRegex(@"世纪|世紀|年代|时期|時期|期间|期間|朝|战前|戰前|战后|戰後|前夕|初期|末期|中叶|中葉|早期|晚期|以前|以后|以後|之后|之後|之前|当时|當時|同年|翌年|次年|凌晨|夜里|夜裡|早上|晚上|清晨|傍晚|春季|夏季|秋季|冬季|年间|年間|民国|民國|元年|今年|去年|明年|近年|日前|目前|现在|現在|如今")]
    private static partial Regex TimeWordRegex();

    [GeneratedRegex(@"哪家公司|哪个公司|什么公司|哪家企业|哪个企业|谁家|谁的产品|哪家的|which company|what company|who owns|who makes|who made|who launched|who runs|whose")]
    private static partial Regex OwnerRegex();

    [GeneratedRegex(@"多少(?:个|位|家|名|种|次|笔)?(?<thing>\p{IsCJKUnifiedIdeographs}{2})")]
    private static partial Regex CountedRegex();
}
