namespace ArticleBot.Core.Answering.Gate;

/// <summary>
/// What the answer gate knows of a drafted answer, each in 0..1. The gate combines them into the estimated
/// chance that the answer is right (<see cref="GateModel"/>).
/// </summary>
/// <param name="MaxCoverage">The best share (by weight) of the question's content that one retrieved passage covers.</param>
/// <param name="PassageCoverage">The share that the answer's own passage covers.</param>
/// <param name="SentenceCoverage">The share that the answer's sentences cover.</param>
/// <param name="RareShare">The share of the question's rarest content words (its weightier half) in the answer's sentences.</param>
/// <param name="FocusMatch">1 when the answer's sentences name the question's weightiest content word (its topic).</param>
/// <param name="KindKnown">1 when the question asks for a kind of thing the recognisers can find (a date, a place ...).</param>
/// <param name="TypeMissing">1 when it does and the answer holds no new mention of that kind.</param>
/// <param name="MissingShare">The share (by weight) of the question's content the corpus lacks entirely.</param>
/// <param name="English">1 when the question is in English (answered across languages).</param>
/// <param name="StrongPair">1 when the answer's passage holds two of the question's strong content words (or its only one): a
/// question naming two things needs both (the employees of ByteDance are not those of Tencent).</param>
/// <param name="PassageWording">The share of the question's Chinese character pairs (<see cref="Selection.QuestionBigrams"/>) in the answer's passage.</param>
/// <param name="SentenceWording">The share of them in the answer's sentences.</param>
/// <param name="CorpusWording">The share of them anywhere in the corpus: a question about a name the corpus never writes is about something else.</param>
/// <param name="CoversHalf">1 when the answer's passage covers half the question's content by weight and two of its strong words (or its only one): the fixed rule the gate replaced, kept as evidence.</param>
/// <param name="EnglishCoverage">The sentence coverage again for English questions, 0 for Chinese ones: glosses cover a question differently from its own words.</param>
/// <param name="LeadWording">The share of the character pairs of the question's first content phrase (what a Chinese question is about) in the answer's passage; 1 when it has none.</param>
/// <param name="LeadUnseen">1 when the lead phrase itself holds two or more adjacent pairs the corpus never writes: what the question is about is a name the article lacks.</param>
/// <param name="UnseenPhrase">1 when the question holds a chain of two or more adjacent character pairs the corpus never writes (a name or term it lacks, 九龍灣).</param>
public sealed record GateFeatures(
    double MaxCoverage,
    double PassageCoverage,
    double SentenceCoverage,
    double RareShare,
    double FocusMatch,
    double KindKnown,
    double TypeMissing,
    double MissingShare,
    double English,
    double StrongPair,
    double PassageWording,
    double SentenceWording,
    double CorpusWording,
    double UnseenPhrase,
    double CoversHalf,
    double EnglishCoverage,
    double LeadWording,
    double LeadUnseen)
{
    /// <summary>The names of the features, in <see cref="ToVector"/> order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["MaxCoverage", "PassageCoverage", "SentenceCoverage", "RareShare", "FocusMatch", "KindKnown", "TypeMissing", "MissingShare", "English", "StrongPair", "PassageWording", "SentenceWording", "CorpusWording", "UnseenPhrase", "CoversHalf", "EnglishCoverage", "LeadWording", "LeadUnseen"];

    /// <summary>The features as a vector for the model.</summary>
    public double[] ToVector() => [MaxCoverage, PassageCoverage, SentenceCoverage, RareShare, FocusMatch, KindKnown, TypeMissing, MissingShare, English, StrongPair, PassageWording, SentenceWording, CorpusWording, UnseenPhrase, CoversHalf, EnglishCoverage, LeadWording, LeadUnseen];
}
