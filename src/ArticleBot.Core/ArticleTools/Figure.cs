using System.Globalization;
using System.Text.RegularExpressions;
using ArticleBot.Core.Language.Numbers;

namespace ArticleBot.Core.ArticleTools;

/// <summary>What a number in the text is.</summary>
public enum FigureKind
{
    /// <summary>Money, or a count in the ten thousands and beyond (10億紅包, 250億美元).</summary>
    Amount,

    /// <summary>A share (85%).</summary>
    Percent,

    /// <summary>A date or a year (1月15日, 2026年).</summary>
    Date,

    /// <summary>Any other number with its unit (10倍, 30-35公里).</summary>
    Count,
}

/// <summary>
/// A number as written in a text: its exact span, its kind, its value (units such as 萬 and 億 applied; a date as
/// year*10000+month*100+day with 0 for a missing part), its currency or unit, and the words around it that qualify it
/// (超, 近, 可達: "more than", "nearly", "up to").
/// </summary>
public sealed record FigureMention(int Start, int End, string Text, FigureKind Kind, double Value, string Unit, string Qualifier)
{
    /// <summary>True when two mentions state the same quantity (same kind, value within rounding).</summary>
    public bool SameAs(FigureMention other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Kind != other.Kind)
        {
            return false;
        }

        if (Kind == FigureKind.Date)
        {
            // A claim without a year ("February 1") matches a date with one.
            var (y1, md1) = ((int)(Value / 10000), Value % 10000);
            var (y2, md2) = ((int)(other.Value / 10000), other.Value % 10000);
            return (y1 == y2 || y1 == 0 || y2 == 0) && (md1 == md2 || md1 == 0 || md2 == 0);
        }

        return Math.Abs(Value - other.Value) <= Math.Max(Math.Abs(Value), Math.Abs(other.Value)) * 1e-6;
    }
}

/// <summary>Finds numbers in Chinese text (Arabic digits with Chinese units) and in English claims.</summary>
public static partial class FigureReader
{
    private static readonly Dictionary<string, double> s_chineseUnits = new(StringComparer.Ordinal)
    {
        ["萬億"] = 1e12, ["万亿"] = 1e12, ["億"] = 1e8, ["亿"] = 1e8, ["萬"] = 1e4, ["万"] = 1e4, ["千"] = 1e3, ["百"] = 1e2,
    };

