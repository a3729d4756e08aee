namespace ArticleBot.Core.Language.English;

/// <summary>
/// English number words and Roman numerals as the digits and Chinese numerals an article writes
/// ("ten times" → 10倍, "Super Bowl XLIX" → 第49届 / 第四十九届).
/// </summary>
public static class EnglishNumbers
{
    private static readonly Dictionary<string, int> s_words = new(StringComparer.Ordinal)
    {
        ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10,
        ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17,
        ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60,
        ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90, ["hundred"] = 100,
        ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7, ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10,
    };

    private const string Digits = "零一二三四五六七八九";

    /// <summary>
    /// The value of a lower-case English number word ("ten", "fifth"), or of a Roman numeral of two or more letters
    /// ("xlix") that <paramref name="original"/> writes in capitals (XLIX): "mix" and "cd" are words.
    /// </summary>
    public static bool TryParse(string word, string original, out int value)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(original);
        if (s_words.TryGetValue(word, out value))
        {
            return true;
        }

        return TryParseRoman(word, out value) && IsCapitalWord(original, word.ToUpperInvariant());
    }

    private static bool IsCapitalWord(string text, string upper)
    {
        for (var at = text.IndexOf(upper, StringComparison.Ordinal); at >= 0; at = text.IndexOf(upper, at + 1, StringComparison.Ordinal))
        {
            var end = at + upper.Length;
            if ((at == 0 || !char.IsLetter(text[at - 1])) && (end == text.Length || !char.IsLetter(text[end])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The value of a Roman numeral of two or more letters in canonical form ("xlix" → 49); "mix", "civil" are not numerals.</summary>
    public static bool TryParseRoman(string word, out int value)
    {
        ArgumentNullException.ThrowIfNull(word);
        value = 0;
        if (word.Length < 2 || word.Length > 12)
        {
            return false;
        }

        var total = 0;
        for (var i = 0; i < word.Length; i++)
        {
            var current = RomanDigit(word[i]);
            if (current == 0)
            {
                return false;
            }

            var next = i + 1 < word.Length ? RomanDigit(word[i + 1]) : 0;
            total += next > current ? -current : current;
        }

        // Only the canonical spelling counts: "mix" would read as 1009, but it is a word.
        if (total <= 0 || total >= 4000 || ToRoman(total) != word)
        {
            return false;
        }

        value = total;
        return true;
    }

    /// <summary>A number below 10000 in Chinese numerals (49 → 四十九, 10 → 十, 105 → 一百零五).</summary>
    public static string ToChinese(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 9999);
        if (value == 0)
        {
            return "零";
        }

        var builder = new System.Text.StringBuilder();
        var units = new[] { (1000, "千"), (100, "百"), (10, "十"), (1, "") };
        var zero = false;
        foreach (var (unit, name) in units)
        {
            var digit = value / unit % 10;
            if (digit == 0)
            {
                zero = builder.Length > 0;
                continue;
            }

            if (zero)
            {
                builder.Append('零');
                zero = false;
            }

            if (!(unit == 10 && digit == 1 && builder.Length == 0))
            {
                builder.Append(Digits[digit]);
            }

            builder.Append(name);
        }

        return builder.ToString();
    }

    private static int RomanDigit(char c) => c switch
    {
        'i' => 1, 'v' => 5, 'x' => 10, 'l' => 50, 'c' => 100, 'd' => 500, 'm' => 1000, _ => 0,
    };

    private static string ToRoman(int value)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var (number, letters) in new[] { (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i") })
        {
            while (value >= number)
            {
                builder.Append(letters);
                value -= number;
            }
        }

        return builder.ToString();
    }
}
