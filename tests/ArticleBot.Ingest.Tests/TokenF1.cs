using System.Globalization;
using System.Text;

namespace ArticleBot.Ingest.Tests;

/// <summary>
/// Token F1 between two texts, as extraction quality is usually scored: Latin-script words (letters and digits,
/// lower-cased) and single CJK characters (Han, kana, Hangul) are the tokens; punctuation and spaces are not.
/// </summary>
public static class TokenF1
{
    public static double Score(string candidate, string reference)
    {
        var a = Counts(candidate);
        var b = Counts(reference);
        var total = a.Values.Sum() + b.Values.Sum();
        if (total == 0)
        {
            return 1;
        }

        var common = a.Sum(pair => Math.Min(pair.Value, b.GetValueOrDefault(pair.Key)));
        return 2.0 * common / total;
    }

    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var word = new StringBuilder();
        foreach (var rune in text.Normalize(NormalizationForm.FormKC).EnumerateRunes())
        {
            if (IsCjk(rune))
            {
                Flush(word, tokens);
                tokens.Add(rune.ToString());
            }
            else if (Rune.IsLetterOrDigit(rune))
            {
                word.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            else
            {
                Flush(word, tokens);
            }
        }

        Flush(word, tokens);
        return tokens;
    }

    private static Dictionary<string, int> Counts(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in Tokens(text))
        {
            counts[token] = counts.GetValueOrDefault(token) + 1;
        }

        return counts;
    }

    private static void Flush(StringBuilder word, List<string> tokens)
    {
        if (word.Length > 0)
        {
            tokens.Add(word.ToString());
            word.Clear();
        }
    }

    private static bool IsCjk(Rune rune)
    {
        var v = rune.Value;
        return v is >= 0x3040 and <= 0x30FF // kana
            or >= 0x3400 and <= 0x4DBF or >= 0x4E00 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF or >= 0x20000 and <= 0x3FFFF // Han
            or >= 0xAC00 and <= 0xD7AF // Hangul
            || Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherLetter && v is >= 0x2E80 and <= 0x2FDF;
    }
}
