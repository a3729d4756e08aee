namespace ArticleBot.Core.Evaluation;

/// <summary>How an eval group's alternative is found in a (folded) answer.</summary>
public static class AnswerGroups
{
    /// <summary>
    /// True when the folded answer holds the folded alternative. An alternative made of ASCII letters matches only
    /// as a whole word: "no" is not found in "announced".
    /// </summary>
    public static bool Contains(string foldedAnswer, string foldedAlternative)
    {
        ArgumentNullException.ThrowIfNull(foldedAnswer);
        ArgumentNullException.ThrowIfNull(foldedAlternative);
        if (foldedAlternative.Length == 0)
        {
            return false;
        }

        if (!foldedAlternative.All(char.IsAsciiLetter))
        {
            return foldedAnswer.Contains(foldedAlternative, StringComparison.Ordinal);
        }

        for (var at = foldedAnswer.IndexOf(foldedAlternative, StringComparison.Ordinal); at >= 0;
             at = foldedAnswer.IndexOf(foldedAlternative, at + 1, StringComparison.Ordinal))
        {
            var end = at + foldedAlternative.Length;
            var before = at == 0 || !char.IsAsciiLetter(foldedAnswer[at - 1]);
            var after = end == foldedAnswer.Length || !char.IsAsciiLetter(foldedAnswer[end]);
            if (before && after)
            {
                return true;
            }
        }

        return false;
    }
}
