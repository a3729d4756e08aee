using ArticleBot.Core.Claims;
using ArticleBot.Core.Reading.Models;
using ArticleBot.Training.Rows;

namespace ArticleBot.Training.Learning;

/// <summary>What the verifier said of one made claim out of fold: under the hand-set rule, and with the support model.</summary>
/// <param name="Row">The claim and the rule's verdict.</param>
/// <param name="Probability">The held-out model's probability (0 when the claim never reached the support decision).</param>
/// <param name="Model">The verdict with the held-out model at its threshold from the other folds.</param>
public sealed record ClaimOutcome(ClaimRow Row, double Probability, Verdict Model)
{
    /// <summary>The verdict under the rule.</summary>
    public Verdict Rule => Row.Check.Verdict;
}

/// <summary>The shipped support model and the out-of-fold outcomes of every claim.</summary>
/// <param name="Model">Fitted on every claim that reached the decision, with the pooled out-of-fold precision curve.</param>
/// <param name="Outcomes">Each claim's verdicts out of fold.</param>
/// <param name="AtTarget">The out-of-fold outcomes at another target precision (each fold's threshold again from the other folds).</param>
public sealed record ClaimTrainingResult(TreeEnsemble Model, IReadOnlyList<ClaimOutcome> Outcomes, Func<double, IReadOnlyList<ClaimOutcome>> AtTarget);

/// <summary>
/// Group k-fold training of the claim support model (<see cref="ClaimSupport"/>), by article: for each fold, the model
/// is fitted on the other folds' claims and checks this fold's "Yes", at the threshold where the other folds'
/// out-of-fold "Yes" reached <see cref="ClaimSupport.TargetPrecision"/>. Only the support decision is learned, and only
/// to withhold the rule's "Yes": a claim the verifier contradicts, or never places, keeps the rule's verdict.
/// </summary>
public static class ClaimTraining
{
    /// <summary>The trees (a few thousand rows, one per claim).</summary>
    public static TreeSettings Settings { get; } = new(Trees: 150, Leaves: 12, MinLeafRows: 40, LearningRate: 0.08);

    /// <summary>Runs the cross-validation and the final fit.</summary>
    public static ClaimTrainingResult Run(IReadOnlyList<ClaimRow> rows, int folds, IReadOnlyList<string> comments, Action<string>? progress = null, TreeSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(comments);
        settings ??= Settings;
        progress ??= _ => { };
        var probability = new double[rows.Count];
        for (var k = 0; k < folds; k++)
        {
            progress($"claim support, fold {k + 1} of {folds}");
            var fitted = Fit(rows.Where(r => r.Fold != k), settings);
            for (var i = 0; i < rows.Count; i++)
            {
                if (rows[i].Fold == k && rows[i].Check.SupportFeatures is { } features)
                {
                    probability[i] = fitted.Probability(features);
                }
            }
        }

        // The model only withholds the rule's "Yes": its precision curve is read on the claims the rule confirms.
        IReadOnlyList<double> Curve(Func<int, bool> include) => ReaderTraining.PrecisionCurve(
            [.. Enumerable.Range(0, rows.Count).Where(i => rows[i].Decides && rows[i].Check.Verdict == Verdict.Supported && include(i)).Select(i => (probability[i], rows[i].Label))]);
        var curves = Enumerable.Range(0, folds).Select(k => new TreeEnsemble("curve", [], [], 0, 0, Curve(i => rows[i].Fold != k))).ToList();
        IReadOnlyList<ClaimOutcome> AtTarget(double target)
        {
            var thresholds = curves.Select(c => c.Threshold(target)).ToArray();
            return [.. rows.Select((r, i) => new ClaimOutcome(r, probability[i],
                !r.Decides ? r.Check.Verdict : r.Check.Verdict == Verdict.Supported && probability[i] >= thresholds[r.Fold] ? Verdict.Supported : Verdict.NotCovered))];
        }

        var outcomes = AtTarget(ClaimSupport.TargetPrecision);

        progress("claim support, final");
        var model = Fit(rows, settings);
        return new ClaimTrainingResult(new TreeEnsemble(model.Name, model.Features, model.Trees, model.CalibrationA, model.CalibrationB, Curve(_ => true), comments), outcomes, AtTarget);
    }

    private static TreeEnsemble Fit(IEnumerable<ClaimRow> rows, TreeSettings settings) => TreeTrainer.Fit(
        "claim-support", ClaimSupportFeatures.Names, [.. rows.Where(r => r.Decides).Select(r => new LabelledRow(r.Check.SupportFeatures!, r.Label))], settings);
}
