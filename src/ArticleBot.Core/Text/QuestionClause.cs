using System.Text.RegularExpressions;

namespace ArticleBot.Core.Text;

/// <summary>
/// The clause of an English question that asks: "When imperialism impacts social norms of a state, what is it
/// called?" asks "what", not "when"; the opening clause only sets the scene. Chinese questions, and English ones
/// without such a clause, are returned whole.
/// </summary>
public static partial class QuestionClause
{
    /// <summary>The asking clause of a folded question (from its last ", wh-word" on), or the question itself.</summary>
    public static string Main(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        var last = AskingClauseRegex().Matches(folded).LastOrDefault();
        return last is null ? folded : folded[(last.Index + 1)..].TrimStart();
    }

    [GeneratedRegex(@",\s*(?:what|who|whom|whose|which|where|when|why|how)\b")]
    private static partial Regex AskingClauseRegex();
}
