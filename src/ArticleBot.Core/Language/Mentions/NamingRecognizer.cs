using System.Text.RegularExpressions;

namespace ArticleBot.Core.Language.Mentions;

/// <summary>
/// Names given by a naming word: the 紫禁城 of "后来称为 紫禁城 的宫殿", the tumas of "简称tumas". A question that asks
/// what something is called ("what is it called?", 又被稱為?) is answered by such a sentence. Folded text (Simplified,
/// lower case).
/// </summary>
public static partial class NamingRecognizer
{
    private static readonly string[] s_questionCues = WordLists.Load("naming.question-cues");

    /// <summary>True when a folded question asks for a name.</summary>
    public static bool AsksForName(string foldedQuestion)
    {
        ArgumentNullException.ThrowIfNull(foldedQuestion);
        return s_questionCues.Any(c => foldedQuestion.Contains(c, StringComparison.Ordinal));
    }

    /// <summary>The names a folded text gives: what follows a naming word, up to a space, a punctuation mark or 的.</summary>
    public static IEnumerable<Mention> Find(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        foreach (Match match in NamedRegex().Matches(folded))
        {
            var name = match.Groups["n"];
            yield return new Mention(AnswerKind.NamedThing, name.Index, name.Length, name.Value, name.Value);
        }
    }

    [GeneratedRegex(@"(?:称为|称作|称之为|叫做|名为|名叫|又称|简称|命名为|俗称|通称|统称|别称|别名|号称|外号|绰号|被誉为)[\s“「《""']*(?<n>[^\s，。、；：！？,.;:!?（）()“”「」《》""'的]{1,12})")]
    private static partial Regex NamedRegex();
}
