using ArticleBot.Core.Claims;
using ArticleBot.Core.Reading.Models;
using ArticleBot.Training.Rows;

namespace ArticleBot.Training.Learning;

/// <summary>What the verifier said of one made claim out of fold: under the hand-set rule, and with the two claim models.</summary>
/// <param name="Row">The claim and the rule's verdict.</param>
/// <param name="Probability">The held-out support model's probability (0 when the claim never reached the support decision).</param>
/// <param name="Refutation">The held-out refutation model's probability (0 when the claim left no one slot filled otherwise).</param>
/// <param name="Model">The verdict with the held-out models at their thresholds from the other folds.</param>
public sealed record ClaimOutcome(ClaimRow Row, double Probability, double Refutation, Verdict Model)
{
    /// <summary>The verdict under the rule.</summary>
    public Verdict Rule => Row.Check.Verdict;
}

/// <summary>The shipped claim models and the out-of-fold outcomes of every claim.</summary>
/// <param name="Model">The support model, fitted on every claim that reached the decision, with the pooled out-of-fold precision curve.</param>
/// <param name="Refutation">The slot refutation model, fitted on every claim with one slot filled otherwise, with its pooled curve.</param>
/// <param name="Outcomes">Each claim's verdicts out of fold.</param>
/// <param name="AtTarget">The out-of-fold outcomes at another target precision of the support model (each fold's threshold again from the other folds).</param>
/// <param name="AtRefutationTarget">The same at another target precision of the refutation model.</param>
public sealed record ClaimTrainingResult(TreeEnsemble Model, TreeEnsemble Refutation, IReadOnlyList<ClaimOutcome> Outcomes, Func<double, IReadOnlyList<ClaimOutcome>> AtTarget, Func<double, IReadOnlyList<ClaimOutcome>> AtRefutationTarget);

/// <summary>
/// Group k-fold training of the two claim models, by article: for each fold, each model is fitted on the other folds'
/// claims and decides this fold's, at the threshold where the other folds' out-of-fold decisions reached its target.
/// <list type="bullet">
/// <item>The support model (<see cref="ClaimSupport"/>) only withholds the rule's "Yes", at <see cref="ClaimSupport.TargetPrecision"/>.</item>
/// <item>The refutation model (<see cref="SlotRefutation"/>) answers "No" for a claim whose one unsaid slot the sentence
/// fills with other words, at <see cref="SlotRefutation.TargetPrecision"/>: a made claim is false there when it was made
/// false (another figure, person or thing in its answer's place).</item>
/// </list>
/// A claim the rule contradicts, or never places, keeps the rule's verdict.
/// </summary>
public static class ClaimTraining
{
    /// <summary>The trees (a few thousand rows, one per claim).</summary>
    public static TreeSettings Settings { get; } = new(Trees: 150, Leaves: 12, MinLeafRows: 40, LearningRate: 0.08);

    /// <summary>Runs the cross-validation and the final fits.</summary>
    public static ClaimTrainingResult Run(IReadOnlyList<ClaimRow> rows, int folds, IReadOnlyList<string> comments, IReadOnlyList<string> refutationComments, Action<string>? progress = null, TreeSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(comments);
        ArgumentNullException.ThrowIfNull(refutationComments);
        settings ??= Settings;
        progress ??= _ => { };
        var probability = new double[rows.Count];
        var refutation = new double[rows.Count];
        for (var k = 0; k < folds; k++)
        {
            progress($"claim models, fold {k + 1} of {folds}");
            var fitted = Fit(rows.Where(r => r.Fold != k), settings);
            var refuter = FitRefutation(rows.Where(r => r.Fold != k), settings);
            for (var i = 0; i < rows.Count; i++)
            {
                if (rows[i].Fold != k)
                {
                    continue;
                }

                probability[i] = rows[i].Check.SupportFeatures is { } features ? fitted.Probability(features) : 0;
                refutation[i] = rows[i].Check.SlotFeatures is { } slot ? refuter.Probability(slot) : 0;
            }
        }

        // The support model only withholds the rule's "Yes": its precision curve is read on the claims the rule confirms.
        IReadOnlyList<double> Curve(Func<int, bool> include) => ReaderTraining.PrecisionCurve(
            [.. Enumerable.Range(0, rows.Count).Where(i => rows[i].Decides && rows[i].Check.Verdict == Verdict.Supported && include(i)).Select(i => (probability[i], rows[i].Label))]);

        // The refutation model decides claims the rule does not contradict: its curve is the share of its "No" that are false claims.
        IReadOnlyList<double> RefutationCurve(Func<int, bool> include) => ReaderTraining.PrecisionCurve(
            [.. Enumerable.Range(0, rows.Count).Where(i => rows[i].Refutable && include(i)).Select(i => (refutation[i], rows[i].False))]);
        var curves = Enumerable.Range(0, folds).Select(k => Ensemble(Curve(i => rows[i].Fold != k))).ToList();
        var refutationCurves = Enumerable.Range(0, folds).Select(k => Ensemble(RefutationCurve(i => rows[i].Fold != k))).ToList();
        IReadOnlyList<ClaimOutcome> At(double target, double refutationTarget)
        {
            var thresholds = curves.Select(c => c.Threshold(target)).ToArray();
            var refutationThresholds = refutationCurves.Select(c => c.Threshold(refutationTarget)).ToArray();
            return [.. rows.Select((r, i) => new ClaimOutcome(r, probability[i], refutation[i],
                r.Refutable && refutation[i] >= refutationThresholds[r.Fold] ? Verdict.Contradicted
                : !r.Decides ? r.Check.Verdict
                : r.Check.Verdict == Verdict.Supported && probability[i] >= thresholds[r.Fold] ? Verdict.Supported : Verdict.NotCovered))];
        }

        var outcomes = At(ClaimSupport.TargetPrecision, SlotRefutation.TargetPrecision);

        progress("claim models, final");
        var model = Fit(rows, settings);
        var refutationModel = FitRefutation(rows, settings);
        return new ClaimTrainingResult(
            new TreeEnsemble(model.Name, model.Features, model.Trees, model.CalibrationA, model.CalibrationB, Curve(_ => true), comments),
            new TreeEnsemble(refutationModel.Name, refutationModel.Features, refutationModel.Trees, refutationModel.CalibrationA, refutationModel.CalibrationB, RefutationCurve(_ => true), refutationComments),
            outcomes,
            target => At(target, SlotRefutation.TargetPrecision),
            target => At(ClaimSupport.TargetPrecision, target));
    }

    private static TreeEnsemble Ensemble(IReadOnlyList<double> curve) => new("curve", [], [], 0, 0, curve);

    private static TreeEnsemble Fit(IEnumerable<ClaimRow> rows, TreeSettings settings) => TreeTrainer.Fit(
        "claim-support", ClaimSupportFeatures.Names, [.. rows.Where(r => r.Decides).Select(r => new LabelledRow(r.Check.SupportFeatures!, r.Label))], settings);

    private static TreeEnsemble FitRefutation(IEnumerable<ClaimRow> rows, TreeSettings settings) => TreeTrainer.Fit(
        "claim-slot", SlotRefutationFeatures.Names, [.. rows.Where(r => r.Check.SlotFeatures is not null).Select(r => new LabelledRow(r.Check.SlotFeatures!, r.False))], settings);
}
