using ArticleBot.Core.Language.Segmentation;

namespace ArticleBot.Core.Language.Questions;

/// <summary>How much a part of the question says about what it asks.</summary>
public enum GroupStrength
{
    /// <summary>A content word, name or number: the answer must be about it.</summary>
    Strong,

    /// <summary>A verb ("to get", "to found"): it counts for half in coverage, and never alone.</summary>
    Soft,

    /// <summary>A lone character or a weak word: it helps ranking but does not decide coverage.</summary>
    Weak,
}

/// <summary>What kind of answer the question wants; used to prefer sentences that hold one.</summary>
public enum AnswerType
{
    /// <summary>Anything.</summary>
    Any,

    /// <summary>An amount, count or share.</summary>
    Quantity,

    /// <summary>A date or time.</summary>
    Date,

    /// <summary>A person or organisation.</summary>
    Who,

    /// <summary>What someone said, thinks or holds.</summary>
    Opinion,
}

/// <summary>
/// One thing the question is about (a Chinese word, an English word with its Chinese translations, a number),
/// with the folded strings that show a passage covers it.
/// </summary>
/// <param name="Label">What the question said (folded).</param>
/// <param name="Alternatives">Folded strings any of which in a passage means the group is covered.</param>
/// <param name="Weight">Importance: inverse document frequency of the rarest alternative.</param>
/// <param name="Strength">Whether the group decides coverage.</param>
/// <param name="InCorpus">False when nothing of the group occurs in the corpus at all.</param>
public sealed record QueryGroup(string Label, IReadOnlyList<string> Alternatives, float Weight, GroupStrength Strength, bool InCorpus)
{
    /// <summary>
    /// For each alternative of three or more Chinese characters, its bigrams (partial matches count by their share);
    /// null for the others. Computed once per question, not per passage.
    /// </summary>
    public IReadOnlyList<string[]?> Bigrams { get; } = Alternatives.Select(QueryGroupBigrams.Of).ToArray();

    /// <summary>True when the group has both a one-character alternative and a longer one (an English word's glosses).</summary>
    public bool HasWordBesideCharacter { get; } = Alternatives.Any(a => a.Length == 1) && Alternatives.Any(a => a.Length > 1);
}

/// <summary>Bigrams of a long Chinese alternative.</summary>
internal static class QueryGroupBigrams
{
    public static string[]? Of(string alternative) =>
        TermScanner.Characters(alternative).Count >= 3 && TermScanner.HanRuns(alternative).Count() == 1
            ? [.. TermScanner.WordTerms(alternative)]
            : null;
}

/// <summary>An index term with its query weight.</summary>
public readonly record struct WeightedTerm(string Term, float Weight);

/// <summary>A question analysed for retrieval, coverage and answer selection.</summary>
/// <param name="Question">The question as asked.</param>
/// <param name="Folded">The folded question (truncated to the query limit).</param>
/// <param name="Groups">The content of the question.</param>
/// <param name="Terms">Weighted index terms for the Lucene query.</param>
/// <param name="AnswerType">The kind of answer wanted.</param>
public sealed record QueryPlan(string Question, string Folded, IReadOnlyList<QueryGroup> Groups, IReadOnlyList<WeightedTerm> Terms, AnswerType AnswerType)
{
    /// <summary>True when the question holds nothing that could be searched for.</summary>
    public bool IsEmpty => Terms.Count == 0 && Groups.Count == 0;
}
