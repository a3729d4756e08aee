using System.Text.Json;
using System.Text.Json.Serialization;
using ArticleBot.Core.Answering;
using ArticleBot.Core.Answering.Gate;
using ArticleBot.Core.Search;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.Evaluation;

/// <summary>One line of an eval file (see eval/README.md). Kind lines (kinds-*.jsonl) may leave out gold, answers and answerable.</summary>
public sealed record EvalItem(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("lang")] string Lang,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("gold")] IReadOnlyList<string> Gold,
    [property: JsonPropertyName("answers")] IReadOnlyList<string> Answers,
    [property: JsonPropertyName("answerable")] bool Answerable = true)
{
    /// <summary>The question's kind (summary, outline, list, compare, verify, opinion, why, followup, english, trap), if it has one.</summary>
    [JsonPropertyName("kind")]
    public string? Kind { get; init; }

    /// <summary>Groups of alternatives the answer must contain (one alternative per group), after folding.</summary>
    [JsonPropertyName("groups")]
    public IReadOnlyList<IReadOnlyList<string>>? Groups { get; init; }

    /// <summary>When given, at least this many groups must be met instead of all.</summary>
    [JsonPropertyName("min_groups")]
    public int? MinGroups { get; init; }

    /// <summary>The answer must cite at least this many passages.</summary>
    [JsonPropertyName("min_citations")]
    public int? MinCitations { get; init; }

    /// <summary>Strings the answer must not contain (same matching as <see cref="Groups"/>): a true claim answered "不對" is wrong.</summary>
    [JsonPropertyName("forbid")]
    public IReadOnlyList<string>? Forbid { get; init; }

    /// <summary>Earlier questions of the same conversation, asked first (follow-ups).</summary>
    [JsonPropertyName("turns")]
    public IReadOnlyList<string>? Turns { get; init; }
}

/// <summary>Accuracy for one question kind.</summary>
public sealed record KindMetrics(string Kind, int Questions, int Correct, double Accuracy);

/// <summary>The metrics of eval/README.md for one language (or overall).</summary>
public sealed record EvalMetrics(
    string Language,
    int Questions,
    int Answerable,
    double HitAt1,
    double HitAt3,
    double HitAt5,
    double MrrAt10,
    double AnswerAccuracy,
    double CitationPrecision,
    double Abstention,
    double FalseAbstention,
    double QuoteFidelity,
    double FirstSentenceAccuracy = double.NaN);

/// <summary>What happened to one question, for reports and debugging.</summary>
/// <remarks><c>FirstSentenceCorrect</c>: the answer's first sentence (up to its first citation mark) already holds the
/// answer. <c>Gate</c>: the offline answer gate's decision, when the offline answerer drafted an answer.</remarks>
public sealed record EvalOutcome(EvalItem Item, int FirstRelevantRank, bool Correct, bool Abstained, int Citations, int RelevantCitations, string Answer, bool FirstSentenceCorrect = false, GateDecision? Gate = null);

/// <summary>The whole evaluation.</summary>
/// <remarks><c>Calibration</c>: the answer gate's calibration (answers given, by score bin, and the share right).</remarks>
public sealed record EvalReport(IReadOnlyList<EvalMetrics> ByLanguage, EvalMetrics Overall, IReadOnlyList<EvalOutcome> Outcomes, IReadOnlyList<CalibrationBin>? Calibration = null)
{
    /// <summary>
    /// Accuracy per question kind (only for items with a <see cref="EvalItem.Kind"/>), then <see cref="Evaluator.AnswerableKinds"/>
    /// over the answerable ones (the overall accuracy of the language table).
    /// </summary>
    public IReadOnlyList<KindMetrics> ByKind { get; init; } = [];
}

/// <summary>Runs a question set through retrieval and the answerer and scores it.</summary>
public sealed class Evaluator(ArticleSearch search, ArticleAnswerer answerer, ScriptFolding folder)
{
    private const int RetrievalDepth = 10;

