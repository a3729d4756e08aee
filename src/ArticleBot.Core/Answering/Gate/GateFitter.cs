namespace ArticleBot.Core.Answering.Gate;

/// <summary>
/// Fits the gate's logistic model to labelled features (was the answer right?) by full-batch gradient descent
/// on the L2-regularised log loss. Deterministic: same data, same model. Small on purpose: a few hundred rows
/// and nine features need nothing more.
/// </summary>
public static class GateFitter
{
    /// <summary>Fits a model.</summary>
    /// <param name="rows">Feature vectors (all of one length) with their labels.</param>
    /// <param name="lambda">L2 penalty on the weights (not the bias).</param>
    /// <param name="iterations">Gradient steps.</param>
    /// <exception cref="ArgumentException">No rows, or rows of different lengths.</exception>
    public static GateModel Fit(IReadOnlyList<(double[] X, bool Right)> rows, double lambda = 0.001, int iterations = 3000)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("No rows to fit.", nameof(rows));
        }

        var width = rows[0].X.Length;
        if (rows.Any(r => r.X.Length != width))
        {
            throw new ArgumentException("All rows need the same number of features.", nameof(rows));
        }

        var weights = new double[width];
        double bias = 0;
        const double rate = 2.0;
        var gradient = new double[width];
        for (var step = 0; step < iterations; step++)
        {
            Array.Clear(gradient);
            double biasGradient = 0;
            foreach (var (x, right) in rows)
            {
                var z = bias;
                for (var i = 0; i < width; i++)
                {
                    z += weights[i] * x[i];
                }

                var error = (1 / (1 + Math.Exp(-z))) - (right ? 1 : 0);
                biasGradient += error;
                for (var i = 0; i < width; i++)
                {
                    gradient[i] += error * x[i];
                }
            }

            bias -= rate * biasGradient / rows.Count;
            for (var i = 0; i < width; i++)
            {
                weights[i] -= rate * ((gradient[i] / rows.Count) + (lambda * weights[i]));
            }
        }

        return new GateModel(bias, weights);
    }

    /// <summary>How many thresholds the precision curve has (steps of 0.025): fine enough that a target precision maps to a threshold a few answers apart.</summary>
    public const int CurvePoints = 39;

    /// <summary>
    /// The precision curve of a model on labelled rows: for score thresholds 0.025, 0.05 … 0.975, the share right of
    /// the rows scoring at least the threshold (1 when none do). <see cref="AnswerGate"/> maps a target precision to a
    /// threshold with it.
    /// </summary>
    public static IReadOnlyList<double> PrecisionCurve(GateModel model, IReadOnlyList<(double[] X, bool Right)> rows)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rows);
        var scored = rows.Select(r => (Score: model.Score(r.X), r.Right)).ToList();
        return Enumerable.Range(1, CurvePoints).Select(i =>
        {
            var above = scored.Where(r => r.Score >= i / (CurvePoints + 1.0)).ToList();
            return above.Count == 0 ? 1 : Math.Round(above.Count(r => r.Right) / (double)above.Count, 3);
        }).ToList();
    }

    /// <summary>Calibration: for each score bin (tenths), how many answers fell in it and the share of them that were right.</summary>
    public static IReadOnlyList<CalibrationBin> Calibrate(IEnumerable<(double Score, bool Right)> scored)
    {
        ArgumentNullException.ThrowIfNull(scored);
        var bins = Enumerable.Range(0, 10).Select(i => (Count: 0, Right: 0)).ToArray();
        foreach (var (score, right) in scored)
        {
            var bin = Math.Clamp((int)(score * 10), 0, 9);
            bins[bin] = (bins[bin].Count + 1, bins[bin].Right + (right ? 1 : 0));
        }

        return bins.Select((b, i) => new CalibrationBin(i / 10.0, (i + 1) / 10.0, b.Count, b.Count == 0 ? double.NaN : b.Right / (double)b.Count)).ToList();
    }
}

/// <summary>One bin of the gate's calibration: scores in [From, To), how many, and the share right.</summary>
public sealed record CalibrationBin(double From, double To, int Count, double ShareRight);
