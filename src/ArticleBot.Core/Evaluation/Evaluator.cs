using System.Text.Json;
using System.Text.Json.Serialization;
using ArticleBot.Core.Answering;
using ArticleBot.Core.Search;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.Evaluation;

/// <summary>One line of an eval file (see eval/README.md).</summary>
public sealed record EvalItem(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("lang")] string Lang,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("gold")] IReadOnlyList<string> Gold,
    [property: JsonPropertyName("answers")] IReadOnlyList<string> Answers,
    [property: JsonPropertyName("answerable")] bool Answerable);

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
    double QuoteFidelity);

/// <summary>What happened to one question, for reports and debugging.</summary>
public sealed record EvalOutcome(EvalItem Item, int FirstRelevantRank, bool Correct, bool Abstained, int Citations, int RelevantCitations, string Answer);

/// <summary>The whole evaluation.</summary>
public sealed record EvalReport(IReadOnlyList<EvalMetrics> ByLanguage, EvalMetrics Overall, IReadOnlyList<EvalOutcome> Outcomes);

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
                items.Add(JsonSerializer.Deserialize<EvalItem>(line) ?? throw new FormatException($"line {number}: empty"));
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
            var answer = await answerer.AskAsync(item.Question, null, cancellationToken);
            foreach (var citation in answer.Citations.Concat(answer.Closest))
            {
                quotes++;
                faithful += search.Corpus.VerifyQuote(citation.Source, citation.Start, citation.End, citation.Quote) ? 1 : 0;
            }

            var foldedAnswer = folder.Fold(answer.Text);
            var relevantCitations = answer.Citations.Count(c => Relevant(c.Quote));
            var correct = answer.Grounded && relevantCitations > 0
                && item.Answers.Any(a => foldedAnswer.Contains(folder.Fold(a), StringComparison.Ordinal));
            outcomes.Add(new EvalOutcome(item, firstRelevant, correct, !answer.Grounded, answer.Citations.Count, relevantCitations, answer.Text));
        }

        var fidelity = quotes == 0 ? 1 : faithful / (double)quotes;
        var byLanguage = outcomes.GroupBy(o => o.Item.Lang).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Score(g.Key, g.ToList(), fidelity)).ToList();
        return new EvalReport(byLanguage, Score("all", outcomes, fidelity), outcomes);
    }

    private static EvalMetrics Score(string language, IReadOnlyList<EvalOutcome> outcomes, double fidelity)
    {
        var answerable = outcomes.Where(o => o.Item.Answerable).ToList();
        var unanswerable = outcomes.Where(o => !o.Item.Answerable).ToList();
        double Share(IReadOnlyCollection<EvalOutcome> set, Func<EvalOutcome, bool> predicate) =>
            set.Count == 0 ? double.NaN : set.Count(predicate) / (double)set.Count;

        var citations = answerable.Sum(o => o.Citations);
        return new EvalMetrics(
            language,
            outcomes.Count,
            answerable.Count,
            Share(answerable, o => o.FirstRelevantRank is >= 0 and < 1),
            Share(answerable, o => o.FirstRelevantRank is >= 0 and < 3),
            Share(answerable, o => o.FirstRelevantRank is >= 0 and < 5),
            answerable.Count == 0 ? double.NaN : answerable.Sum(o => o.FirstRelevantRank >= 0 ? 1.0 / (o.FirstRelevantRank + 1) : 0) / answerable.Count,
            Share(answerable, o => o.Correct),
            citations == 0 ? double.NaN : answerable.Sum(o => o.RelevantCitations) / (double)citations,
            Share(unanswerable, o => o.Abstained),
            Share(answerable, o => o.Abstained),
            fidelity);
    }
}
