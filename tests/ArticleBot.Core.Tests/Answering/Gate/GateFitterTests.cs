using ArticleBot.Core.Answering.Gate;

namespace ArticleBot.Core.Tests.Answering.Gate;

public sealed class GateFitterTests
{
    // Right answers have high coverage, wrong ones low; the second feature is noise.
    private static readonly (double[] X, bool Right)[] s_rows =
    [
        .. Enumerable.Range(0, 40).Select(i => (new[] { 0.6 + (0.01 * i), (i % 3) / 3.0 }, true)),
        .. Enumerable.Range(0, 40).Select(i => (new[] { 0.01 * i, (i % 3) / 3.0 }, false)),
    ];

    [Fact]
    public void Fit_SeparableRows_ScoresRightAboveWrong()
    {
        var model = GateFitter.Fit(s_rows);

        Assert.True(model.Weights[0] > 1, $"coverage weight {model.Weights[0]}");
        Assert.True(Math.Abs(model.Weights[1]) < Math.Abs(model.Weights[0]) / 4, $"noise weight {model.Weights[1]}");
        Assert.All(s_rows, r => Assert.Equal(r.Right, model.Score(r.X) >= 0.5));
    }

    [Fact]
    public void Fit_SameRows_SameModel()
    {
        Assert.Equal(GateFitter.Fit(s_rows).Weights, GateFitter.Fit(s_rows).Weights);
    }

    [Fact]
    public void Fit_NoRowsOrRaggedRows_Throws()
    {
        Assert.Throws<ArgumentException>(() => GateFitter.Fit([]));
        Assert.Throws<ArgumentException>(() => GateFitter.Fit([([1.0, 2.0], true), ([1.0], false)]));
    }

    [Fact]
    public void Calibrate_CountsAndSharesPerTenth()
    {
        var bins = GateFitter.Calibrate([(0.05, false), (0.95, true), (0.91, false), (1.0, true)]);

        Assert.Equal(10, bins.Count);
        Assert.Equal(1, bins[0].Count);
        Assert.Equal(0, bins[0].ShareRight);
        Assert.Equal(3, bins[9].Count);
        Assert.Equal(2 / 3.0, bins[9].ShareRight, 6);
        Assert.True(double.IsNaN(bins[5].ShareRight));
    }

    [Fact]
    public void PrecisionCurve_RisesWithTheThreshold_OnSeparableRows()
    {
        var model = GateFitter.Fit(s_rows);

        var curve = GateFitter.PrecisionCurve(model, s_rows);

        Assert.Equal(GateFitter.CurvePoints, curve.Count); // thresholds 0.025 … 0.975
        Assert.True(curve[^1] >= curve[0]);
        Assert.Equal(1.0, curve[19]); // at 0.5
    }
}
