using System.Text.RegularExpressions;

namespace ArticleBot.Core.ArticleTools;

/// <summary>Whether a question asks whose product or service something is (answered by the owner named with it).</summary>
public static partial class AnswerShape
{
    /// <summary>True when a folded question asks whose product or service something is (哪家公司的產品, which company makes).</summary>
    public static bool AsksForOwner(string foldedQuestion)
    {
        ArgumentNullException.ThrowIfNull(foldedQuestion);
        return OwnerRegex().IsMatch(foldedQuestion);
    }

    [GeneratedRegex(@"哪家公司|哪个公司|什么公司|哪家企业|哪个企业|谁家|谁的产品|哪家的|which company|what company|who owns|who makes|who made|who launched|who runs|whose")]
    private static partial Regex OwnerRegex();
}
