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
        -4.092,
        [0.631, 0.488, 1.818, -0.181, -0.131, 0.686, 1.663, -1.903, -0.535, 1.199, 0.588, 2.153, 0.073, 0.243, 0.246, 0.388, 0.864, -0.428],
        [0.761, 0.797, 0.805, 0.816, 0.83, 0.841, 0.846, 0.851, 0.86, 0.867, 0.872, 0.877, 0.882, 0.882, 0.884, 0.894, 0.898, 0.898, 0.898, 0.898, 0.897, 0.898, 0.904, 0.907, 0.912, 0.917, 0.917, 0.919, 0.931, 0.932, 0.938, 0.947, 0.948, 0.962, 0.965, 0.985, 0.984, 0.981, 0.991]);

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
