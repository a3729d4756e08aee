using System.Globalization;

namespace ArticleBot.Core.Answering.Gate;

/// <summary>A logistic model: the estimated chance that an answer with these features is right.</summary>
/// <param name="Bias">The intercept.</param>
/// <param name="Weights">One weight per feature, in <see cref="GateFeatures.Names"/> order.</param>
/// <param name="PrecisionCurve">The share right of the fitting rows that scored at least 0.025, 0.05 … 0.975
/// (<see cref="GateFitter.PrecisionCurve"/>), to turn a target precision into a score threshold; empty: the target is the threshold.</param>
public sealed record GateModel(double Bias, IReadOnlyList<double> Weights, IReadOnlyList<double>? PrecisionCurve = null)
{
    /// <summary>
    /// The shipped model. Fitted with <c>articlebot fit-gate</c> (<see cref="GateFitter"/>: L2-regularised logistic
    /// regression, λ = 0.001, 3000 full-batch steps) on the gate features that <c>eval --gate-features</c> wrote for eval/dev.jsonl and the
    /// three external development sets (eval/ext), with the gate open (<c>Retrieval:TargetPrecision=0</c>); the label
    /// is whether the answer was right (an answer to an unanswerable question is wrong).
    /// </summary>
    public static GateModel Shipped { get; } = new(
        -3.809,
        [0.505, 0.28, 1.678, -0.11, -0.092, 0.634, 1.644, -1.749, -0.357, 1.162, 0.387, 2.051, 0.158, 0.171, 0.361, -0.331, 0.971, -0.412],
        [0.758, 0.784, 0.799, 0.805, 0.823, 0.827, 0.839, 0.846, 0.853, 0.865, 0.87, 0.872, 0.877, 0.879, 0.886, 0.886, 0.891, 0.89, 0.892, 0.892, 0.892, 0.893, 0.896, 0.898, 0.906, 0.908, 0.911, 0.912, 0.914, 0.925, 0.934, 0.938, 0.947, 0.957, 0.959, 0.975, 0.972, 0.972, 0.987]);

    /// <summary>The estimated chance (0..1) that an answer with these features is right.</summary>
    public double Score(GateFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var x = features.ToVector();
        if (x.Length != Weights.Count)
        {
            throw new InvalidOperationException($"The gate model has {Weights.Count} weights for {x.Length} features.");
        }

        var z = Bias;
        for (var i = 0; i < x.Length; i++)
        {
            z += Weights[i] * x[i];
        }

        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>The estimated chance for a raw feature vector (as <see cref="GateFeatureFile"/> reads them).</summary>
    public double Score(IReadOnlyList<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var z = Bias;
        for (var i = 0; i < Math.Min(x.Count, Weights.Count); i++)
        {
            z += Weights[i] * x[i];
        }

        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>
    /// The least score whose answers were right at least <paramref name="targetPrecision"/> of the time on the fitting
    /// data (the lowest threshold of the precision curve that reaches it; its highest when none does). Without a
    /// curve the target itself is the threshold.
    /// </summary>
    public double Threshold(double targetPrecision)
    {
        if (PrecisionCurve is not { Count: > 0 } curve || targetPrecision <= 0)
        {
            return targetPrecision;
        }

        for (var i = 0; i < curve.Count; i++)
        {
            if (curve[i] >= targetPrecision)
            {
                return (i + 1) / (double)(curve.Count + 1);
            }
        }

        return curve.Count / (double)(curve.Count + 1);
    }

    /// <summary>The model as C# source, to paste into <see cref="Shipped"/> after a new fit.</summary>
    public string ToSource() =>
        string.Create(CultureInfo.InvariantCulture, $"new({Bias:0.###}, [{Join(Weights)}], [{Join(PrecisionCurve ?? [])}])");

    private static string Join(IEnumerable<double> values) => string.Join(", ", values.Select(w => w.ToString("0.###", CultureInfo.InvariantCulture)));
}
