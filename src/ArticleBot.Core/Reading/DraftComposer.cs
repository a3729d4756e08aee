using ArticleBot.Core.Language.Mentions;

namespace ArticleBot.Core.Reading;

/// <summary>The sentences an answer quotes, the one the ranker judged likeliest to hold the answer first.</summary>
/// <param name="Picked">The candidates quoted, in the order they are given.</param>
/// <param name="Best">The ranker's first choice (the first of <paramref name="Picked"/> but for a context sentence that leads).</param>
public sealed record ReadDraft(IReadOnlyList<SentenceCandidate> Picked, SentenceCandidate Best);

/// <summary>
/// Turns ranked candidates into the sentences an answer quotes: the best sentence; the sentence before it when it
/// leans on it (它, 該, this …), or when a who-question's best sentence speaks of "him"; then the next likeliest
/// sentences of the same article while the ranker's probabilities of the quoted ones add up to less than
/// <see cref="QuoteConfidence"/>, up to three in all. A sure best sentence is quoted alone; an unsure one brings the
/// next candidates, so the reader sees where the answer may be. The rule reads only the ranker's calibrated
/// probabilities; its two numbers are choices about answer length, not fitted to any data.
/// </summary>
public static class DraftComposer
{
    /// <summary>The most sentences an answer quotes.</summary>
    public const int MaxSentences = 3;

    /// <summary>Quote more sentences until the chance that one of them holds the answer reaches this (nine in ten).</summary>
    public const double QuoteConfidence = 0.9;

    /// <summary>A sentence less likely than this to hold the answer is never quoted for it.</summary>
    public const double MinFollowerProbability = 0.05;

    /// <summary>Composes the draft, or returns null when no candidate shares a word or a character pair with the question.</summary>
    public static ReadDraft? Compose(QuestionReading question, IReadOnlyList<ReadPassage> passages, IReadOnlyList<SentenceCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0)
        {
            return null;
        }

        var ranked = Ranked(candidates);
        var best = ranked[0];
        if (best.Features[SentenceFeatures.At.Coverage] <= 0 && best.Features[SentenceFeatures.At.Wording] <= 0)
        {
            return null; // nothing of the question in any sentence: there is nothing to draft from
        }

        var picked = new List<SentenceCandidate> { best };
        var leansBack = best.Features[SentenceFeatures.At.LeansBack] > 0
            || (question.Kind == AnswerKind.Person && best.Features[SentenceFeatures.At.RefersBack] > 0);
        if (leansBack && best.SentenceIndex > 0 && Find(candidates, best.PassageIndex, best.SentenceIndex - 1) is { } previous)
        {
            picked.Add(previous);
        }

        var source = passages[best.PassageIndex].Passage.Source;
        var mass = best.Probability;
        foreach (var candidate in ranked.Skip(1))
        {
            if (picked.Count >= MaxSentences || mass >= QuoteConfidence || candidate.Probability < MinFollowerProbability)
            {
                break;
            }

            if (passages[candidate.PassageIndex].Passage.Source == source && picked.All(p => p.Sentence != candidate.Sentence))
            {
                picked.Add(candidate);
                mass += candidate.Probability;
            }
        }

        // The sentence that holds the answer first; the rest (its context, more of the answer) in article order.
        var ordered = picked.Take(1).Concat(picked.Skip(1).OrderBy(p => p.PassageIndex).ThenBy(p => p.SentenceIndex)).ToList();
        return new ReadDraft(ordered, best);
    }

    /// <summary>The candidates by the ranker's probability, best first; ties go to the better-retrieved, earlier sentence.</summary>
    public static List<SentenceCandidate> Ranked(IReadOnlyList<SentenceCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var ranked = candidates.ToList();
        ranked.Sort((a, b) =>
        {
            var byProbability = b.Probability.CompareTo(a.Probability);
            return byProbability != 0 ? byProbability : a.PassageIndex != b.PassageIndex ? a.PassageIndex.CompareTo(b.PassageIndex) : a.SentenceIndex.CompareTo(b.SentenceIndex);
        });
        return ranked;
    }

    private static SentenceCandidate? Find(IReadOnlyList<SentenceCandidate> candidates, int passage, int sentence) =>
        candidates.FirstOrDefault(c => c.PassageIndex == passage && c.SentenceIndex == sentence);
}
