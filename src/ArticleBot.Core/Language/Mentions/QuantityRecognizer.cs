using System.Text.RegularExpressions;

namespace ArticleBot.Core.Language.Mentions;

/// <summary>
/// Finds numbers (Arabic or Chinese numerals, with units, money, percentages, ordinals like 第49届), dates and
/// times (2026年1月15日, 1月15日, 15 january, 1990s, 19世纪), ages (25岁, aged 25) and durations (三年, 10 years)
/// in folded text. One stretch of text may give several mentions (2003年 is a date; 3年 both a date and a duration).
/// </summary>
public static partial class QuantityRecognizer
{
    private const string Digits = @"\d+(?:[.,]\d+)*";
    private const string Han = "零〇一二两三四五六七八九十百千万亿";

    /// <summary>All number, date, age and duration mentions of a folded text.</summary>
    public static IEnumerable<Mention> Find(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        foreach (Match match in DateRegex().Matches(folded))
        {
            yield return Make(AnswerKind.Date, match);
        }

        foreach (Match match in EnglishDateRegex().Matches(folded))
        {
            yield return Make(AnswerKind.Date, match);
        }

        foreach (Match match in NumberRegex().Matches(folded))
        {
            var number = match.Groups["num"].Value;
            var unit = match.Groups["unit"].Value;
            var ordinal = match.Groups["pre"].Value == "第";
            var hanOnly = !number.Any(char.IsAsciiDigit);
            if (hanOnly && unit.Length == 0 && !ordinal && !(number.Length >= 2 && number.AsSpan().IndexOfAny("十百千万亿") >= 0))
            {
                continue; // a lone 一 or 三 is a word part (一些, 三角), not an amount
            }

            if (number == "一" && !ordinal)
            {
                continue; // 一年, 一位: mostly "a year", "a person"
            }

            if (hanOnly && number.Length == 1 && unit is "种" or "个" or "些" or "样" or "部" or "分" or "度" or "代" or "次" or "日" or "月" && !ordinal)
            {
                continue; // 一种, 一个, 一部分: "a", not a count
            }

            var kind = unit switch
            {
                "岁" or "周岁" or "虚岁" => AnswerKind.Age,
                "年" when number.Length >= 3 && !hanOnly => AnswerKind.Date,
                "月" or "日" when !hanOnly => AnswerKind.Date,
                "年" or "个月" or "周" or "星期" or "天" or "小时" or "分钟" or "秒" or "秒钟" or "个世纪" or "昼夜" or "年间" or "多年" or "余年" => AnswerKind.Duration,
                _ => AnswerKind.Number,
            };
            yield return new Mention(kind, match.Index, match.Length, match.Value, number);
            if (kind == AnswerKind.Duration && unit == "年")
            {
                yield return new Mention(AnswerKind.Date, match.Index, match.Length, match.Value, number); // 13年 may be 2013, 十八年 民國十八年
            }
        }

        foreach (Match match in PercentRegex().Matches(folded))
        {
            yield return Make(AnswerKind.Number, match);
        }

        foreach (Match match in EnglishQuantityRegex().Matches(folded))
        {
            var kind = match.Groups["age"].Success ? AnswerKind.Age : match.Groups["dur"].Success ? AnswerKind.Duration : AnswerKind.Number;
            yield return Make(kind, match);
        }
    }

    private static Mention Make(AnswerKind kind, Match match)
    {
        var core = new string([.. match.Value.Where(c => char.IsAsciiDigit(c) || Han.Contains(c, StringComparison.Ordinal))]);
        return new Mention(kind, match.Index, match.Length, match.Value, core.Length > 0 ? core : match.Value);
    }

