using ArticleBot.Abstractions;
using ArticleBot.Core.Language.English;
using ArticleBot.Core.Language.Mentions;
using ArticleBot.Core.Language.Questions;
using ArticleBot.Core.Reading.Models;
using ArticleBot.Core.Search;

namespace ArticleBot.Core.Reading;

/// <summary>What the reader made of a question and its passages.</summary>
/// <param name="Question">The question, read.</param>
/// <param name="Passages">The passages, read.</param>
/// <param name="Candidates">Every candidate sentence, with the ranker's probability.</param>
/// <param name="Draft">The sentences the answer would quote; null when no sentence shares anything with the question.</param>
/// <param name="GateFeatures">The gate's features for the draft; null without a draft.</param>
/// <param name="Confidence">The gate's estimate that the draft answers the question (0 without a draft).</param>
public sealed record ReadResult(QuestionReading Question, IReadOnlyList<ReadPassage> Passages, IReadOnlyList<SentenceCandidate> Candidates, ReadDraft? Draft, float[]? GateFeatures, double Confidence);

/// <summary>
/// Reads retrieved passages for a question: every sentence is a candidate, the learned ranker scores it, the best
/// (with its context) is drafted, and the learned gate estimates the chance that the draft answers the question. The
/// same code builds the training rows (<c>src/ArticleBot.Training</c>), so what the models learned from is what they
/// are given.
/// </summary>
/// <param name="search">The article search (plans, sentences, coverage).</param>
/// <param name="models">The ranker and the gate.</param>
public sealed class ArticleReader(ArticleSearch search, ReadingModels models)
{
    private readonly SentenceMentions _mentions = new(Mentions(search));

    // The search keeps the plans of recent questions; the reading of a plan is kept as long as the plan is.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<QueryPlan, QuestionReading> _readings = new();

    /// <summary>The models read with.</summary>
    public ReadingModels Models => models;

    /// <summary>Reads numbered passages for a question; <paramref name="retrieval"/> is what the search measured, when it searched this question.</summary>
    public ReadResult Read(string question, IReadOnlyList<(int N, Passage Passage)> passages, Retrieval? retrieval = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(passages);
        var searched = retrieval is not null && string.Equals(retrieval.Plan.Question, question, StringComparison.Ordinal);
        var plan = searched ? retrieval!.Plan : search.Analyze(question);
        var reading = _readings.GetValue(plan, p => new QuestionReading(p, search.InCorpus, search.InverseDocumentFrequency, w => search.Lexicon.Value.ProperName(w) is not null));
        var read = PassagesOf(search, reading, passages, searched ? retrieval : null);
        var candidates = SentenceFeatures.Read(reading, read, _mentions, p => MayAnswer(plan, p.Passage.Kind));
        foreach (var candidate in candidates)
        {
            candidate.Probability = models.Ranker.Probability(candidate.Features);
        }

        if (DraftComposer.Compose(reading, read, candidates) is not { } draft)
        {
            return new ReadResult(reading, read, candidates, null, null, 0);
        }

        var gate = DraftFeatures.Of(reading, read, candidates, draft);
        return new ReadResult(reading, read, candidates, draft, gate, models.Gate.Probability(gate));
    }

    /// <summary>
    /// The passages as the reader sees them: coverage of the question, sentences, retrieval score relative to the best,
    /// and where the question's names they lack stand in their article.
    /// </summary>
    public static List<ReadPassage> PassagesOf(ArticleSearch search, QuestionReading reading, IReadOnlyList<(int N, Passage Passage)> passages, Retrieval? retrieval)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(passages);
        var plan = reading.Plan;
        var names = ArticleNames.Of(reading, [.. passages.Select(p => p.Passage)], search.ArticleOf, search.Sentences);
        var bestScore = retrieval is { Passages.Count: > 0 } ? retrieval.Passages.Max(p => p.Score) : 0;
        var read = new List<ReadPassage>(passages.Count);
        foreach (var (n, passage) in passages)
        {
            var measured = retrieval?.Passages.FirstOrDefault(p => p.Passage.Id == passage.Id);
            var coverage = measured?.Coverage ?? search.Coverage(plan, passage);
            var relevance = bestScore > 0 && measured is not null ? measured.Score / bestScore : 1;
            read.Add(new ReadPassage(n, passage, coverage, search.Sentences(passage), relevance) { Names = names[read.Count] });
        }

        return read;
    }

    /// <summary>The recognisers, with the corpus's proper names from CC-CEDICT.</summary>
    public static MentionFinder Mentions(ArticleSearch search)
    {
        ArgumentNullException.ThrowIfNull(search);
        return new MentionFinder(w => search.Lexicon.Value.ProperName(w) switch
        {
            ProperNameKind.Person => AnswerKind.Person,
            ProperNameKind.Organisation => AnswerKind.Organisation,
            ProperNameKind.Place => AnswerKind.Place,
            ProperNameKind.Thing => AnswerKind.NamedThing,
            _ => null,
        });
    }

    private static readonly string[] s_captionCues = WordLists.Load("reader.caption-cues");
    private static readonly string[] s_disclaimerCues = WordLists.Load("reader.disclaimer-cues");

    /// <summary>Disclaimers, captions and bylines answer only questions about them.</summary>
    public static bool MayAnswer(QueryPlan plan, PassageKind kind)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return kind switch
        {
            PassageKind.Body => true,
            PassageKind.Byline => plan.Groups.Any(g => g.Label == "作者"),
            PassageKind.Caption => s_captionCues.Any(c => plan.Folded.Contains(c, StringComparison.Ordinal)),
            PassageKind.Disclaimer => s_disclaimerCues.Any(c => plan.Folded.Contains(c, StringComparison.Ordinal)),
            _ => false,
        };
    }
}
