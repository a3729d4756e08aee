namespace ArticleBot.Core.Evaluation;

/// <summary>One bin of the gate's calibration: scores in [From, To), how many, and the share right.</summary>
public sealed record CalibrationBin(double From, double To, int Count, double ShareRight);

/// <summary>The answer gate's calibration on a question set: are answers it gave a chance p right about p of the time?</summary>
public static class Calibration
{
    /// <summary>For each score bin (tenths), how many answers fell in it and the share of them that were right.</summary>
    public static IReadOnlyList<CalibrationBin> Of(IEnumerable<(double Score, bool Right)> scored)
    {
        ArgumentNullException.ThrowIfNull(scored);
        var bins = Enumerable.Range(0, 10).Select(i => (Count: 0, Right: 0)).ToArray();
        foreach (var (score, right) in scored)
        {
            var bin = Math.Clamp((int)(score * 10), 0, 9);
            bins[bin] = (bins[bin].Count + 1, bins[bin].Right + (right ? 1 : 0));
        }

        return [.. bins.Select((b, i) => new CalibrationBin(i / 10.0, (i + 1) / 10.0, b.Count, b.Count == 0 ? double.NaN : b.Right / (double)b.Count))];
    }
}
