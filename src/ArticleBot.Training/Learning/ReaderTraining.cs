using ArticleBot.Core.Answering.Gate;
using ArticleBot.Core.Reading;
using ArticleBot.Core.Reading.Models;
using ArticleBot.Training.Rows;

namespace ArticleBot.Training.Learning;

/// <summary>What happened to one question out of fold: the draft the held-out ranker chose and the held-out gate's verdict.</summary>
/// <param name="Rows">The question's rows.</param>
/// <param name="Draft">The draft (null when no sentence matched anything).</param>
/// <param name="Correct">True when the draft, if given, would be right (an answer to an unanswerable question never is).</param>
/// <param name="FirstCorrect">True when the draft's first sentence alone holds the answer.</param>
/// <param name="Confidence">The held-out gate's probability.</param>
/// <param name="Answered">True when the gate, at the threshold derived from the other folds, lets the draft through.</param>
public sealed record OutOfFoldOutcome(QuestionRows Rows, ReadDraft? Draft, bool Correct, bool FirstCorrect, double Confidence, bool Answered);

/// <summary>The trained models and how they did on articles they never saw.</summary>
/// <param name="Ranker">The ranker, fitted on every fold.</param>
/// <param name="Gate">The gate, fitted on every fold (on the out-of-fold ranker's drafts), with the out-of-fold precision curve.</param>
/// <param name="Outcomes">Each question's out-of-fold outcome at the target precision of the run.</param>
/// <param name="AtTarget">The out-of-fold outcomes at another target precision (each fold's threshold again from the other folds).</param>
public sealed record TrainingResult(TreeEnsemble Ranker, TreeEnsemble Gate, IReadOnlyList<OutOfFoldOutcome> Outcomes, Func<double, IReadOnlyList<OutOfFoldOutcome>> AtTarget);

/// <summary>
/// Group k-fold training of the reader, by article: for each fold, the ranker is fitted on the other folds and ranks
/// this fold's candidates; drafts are composed from those held-out ranks; the gate is fitted the same way on drafts,
/// and its threshold for the target precision is read off the other folds' out-of-fold curve. Every figure comes from
/// a model that never saw the article, and no threshold is chosen on the rows it is judged on.
/// </summary>
public static class ReaderTraining
{
    /// <summary>Precision-curve points (thresholds 1/40 … 39/40).</summary>
    public const int CurvePoints = 39;

    /// <summary>Runs the cross-validation and the final fits.</summary>
    public static TrainingResult Run(IReadOnlyList<QuestionRows> rows, int folds, TreeSettings rankerSettings, TreeSettings gateSettings, double targetPrecision, IReadOnlyList<string> comments, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(comments);
        progress ??= _ => { };

        // 1. The ranker, out of fold: fitted on the other folds' answerable questions.
        for (var k = 0; k < folds; k++)
        {
            progress($"ranker, fold {k + 1} of {folds}");
            var fitted = FitRanker(rows.Where(r => r.Fold != k), rankerSettings);
            foreach (var question in rows.Where(r => r.Fold == k))
            {
                foreach (var candidate in question.Candidates)
                {
                    candidate.Probability = fitted.Probability(candidate.Features);
                }
            }
        }

        // 2. Drafts from the held-out ranks, and the gate's rows.
        var drafts = rows.Select(r => Draft(r)).ToList();

        // 3. The gate, out of fold.
        var confidence = new double[rows.Count];
        for (var k = 0; k < folds; k++)
        {
            progress($"gate, fold {k + 1} of {folds}");
            var fitted = TreeTrainer.Fit("answer-gate", DraftFeatures.Names, GateRows(drafts.Where(d => d.Rows.Fold != k)), gateSettings);
            for (var i = 0; i < rows.Count; i++)
            {
                if (rows[i].Fold == k && drafts[i].Features is { } features)
                {
                    confidence[i] = fitted.Probability(features);
                }
            }
        }

        // 4. Each fold's threshold from the other folds' curve, read on the questions that set it (see TrainingQuestion.SetsThreshold).
        var curves = Enumerable.Range(0, folds).Select(k => new TreeEnsemble("curve", [], [], 0, 0,
            PrecisionCurve([.. Enumerable.Range(0, rows.Count).Where(i => rows[i].Fold != k && drafts[i].Features is not null && rows[i].Question.SetsThreshold).Select(i => (confidence[i], drafts[i].Correct))]))).ToList();
        IReadOnlyList<OutOfFoldOutcome> AtTarget(double target)
        {
            var thresholds = curves.Select(c => c.Threshold(target)).ToArray();
            return [.. Enumerable.Range(0, rows.Count).Select(i =>
            {
                var d = drafts[i];
                var answered = d.Features is { } features && confidence[i] >= thresholds[rows[i].Fold] && !AnswerGate.Forced(features);
                return new OutOfFoldOutcome(rows[i], d.Draft, d.Correct, d.FirstCorrect, confidence[i], answered);
            })];
        }

        var outcomes = AtTarget(targetPrecision);

        // 5. The shipped models: fitted on everything; the gate on the out-of-fold drafts, which are what unseen articles look like.
        progress("final ranker");
        var ranker = FitRanker(rows, rankerSettings);
        progress("final gate");
        var gate = TreeTrainer.Fit("answer-gate", DraftFeatures.Names, GateRows(drafts), gateSettings);
        var pooled = Enumerable.Range(0, rows.Count).Where(i => drafts[i].Features is not null && rows[i].Question.SetsThreshold).Select(i => (confidence[i], drafts[i].Correct)).ToList();
        var shippedRanker = new TreeEnsemble(ranker.Name, ranker.Features, ranker.Trees, ranker.CalibrationA, ranker.CalibrationB, comments: comments);
        var shippedGate = new TreeEnsemble(gate.Name, gate.Features, gate.Trees, gate.CalibrationA, gate.CalibrationB, PrecisionCurve(pooled), comments);
        return new TrainingResult(shippedRanker, shippedGate, outcomes, AtTarget);
    }

