using System.Text.RegularExpressions;

namespace ArticleBot.Core.Language.English;

/// <summary>
/// British spellings folded to American ones before stemming (defence → defense, colour → color, organise →
/// organize, centre → center, analyse → analyze, catalogue → catalog), so a question in either spelling finds the
/// CC-CEDICT glosses, which mostly use one. Both the lexicon's keys and the question's words pass through it, so a
/// rule that also rewrites some other word (fence → fense) changes nothing but the key they share.
/// </summary>
public static partial class EnglishSpelling
{
    /// <summary>The American spelling of a lower-case word (the word itself when no rule applies).</summary>
    public static string American(string lower)
    {
        ArgumentNullException.ThrowIfNull(lower);
        if (lower.Length < 5)
        {
            return lower; // four, hour, tour: too short to be a British variant, and "for" would collide
        }

        var result = OurRegex().Replace(lower, "or${tail}");
        result = EnceRegex().Replace(result, "${stem}ense${tail}");
        result = TreRegex().Replace(result, "${stem}ter${tail}");
        result = IseRegex().Replace(result, "${stem}iz${tail}");
        result = YseRegex().Replace(result, "${stem}yz${tail}");
        result = OgueRegex().Replace(result, "${stem}og${tail}");
        return result;
    }

    [GeneratedRegex(@"(?<=[a-z]{2})our(?<tail>s|ed|ing|ite|ites|able|er|ers)?$")]
    private static partial Regex OurRegex();

    [GeneratedRegex(@"^(?<stem>[a-z]*[fct])ence(?<tail>s)?$")]
    private static partial Regex EnceRegex();

    [GeneratedRegex(@"^(?<stem>[a-z]{2,}[^aeiou])tre(?<tail>s|d)?$")]
    private static partial Regex TreRegex();

    [GeneratedRegex(@"^(?<stem>[a-z]{3,})is(?<tail>e|es|ed|ing|ation|ations|er|ers)$")]
    private static partial Regex IseRegex();

    [GeneratedRegex(@"^(?<stem>[a-z]{2,})ys(?<tail>e|es|ed|ing)$")]
    private static partial Regex YseRegex();

    [GeneratedRegex(@"^(?<stem>[a-z]{3,})ogue(?<tail>s)?$")]
    private static partial Regex OgueRegex();
}