    /// <summary>Reads a JSONL eval file; blank lines are skipped.</summary>
    /// <exception cref="FormatException">A line is not a valid eval item.</exception>
    public static IReadOnlyList<EvalItem> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var items = new List<EvalItem>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                var item = JsonSerializer.Deserialize<EvalItem>(line) ?? throw new FormatException($"line {number}: empty");
                if (new[] { ("id", item.Id), ("lang", item.Lang), ("question", item.Question) }.FirstOrDefault(f => string.IsNullOrWhiteSpace(f.Item2)) is ({ } missing, _))
                {
                    throw new FormatException($"line {number}: no \"{missing}\" (every line needs id, lang and question; see eval/README.md)");
                }

                // Kind lines leave out gold and answers: read them as empty lists.
                items.Add(item with { Gold = item.Gold ?? [], Answers = item.Answers ?? [] });
            }
            catch (JsonException ex)
            {
                throw new FormatException($"line {number}: {ex.Message}", ex);
            }
        }

        return items;
    }

    /// <summary>Evaluates every item.</summary>
    public async Task<EvalReport> RunAsync(IReadOnlyList<EvalItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var outcomes = new List<EvalOutcome>(items.Count);
        var quotes = 0;
        var faithful = 0;
        foreach (var item in items)
        {
            var gold = item.Gold.Select(folder.Fold).ToArray();
            bool Relevant(string text)
            {
                var folded = folder.Fold(text);
                return gold.Any(g => folded.Contains(g, StringComparison.Ordinal));
            }

            var ranked = search.Search(item.Question, RetrievalDepth);
            var firstRelevant = ranked.Select((p, i) => (p, i)).FirstOrDefault(x => Relevant(x.p.Passage.Text), (null!, -1)).Item2;
            ArticleAnswer answer;
            GateDecision? gate;
            using (var trace = GateTrace.Begin())
            {
                answer = await answerer.AskAsync(item.Question, await EarlierTurnsAsync(item, cancellationToken), cancellationToken);
                gate = trace.Decisions.Count > 0 ? trace.Decisions[^1] : null;
            }

            var verbatim = true;
            foreach (var citation in answer.Citations.Concat(answer.Closest))
            {
                quotes++;
                var ok = search.Corpus.VerifyQuote(citation.Source, citation.Start, citation.End, citation.Quote);
                faithful += ok ? 1 : 0;
                verbatim &= ok;
            }

            var foldedAnswer = folder.Fold(answer.Text);
            var relevantCitations = answer.Citations.Count(c => Relevant(c.Quote));
            var correct = item.Kind is null
                ? answer.Grounded && relevantCitations > 0 && item.Answers.Any(a => foldedAnswer.Contains(folder.Fold(a), StringComparison.Ordinal))
                : KindCorrect(item, answer, foldedAnswer, verbatim);
            var firstSentence = folder.Fold(FirstSentence(answer.Text));
            var firstCorrect = correct && item.Answers.Any(a => firstSentence.Contains(folder.Fold(a), StringComparison.Ordinal));
            outcomes.Add(new EvalOutcome(item, firstRelevant, correct, !answer.Grounded, answer.Citations.Count, relevantCitations, answer.Text, firstCorrect, gate));
        }

        var fidelity = quotes == 0 ? 1 : faithful / (double)quotes;
        var byLanguage = outcomes.GroupBy(o => o.Item.Lang).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Score(g.Key, g.ToList(), fidelity)).ToList();
        var calibration = Calibration.Of(outcomes.Where(o => o.Gate is { Answered: true }).Select(o => (o.Gate!.Score, o.Correct)));
        return new EvalReport(byLanguage, Score("all", outcomes, fidelity), outcomes, calibration) { ByKind = ScoreKinds(outcomes) };
    }

    /// <summary>The answer's first sentence: up to and including its first citation mark <c>[n]</c> (all of it when it has none).</summary>
    internal static string FirstSentence(string answer)
    {
        var open = answer.IndexOf('[', StringComparison.Ordinal);
        while (open >= 0)
        {
            var close = answer.IndexOf(']', open);
            if (close > open + 1 && !answer.AsSpan(open + 1, close - open - 1).ContainsAnyExceptInRange('0', '9'))
            {
                return answer[..(close + 1)];
            }

            open = answer.IndexOf('[', open + 1);
        }

        return answer;
    }

    /// <summary>
    /// A kind question is right when the answer is grounded, holds an alternative of every group (or of
    /// <see cref="EvalItem.MinGroups"/> of them), contains nothing of <see cref="EvalItem.Forbid"/>, cites enough passages
    /// and quotes verbatim; a trap when refused.
    /// </summary>
    private bool KindCorrect(EvalItem item, ArticleAnswer answer, string foldedAnswer, bool verbatim)
    {
        if (!item.Answerable)
        {
            return !answer.Grounded;
        }

        var groups = item.Groups ?? [];
        var met = groups.Count(g => g.Any(a => AnswerGroups.Contains(foldedAnswer, folder.Fold(a))));
        var needed = item.MinGroups ?? groups.Count;
        var forbidden = (item.Forbid ?? []).Any(f => AnswerGroups.Contains(foldedAnswer, folder.Fold(f)));
        return !forbidden && answer.Grounded && verbatim && met >= needed && answer.Citations.Count >= (item.MinCitations ?? 1);
    }

    private async Task<IReadOnlyList<Microsoft.Extensions.AI.ChatMessage>?> EarlierTurnsAsync(EvalItem item, CancellationToken cancellationToken)
    {
        if (item.Turns is not { Count: > 0 } turns)
        {
            return null;
        }

        var history = new ConversationHistory(maxTurns: 16, maxChars: 32_000);
        foreach (var turn in turns)
        {
            var earlier = await answerer.AskAsync(turn, history.Messages(), cancellationToken);
            history.Add(earlier.Question, earlier.Text);
        }

        return history.Messages();
    }

    /// <summary>The name of the <see cref="EvalReport.ByKind"/> row over every answerable kind question.</summary>
    public const string AnswerableKinds = "answerable";

    private static List<KindMetrics> ScoreKinds(IReadOnlyList<EvalOutcome> outcomes)
    {
        var kinds = outcomes.Where(o => o.Item.Kind is not null).ToList();
        if (kinds.Count == 0)
        {
            return [];
        }

        static KindMetrics Of(string kind, IReadOnlyCollection<EvalOutcome> set) =>
            new(kind, set.Count, set.Count(o => o.Correct), set.Count == 0 ? double.NaN : set.Count(o => o.Correct) / (double)set.Count);

        // The closing row is over the answerable questions, as the language table's accuracy is; the unanswerable
        // ones (the traps) have their own row, which is the language table's abstention.
        return [.. kinds.GroupBy(o => o.Item.Kind!).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Of(g.Key, g.ToList())), Of(AnswerableKinds, [.. kinds.Where(o => o.Item.Answerable)])];
    }

    private static EvalMetrics Score(string language, IReadOnlyList<EvalOutcome> outcomes, double fidelity)
    {
        var answerable = outcomes.Where(o => o.Item.Answerable).ToList();
        var unanswerable = outcomes.Where(o => !o.Item.Answerable).ToList();

        // Retrieval and citation metrics need gold passages, first-sentence accuracy needs gold answers: kind lines
        // have neither, so over them those metrics do not apply (NaN, shown as –) rather than read as 0.
        var withGold = answerable.Where(o => o.Item.Gold.Count > 0).ToList();
        var withAnswers = answerable.Where(o => o.Item.Answers.Count > 0).ToList();
        double Share(IReadOnlyCollection<EvalOutcome> set, Func<EvalOutcome, bool> predicate) =>
            set.Count == 0 ? double.NaN : set.Count(predicate) / (double)set.Count;

        var citations = withGold.Sum(o => o.Citations);
        return new EvalMetrics(
            language,
            outcomes.Count,
            answerable.Count,
            Share(withGold, o => o.FirstRelevantRank is >= 0 and < 1),
            Share(withGold, o => o.FirstRelevantRank is >= 0 and < 3),
            Share(withGold, o => o.FirstRelevantRank is >= 0 and < 5),
            withGold.Count == 0 ? double.NaN : withGold.Sum(o => o.FirstRelevantRank >= 0 ? 1.0 / (o.FirstRelevantRank + 1) : 0) / withGold.Count,
            Share(answerable, o => o.Correct),
            citations == 0 ? double.NaN : withGold.Sum(o => o.RelevantCitations) / (double)citations,
            Share(unanswerable, o => o.Abstained),
            Share(answerable, o => o.Abstained),
            fidelity,
            Share(withAnswers, o => o.FirstSentenceCorrect));
    }
}