    /// <summary>The share right of the drafts whose confidence reached each of 1/40 … 39/40 (1 where none did).</summary>
    public static IReadOnlyList<double> PrecisionCurve(IReadOnlyList<(double Confidence, bool Correct)> drafts)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var curve = new double[CurvePoints];
        for (var i = 0; i < CurvePoints; i++)
        {
            var threshold = (i + 1) / (double)(CurvePoints + 1);
            var given = drafts.Where(d => d.Confidence >= threshold).ToList();
            curve[i] = given.Count == 0 ? 1 : Math.Round(given.Count(d => d.Correct) / (double)given.Count, 4);
        }

        // A threshold counts as reaching a precision only when every stricter one does too (noise in a thin tail
        // must not let a loose threshold through).
        for (var i = CurvePoints - 2; i >= 0; i--)
        {
            curve[i] = Math.Min(curve[i], curve[i + 1]);
        }

        return curve;
    }

    // LambdaMART over each question's candidates: out of fold it chose the right sentence more often than a pointwise
    // classifier on the same features (0.907 against 0.896 of all answerable questions, gate open).
    private static TreeEnsemble FitRanker(IEnumerable<QuestionRows> questions, TreeSettings settings)
    {
        var answerable = questions.Where(q => q.Question.Answerable).ToList();
        var rows = answerable.SelectMany(q => q.Candidates.Select((c, i) => new LabelledRow(c.Features, q.Labels[i]))).ToList();
        var groups = answerable.SelectMany((q, g) => q.Candidates.Select(_ => g)).ToList();
        return TreeTrainer.FitRanking("sentence-ranker", SentenceFeatures.Names, rows, groups, settings);
    }

    private static IReadOnlyList<LabelledRow> GateRows(IEnumerable<DraftRow> drafts) =>
        [.. drafts.Where(d => d.Features is not null).Select(d => new LabelledRow(d.Features!, d.Correct))];

    private sealed record DraftRow(QuestionRows Rows, ReadDraft? Draft, float[]? Features, bool Correct, bool FirstCorrect);

    private static DraftRow Draft(QuestionRows rows)
    {
        var draft = DraftComposer.Compose(rows.Reading, rows.Passages, rows.Candidates);
        if (draft is null)
        {
            return new DraftRow(rows, null, null, false, false);
        }

        var features = DraftFeatures.Of(rows.Reading, rows.Passages, rows.Candidates, draft);
        if (!rows.Question.Answerable)
        {
            return new DraftRow(rows, draft, features, false, false);
        }

        // As eval scores it: the answer holds an answer text and cites a passage that holds one.
        var answer = string.Concat(draft.Picked.Select(c => c.Folded));
        var cites = draft.Picked.Any(c => rows.Relevant[c.PassageIndex]);
        var correct = cites && rows.Answers.Any(a => answer.Contains(a, StringComparison.Ordinal));
        var first = correct && rows.Answers.Any(a => draft.Picked[0].Folded.Contains(a, StringComparison.Ordinal));
        return new DraftRow(rows, draft, features, correct, first);
    }
}
