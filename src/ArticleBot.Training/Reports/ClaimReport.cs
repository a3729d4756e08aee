using System.Globalization;
using System.Text;
using ArticleBot.Core.Claims;
using ArticleBot.Training.Learning;

namespace ArticleBot.Training.Reports;

/// <summary>
/// The claim verifier's out-of-fold figures on the made claims, under the hand-set rule and with the support and
/// refutation models, by kind and by language. Right: a true claim answered Yes citing a sentence that holds its answer; a false one answered No.
/// </summary>
public static class ClaimReport
{
    /// <summary>The report as Markdown.</summary>
    public static string ToMarkdown(ClaimTrainingResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var outcomes = result.Outcomes;
        var atTarget = result.AtTarget;
        var builder = new StringBuilder();
        builder.Append("\n## Claims: the support and refutation models, out of fold\n\n");
        builder.Append(CultureInfo.InvariantCulture, $"{outcomes.Count:N0} claims made from the questions ({outcomes.Count(o => o.Row.Decides):N0} reached the support decision; {outcomes.Count(o => o.Row.Refutable):N0} left one slot filled otherwise that the rule does not contradict). ");
        builder.Append(CultureInfo.InvariantCulture, $"Right: a true claim answered Yes citing a sentence that holds its answer, a false one answered No. Thresholds: the other folds' out-of-fold \"Yes\" right {ClaimSupport.TargetPrecision:0.###} of the time (support), their \"No\" by slot right {SlotRefutation.TargetPrecision:0.###} of the time (refutation). The support model only withholds the rule's \"Yes\" (left to decide alone, it confirmed hand-written false claims the rule did not); the refutation model adds a \"No\" where the rule has none.\n\n");
        builder.Append("| group | claims | rule: No | rule: right | rule: Yes | rule: Yes right | models: No | models: right | models: Yes | models: Yes right |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        foreach (var (name, group) in Groups(outcomes))
        {
            builder.Append(CultureInfo.InvariantCulture, $"| {name} | {group.Count} | {Share(group, o => o.Rule == Verdict.Contradicted)} | {Share(group, o => Right(o, o.Rule))} | {Share(group, o => o.Rule == Verdict.Supported)} | {YesRight(group, o => o.Rule)} | {Share(group, o => o.Model == Verdict.Contradicted)} | {Share(group, o => Right(o, o.Model))} | {Share(group, o => o.Model == Verdict.Supported)} | {YesRight(group, o => o.Model)} |\n");
        }

        var refutable = outcomes.Where(o => o.Row.Refutable).ToList();
        builder.Append(CultureInfo.InvariantCulture, $"\nOut-of-fold AUC of the refutation model on the {refutable.Count:N0} claims it decides (the chance a false claim outscores a true one): {Auc(refutable, o => o.Refutation, o => o.Row.False):0.000}. At other target precisions of its \"No\":\n\n");
        builder.Append("| target | true claims: No | false claims: No | its No right |\n| --- | --- | --- | --- |\n");
        foreach (var target in new[] { 0.85, 0.9, 0.95, 0.975 })
        {
            var at = result.AtRefutationTarget(target);
            var no = at.Where(o => o.Row.Refutable && o.Model == Verdict.Contradicted).ToList();
            builder.Append(CultureInfo.InvariantCulture, $"| {target:0.###} | {Share(at, o => !o.Row.False, o => o.Model == Verdict.Contradicted)} | {Share(at, o => o.Row.False, o => o.Model == Verdict.Contradicted)} | {(no.Count == 0 ? "–" : (no.Count(o => o.Row.False) / (double)no.Count).ToString("0.000", CultureInfo.InvariantCulture))} |\n");
        }

        var decided = outcomes.Where(o => o.Row.Decides).ToList();
        var share = ClaimSupportFeatures.IndexOf("Share");
        builder.Append(CultureInfo.InvariantCulture, $"\nOut-of-fold AUC on the {decided.Count:N0} claims that reached the decision (the chance a true claim whose sentence holds its answer outscores the others): the model {Auc(decided, o => o.Probability):0.000}, the share of the claim the sentence says (what the rule reads) {Auc(decided, o => o.Row.Check.SupportFeatures![share]):0.000}.\n");
        builder.Append("\nAt other target precisions (all claims; each fold's threshold again from the other folds):\n\n| target | model: right | true claims: Yes | false claims: Yes | model: Yes right |\n| --- | --- | --- | --- | --- |\n");
        builder.Append(CultureInfo.InvariantCulture, $"| rule | {Share(outcomes, o => Right(o, o.Rule))} | {Share(outcomes, o => o.Row.Claim.Kind == "claim-true", o => o.Rule == Verdict.Supported)} | {Share(outcomes, o => o.Row.Claim.Kind != "claim-true", o => o.Rule == Verdict.Supported)} | {YesRight(outcomes, o => o.Rule)} |\n");
        foreach (var target in new[] { 0.75, 0.8, 0.85, 0.875, 0.9, 0.95 })
        {
            var at = atTarget(target);
            builder.Append(CultureInfo.InvariantCulture, $"| {target:0.###} | {Share(at, o => Right(o, o.Model))} | {Share(at, o => o.Row.Claim.Kind == "claim-true", o => o.Model == Verdict.Supported)} | {Share(at, o => o.Row.Claim.Kind != "claim-true", o => o.Model == Verdict.Supported)} | {YesRight(at, o => o.Model)} |\n");
        }

        return builder.ToString();
    }

    private static IEnumerable<(string Name, List<ClaimOutcome> Group)> Groups(IReadOnlyList<ClaimOutcome> outcomes)
    {
        yield return ("all", [.. outcomes]);
        foreach (var kind in outcomes.GroupBy(o => o.Row.Claim.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            yield return (kind.Key, [.. kind]);
        }

        foreach (var language in outcomes.GroupBy(o => o.Row.Claim.Language).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            yield return (language.Key, [.. language]);
        }

        foreach (var source in outcomes.GroupBy(o => o.Row.Slice.Source).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            yield return (source.Key, [.. source]);
        }
    }

    /// <summary>The area under the ROC curve of <paramref name="score"/> for the claims' labels (ties count half).</summary>
    public static double Auc(IReadOnlyList<ClaimOutcome> outcomes, Func<ClaimOutcome, double> score, Func<ClaimOutcome, bool>? label = null)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(score);
        label ??= o => o.Row.Label;
        var right = outcomes.Where(label).Select(score).ToList();
        var wrong = outcomes.Where(o => !label(o)).Select(score).Order().ToList();
        if (right.Count == 0 || wrong.Count == 0)
        {
            return 0.5;
        }

        double sum = 0;
        foreach (var r in right)
        {
            var below = LowerBound(wrong, r);
            sum += below + (0.5 * (LowerBound(wrong, Math.BitIncrement(r)) - below));
        }

        return sum / (right.Count * (double)wrong.Count);
    }

    private static int LowerBound(List<double> sorted, double value)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static bool Right(ClaimOutcome outcome, Verdict verdict) =>
        outcome.Row.Claim.Kind == "claim-true" ? verdict == Verdict.Supported && outcome.Row.Label : verdict == Verdict.Contradicted;

    private static string Share(IReadOnlyList<ClaimOutcome> group, Func<ClaimOutcome, bool> counted) => Share(group, _ => true, counted);

    private static string Share(IReadOnlyList<ClaimOutcome> group, Func<ClaimOutcome, bool> among, Func<ClaimOutcome, bool> counted)
    {
        var of = group.Where(among).ToList();
        return (of.Count(counted) / (double)Math.Max(1, of.Count)).ToString("0.000", CultureInfo.InvariantCulture);
    }

    private static string YesRight(IReadOnlyList<ClaimOutcome> group, Func<ClaimOutcome, Verdict> verdict)
    {
        var yes = group.Where(o => verdict(o) == Verdict.Supported).ToList();
        return yes.Count == 0 ? "–" : (yes.Count(o => o.Row.Label) / (double)yes.Count).ToString("0.000", CultureInfo.InvariantCulture);
    }
}
