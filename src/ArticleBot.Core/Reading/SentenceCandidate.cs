using ArticleBot.Abstractions;

namespace ArticleBot.Core.Reading;

/// <summary>A retrieved passage as the reader sees it: its citation number, its retrieval measures and its sentences.</summary>
/// <param name="N">The passage's number in the tool result.</param>
/// <param name="Passage">The passage.</param>
/// <param name="Coverage">The share (by weight) of the question's content it covers.</param>
/// <param name="Sentences">Its full sentences and their folded text.</param>
/// <param name="Relevance">Its retrieval score relative to the best retrieved passage's (0..1); 1 when the search did not say.</param>
public sealed record ReadPassage(int N, Passage Passage, double Coverage, IReadOnlyList<(string Sentence, string Folded)> Sentences, double Relevance = 1)
{
    /// <summary>Where the question's names the passage lacks stand in its article.</summary>
    public ArticleNames Names { get; init; } = ArticleNames.Complete;
}

/// <summary>One sentence of a retrieved passage that might answer the question, with what the ranker reads of it.</summary>
/// <param name="PassageIndex">Its passage's position in the retrieved list (0 = best retrieved).</param>
/// <param name="SentenceIndex">Its position in the passage.</param>
/// <param name="Sentence">The sentence, verbatim.</param>
/// <param name="Folded">The sentence folded.</param>
/// <param name="Features">The ranker's features (<see cref="SentenceFeatures.Names"/> order).</param>
public sealed record SentenceCandidate(int PassageIndex, int SentenceIndex, string Sentence, string Folded, float[] Features)
{
    /// <summary>The ranker's estimate that the sentence holds the answer (set by the reader, from <see cref="Models.ReadingModels.Ranker"/>).</summary>
    public double Probability { get; set; }
}