    /// <summary>Chinese dates and periods: 2026年1月15日, 1月15日, 一九九〇年, 19世纪, 1990年代, 公元前221年, 10:30, 永禄11年,
    /// 第二次世界大战后, 春秋时期 (not 这一时期).</summary>
    [GeneratedRegex(@"(?:公元前?|西元前?)?\d{1,4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?|\d{1,2}\s*月\s*\d{1,2}\s*[日号]|(?:公元前?|西元前?)\d{1,4}\s*年|\d{3,4}\s*年(?:代|初|末|底|中|间|至)?|[〇零一二三四五六七八九]{4}年|[" + Han + @"\d]{1,3}\s*世纪(?:[初末中]|[" + Han + @"\d]{1,2}十?年代)?|\d{2,4}\s*年代|\d{1,2}\s*月(?:份|初|中|底)|[" + Han + @"]{1,3}月[" + Han + @"]{1,3}[日号]|\d{1,2}\s*[:：]\s*\d{2}|(?:凌晨|清晨|上午|中午|下午|傍晚|晚上|午夜)[\d" + Han + @"]{1,3}[点时]|[春夏秋冬]季|[一-鿿]{1,3}(?:元年|\d{1,2}年)|(?:第[一二三四五六七八九十\d]{1,3}次)?(?:(?![这那该此同其每在于从到])[一-鿿]){0,4}(?:世界大战|大战|战争|革命|战役|起义|事变)(?:之?前|之?后|期间|以前|以后|前夕|初期|末期|中期)|(?:(?![这那该此同其每在于从到])[一-鿿]){2,4}(?:时期|时代)")]
    private static partial Regex DateRegex();

    /// <summary>English dates: 15 january 2026, january 15, 2026, in 1990, the 1990s, the 19th century.</summary>
    [GeneratedRegex(@"\b(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|december)(?:\s*,?\s*\d{4})?|(?:january|february|march|april|june|july|august|september|october|november|december)(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:\s*,?\s*\d{4})?|(?:1\d|20)\d{2}s?|\d{1,2}(?:st|nd|rd|th)\s+century|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b")]
    private static partial Regex EnglishDateRegex();

    /// <summary>A number (Arabic or Chinese) with an optional prefix (第, 约) and unit or measure word.</summary>
    [GeneratedRegex(@"(?<pre>第|约|逾|近|超过|共|达|约为)?(?<num>" + Digits + @"(?:\s*[十百千万亿]+)?|[" + Han + @"]+(?:点[" + Han + @"]+)?)\s*(?<unit>%|％|‰|倍|成|届|名|位|个月|个世纪|个|人次|人|次|种|件|座|部|所|条|只|头|匹|架|台|辆|艘|项|篇|本|家|间|层|米|公里|千米|厘米|毫米|公尺|英尺|英里|英寸|海里|平方公里|平方米|平方英里|公顷|亩|吨|公斤|千克|克|磅|美元|港元|港币|日元|日圆|欧元|英镑|人民币|新台币|台币|元|块|圆|度|分|票|场|球|局|首|张|页|字|周岁|虚岁|岁|年间|余年|多年|年|月|周|星期|天|日|小时|分钟|秒钟|秒|昼夜|代|级|册|卷|集|季|例|款|枚|颗|株|届|户|支|队|国|省|县|所|余|多|强|亿|万)?")]
    private static partial Regex NumberRegex();

    /// <summary>Percentages written out: 百分之三十, 三成 (the digit forms are numbers with a % unit).</summary>
    [GeneratedRegex(@"百分之[" + Han + @"\d.点]+|[一二三四五六七八九十]成")]
    private static partial Regex PercentRegex();

    /// <summary>English amounts, ages and durations: 25 years old, aged 25, ten years, $5 million, 40 percent.</summary>
    [GeneratedRegex(@"(?<age>\b(?:aged?\s+\d{1,3}|\d{1,3}\s*-?\s*years?\s*-?\s*old))|(?<dur>\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries)\b)|(?<num>[$£€]\s*\d[\d,.]*(?:\s*(?:million|billion|trillion))?|\b\d[\d,.]*\s*(?:percent|per cent|million|billion|trillion|thousand|hundred)\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion)\b)")]
    private static partial Regex EnglishQuantityRegex();
}
