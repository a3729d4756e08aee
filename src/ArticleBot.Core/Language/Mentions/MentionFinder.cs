namespace ArticleBot.Core.Language.Mentions;

/// <summary>
/// The recognisers together: every typed mention of a text, and whether a text holds a mention of the kind a
/// question asks for that the question does not already name (a sentence that only repeats the question's 2026
/// does not answer "when").
/// </summary>
/// <param name="knownNames">Optional: whether a folded Han word is a known proper name (e.g. from a dictionary).</param>
public sealed class MentionFinder(Func<string, AnswerKind?>? knownNames = null)
{
    /// <summary>A finder with the built-in recognisers only.</summary>
    public static MentionFinder Default { get; } = new();

    /// <summary>All mentions in a folded text (numbers, dates, names, cues), in no particular order.</summary>
    public IEnumerable<Mention> Find(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        return QuantityRecognizer.Find(folded).Concat(NameRecognizer.Find(folded, knownNames)).Concat(CueRecognizer.Find(folded));
    }

    /// <summary>Every number, date, age and duration of a folded text.</summary>
    public static IEnumerable<Mention> Quantities(string folded) => QuantityRecognizer.Find(folded);

    /// <summary>Every reason, manner and definition cue of a folded text.</summary>
    public static IEnumerable<Mention> Cues(string folded) => CueRecognizer.Find(folded);

    /// <summary>Every name of a folded text (with the known names, when given).</summary>
    public IEnumerable<Mention> Names(string folded) => NameRecognizer.Find(folded, knownNames);

    /// <summary>The mentions of a folded text that can answer a question of kind <paramref name="asked"/>.</summary>
    public IEnumerable<Mention> FindAnswering(AnswerKind asked, string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        IEnumerable<Mention> found = asked switch
        {
            AnswerKind.Any or AnswerKind.YesNo => [],
            AnswerKind.Number or AnswerKind.Date or AnswerKind.Age or AnswerKind.Duration => QuantityRecognizer.Find(folded),
            AnswerKind.Reason or AnswerKind.Manner or AnswerKind.Definition => CueRecognizer.Find(folded),
            _ => NameRecognizer.Find(folded, knownNames),
        };
        return found.Where(m => AnswerKindClassifier.Answers(asked, m.Kind));
    }

    /// <summary>
    /// True when the folded text holds a mention that answers <paramref name="asked"/> and that the folded
    /// question does not already hold. Kinds without a recogniser (any, yes/no) always hold.
    /// </summary>
    public bool HasNewMention(AnswerKind asked, string foldedText, string foldedQuestion)
    {
        ArgumentNullException.ThrowIfNull(foldedQuestion);
        if (asked is AnswerKind.Any or AnswerKind.YesNo)
        {
            return true;
        }

        foreach (var mention in FindAnswering(asked, foldedText))
        {
            if (asked is AnswerKind.Reason or AnswerKind.Manner or AnswerKind.Definition || !Names(foldedQuestion, mention.Core))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the question holds the core; a number only as a whole number (the 1 of 1% is not in 10倍).</summary>
    private static bool Names(string question, string core)
    {
        if (core.Length == 0 || !char.IsAsciiDigit(core[0]))
        {
            return question.Contains(core, StringComparison.Ordinal);
        }

        for (var at = question.IndexOf(core, StringComparison.Ordinal); at >= 0; at = question.IndexOf(core, at + 1, StringComparison.Ordinal))
        {
            var end = at + core.Length;
            if ((at == 0 || !char.IsAsciiDigit(question[at - 1])) && (end == question.Length || !char.IsAsciiDigit(question[end])))
            {
                return true;
            }
        }

        return false;
    }
}