    private static readonly string[] s_months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>
    /// The value of digits the patterns matched: <c>\d</c> matches every script's decimal digits (full-width ２００９ in
    /// a claim typed on a Chinese keyboard), which the invariant culture's parser refuses; thousands separators are dropped.
    /// </summary>
    private static double Number(string digits)
    {
        Span<char> ascii = digits.Length <= 64 ? stackalloc char[digits.Length] : new char[digits.Length];
        var length = 0;
        foreach (var c in digits)
        {
            if (c == ',')
            {
                continue;
            }

            ascii[length++] = CharUnicodeInfo.GetDecimalDigitValue(c) is var d and >= 0 ? (char)('0' + d) : c;
        }

        return double.Parse(ascii[..length], NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>The numbers of a Chinese (or mixed) text, in order.</summary>
    public static IReadOnlyList<FigureMention> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<FigureMention>();
        var taken = new bool[text.Length];
        foreach (Match m in DateRegex().Matches(text))
        {
            var year = m.Groups["y"].Success ? (int)Number(m.Groups["y"].Value) : 0;
            var month = m.Groups["m"].Success ? (int)Number(m.Groups["m"].Value) : 0;
            var day = m.Groups["d"].Success ? (int)Number(m.Groups["d"].Value) : 0;
            if (month > 12 || day > 31 || (year == 0 && month == 0))
            {
                continue;
            }

            Add(found, taken, text, m.Index, m.Length, FigureKind.Date, (year * 10000) + (month * 100) + day, m.Groups["p"].Value);
        }

        foreach (Match m in NumberRegex().Matches(text))
        {
            if (taken[m.Index])
            {
                continue;
            }

            var value = Number(m.Groups["n"].Value);
            var unit = m.Groups["u"].Value;
            var multiplier = unit.Length > 0 ? s_chineseUnits[unit] : 1;
            var currency = m.Groups["c"].Value;
            var percent = m.Groups["pct"].Success;
            var measure = percent ? string.Empty : MeasureWords.At(text, m.Index + m.Length);
            if (m.Groups["range"].Success && !percent && unit.Length == 0 && currency.Length == 0 && measure.Length == 0)
            {
                continue; // a bare range without a unit says nothing on its own
            }

            var kind = percent ? FigureKind.Percent
                : currency.Length > 0 || multiplier >= 1e4 ? FigureKind.Amount
                : FigureKind.Count;
            if (kind == FigureKind.Count && measure.Length == 0 && OrdinalAt(text, m.Index) is { } ordinal)
            {
                // A rank (排名第12): compared with the article's rank as a count of places, its text with its 第.
                Add(found, taken, text, ordinal, m.Index + m.Length - ordinal, kind, value, Ordinal);
                continue;
            }

            if (kind == FigureKind.Count && (measure.Length == 0 || AfterLatinLetters(text, m.Index)))
            {
                continue; // a lone digit (a list number), or one of a name (NGC 1300记载于星表, Qwen3个版本), is not a count
            }

            var length = m.Length + (measure.Length == 0 ? 0 : text.IndexOf(measure, m.Index + m.Length, StringComparison.Ordinal) - (m.Index + m.Length) + measure.Length);
            Add(found, taken, text, m.Index, length, kind, value * multiplier, percent ? "%" : currency.Length > 0 ? currency : measure);
        }

        foreach (Match m in ChineseNumeralRegex().Matches(text))
        {
            if (taken[m.Index] || (m.Index > 0 && text[m.Index - 1] == '第') || ChineseNumber(m.Groups["n"].Value) is not { } value)
            {
                continue; // 第一 is an order, not an amount
            }

            var measure = m.Groups["w"].Value;
            if (measure != "成" && m.Groups["n"].Value.IndexOfAny(['十', '百', '千', '万', '萬', '亿', '億']) < 0)
            {
                continue; // a lone numeral (一年, 一次, 三人) is a phrase more often than a figure
            }

            if (measure == "成" && m.Index > 0 && Text.CharClass.IsHan(text[m.Index - 1]) && !"过超近约逾达有占到足及至是了为過約逾達佔為".Contains(text[m.Index - 1], StringComparison.Ordinal))
            {
                continue; // 成 after another character is a name's more often than a share (石田三成); 超過八成, 約七成 are shares
            }

            if (measure == "成")
            {
                Add(found, taken, text, m.Index, m.Length, FigureKind.Percent, value * 10, "%"); // 七成: seven tenths
                continue;
            }

            var currency = m.Groups["c"].Value;
            var kind = currency.Length > 0 || value >= 1e4 ? FigureKind.Amount : FigureKind.Count;
            Add(found, taken, text, m.Index, m.Length, kind, value, currency.Length > 0 ? currency : measure);
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary>
    /// The value of a number written in Chinese numerals (一千 = 1000, 三百五十 = 350, 兩萬 = 20000, 十二 = 12), or null
    /// when the characters do not make one.
    /// </summary>
    public static double? ChineseNumber(string numeral)
    {
        ArgumentNullException.ThrowIfNull(numeral);
        double total = 0, section = 0, digit = 0;
        var any = false;
        foreach (var c in numeral)
        {
            var d = "零一二三四五六七八九".IndexOf(c, StringComparison.Ordinal);
            if (c is '两' or '兩')
            {
                d = 2;
            }

            if (d >= 0)
            {
                digit = d;
                any = true;
                continue;
            }

            double unit = c switch { '十' => 10, '百' => 100, '千' => 1000, '万' or '萬' => 1e4, '亿' or '億' => 1e8, _ => 0 };
            if (unit == 0)
            {
                return null;
            }

            if (unit >= 1e8)
            {
                total = (total + section + digit) * unit; // 億 scales all before it (一萬億)
                (section, digit) = (0, 0);
            }
            else if (unit >= 1e4)
            {
                total += (section + digit) * unit; // 萬 scales its own section (一億五千萬)
                (section, digit) = (0, 0);
            }
            else
            {
                section += (digit == 0 && unit == 10 ? 1 : digit) * unit; // 十二: a leading 十 is one ten
                digit = 0;
            }

            any = true;
        }

        return any ? total + section + digit : null;
    }

    /// <summary>The numbers of an English claim ("US$25 billion", "900 million", "85%", "February 1", "2025").</summary>
    public static IReadOnlyList<FigureMention> ReadEnglish(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<FigureMention>();
        var lower = text.ToLowerInvariant();
        var taken = new bool[text.Length];
        foreach (Match m in EnglishDateRegex().Matches(lower))
        {
            var monthName = m.Groups["m1"].Success ? m.Groups["m1"].Value : m.Groups["m2"].Value;
            var month = Array.FindIndex(s_months, x => x.StartsWith(monthName, StringComparison.Ordinal)) + 1;
            var day = (int)Number(m.Groups["d1"].Success ? m.Groups["d1"].Value : m.Groups["d2"].Value);
            if (month > 0 && day is > 0 and <= 31)
            {
                Add(found, taken, text, m.Index, m.Length, FigureKind.Date, (month * 100) + day, string.Empty);
            }
        }

        foreach (Match m in EnglishNumberRegex().Matches(lower))
        {
            if (taken[m.Index])
            {
                continue;
            }

            var value = Number(m.Groups["n"].Value);
            var scale = m.Groups["s"].Value switch
            {
                "thousand" => 1e3,
                "million" => 1e6,
                "billion" or "bn" => 1e9,
                "trillion" => 1e12,
                _ => 1,
            };
            var money = m.Groups["cur"].Success || m.Groups["cur2"].Success;
            var percent = m.Groups["pct"].Success;
            // A bare four-digit number is a year: any from 1900 to 2100, an earlier one unless a word follows it (1500 soldiers).
            if (!percent && !money && scale == 1 && !m.Groups["n"].Value.Contains(',', StringComparison.Ordinal) && value == Math.Floor(value)
                && (value is >= 1900 and <= 2100 || (value is >= 1000 and < 1900 && !WordFollows(lower, m.Index + m.Length))))
            {
                Add(found, taken, text, m.Index, m.Length, FigureKind.Date, value * 10000, string.Empty);
                continue;
            }

            var kind = percent ? FigureKind.Percent : money || scale >= 1e4 ? FigureKind.Amount : FigureKind.Count;
            if (kind == FigureKind.Count)
            {
                continue;
            }

            var currency = m.Groups["cur2"].Value is "yuan" or "rmb" ? "元" : money ? "美元" : string.Empty;
            Add(found, taken, text, m.Index, m.Length, kind, value * scale, percent ? "%" : currency);
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary>The unit of a rank (第12, 第 7): the ordinal prefix stands for its measure.</summary>
    private const string Ordinal = "第";

    /// <summary>Where the 第 of an ordinal number at <paramref name="at"/> is (right before it or one space before), or null.</summary>
    private static int? OrdinalAt(string text, int at)
    {
        var before = at > 1 && text[at - 1] == ' ' ? at - 2 : at - 1;
        return before >= 0 && text[before] == '第' ? before : null;
    }

    /// <summary>Whether the number at <paramref name="at"/> follows Latin letters, right after them or after one space.</summary>
    private static bool AfterLatinLetters(string text, int at)
    {
        var before = at > 0 && text[at - 1] == ' ' ? at - 2 : at - 1;
        return before >= 0 && char.IsAsciiLetter(text[before]);
    }

    private static bool WordFollows(string text, int at)
    {
        while (at < text.Length && text[at] == ' ')
        {
            at++;
        }

        return at < text.Length && char.IsAsciiLetter(text[at]);
    }

    private static void Add(List<FigureMention> found, bool[] taken, string text, int start, int length, FigureKind kind, double value, string unit)
    {
        for (var i = start; i < start + length; i++)
        {
            taken[i] = true;
        }

        found.Add(new FigureMention(start, start + length, text.Substring(start, length).Trim(), kind, value, unit, Qualifier(text, start)));
    }

    /// <summary>The qualifying word just before a number: 超 ("more than"), 近 ("nearly"), 可達 ("up to").</summary>
    private static string Qualifier(string text, int start)
    {
        var before = text.AsSpan(Math.Max(0, start - 3), Math.Min(3, start));
        foreach (var cue in (string[])["超過", "超过", "突破", "超", "逾", "可達", "可达", "達", "达", "近", "約", "约", "僅", "仅", "至少", "多達", "多达"])
        {
            if (before.EndsWith(cue, StringComparison.Ordinal))
            {
                return cue;
            }
        }

        return string.Empty;
    }

    // A space may stand between the parts (2015 年 2 月, as some sources write numbers apart from words).
    [GeneratedRegex(@"(?:(?<y>\d{4}) ?年(?: ?(?<m>\d{1,2}) ?月(?: ?(?<d>\d{1,2}) ?[日號号])?)?(?<p>末|初|底|上半年|下半年)?|(?<m>\d{1,2}) ?月 ?(?<d>\d{1,2}) ?[日號号])")]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"(?<n>\d[\d,]*(?:\.\d+)?)(?<range>\s*[-~～至到]\s*\d+(?:\.\d+)?)?\s?(?:(?<pct>[%％])|(?<u>萬億|万亿|億|亿|萬|万|千|百)?\s?(?<c>美元|美金|人民幣|人民币|港元|港幣|欧元|歐元|日元|元)?)")]
    private static partial Regex NumberRegex();

    // Chinese numerals with what they count: 三千米, 七成, 兩萬人, 三百億元 (a unit or measure must follow: 一種, 一樣 are no amounts).
    [GeneratedRegex(@"(?<n>[一二两兩三四五六七八九十百千万萬亿億]*[一二两兩三四五六七八九十][一二两兩三四五六七八九十百千万萬亿億]*)(?<c>美元|美金|人民幣|人民币|港元|歐元|欧元|日元|元)?(?<w>成|倍|公里|千米|光年|米|家|個|个|人|名|款|張|张|天|小時|小时|年|月|次|位|歲|岁|條|条|項|项|部|台|輛|辆)?(?(c)|(?(w)|(?!)))")]
    private static partial Regex ChineseNumeralRegex();

    [GeneratedRegex(@"\b(?:(?<m1>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?<d1>\d{1,2})(?:st|nd|rd|th)?\b|(?<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<m2>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)")]
    private static partial Regex EnglishDateRegex();

    [GeneratedRegex(@"(?<cur>(?:us)?\$|usd\s?)?(?<n>\d[\d,]*(?:\.\d+)?)\s*(?:(?<pct>%|percent\b|per cent\b)|(?<s>thousand|million|billion|bn|trillion)?\b\s*(?<cur2>dollars?|usd|yuan|rmb)?)")]
    private static partial Regex EnglishNumberRegex();
}
