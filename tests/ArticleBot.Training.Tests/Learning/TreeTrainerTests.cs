using ArticleBot.Training.Learning;

namespace ArticleBot.Training.Tests.Learning;

public sealed class TreeTrainerTests
{
    /// <summary>Rows whose label is x0 + noise(x1) above 1: a model must learn the first feature, not the second.</summary>
    private static List<LabelledRow> Rows(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var x0 = (float)(random.NextDouble() * 2);
            var x1 = (float)random.NextDouble();
            return new LabelledRow([x0, x1], x0 + ((random.NextDouble() - 0.5) * 0.4) > 1);
        })];
    }

    private static readonly TreeSettings s_small = new(Trees: 20, Leaves: 4, MinLeafRows: 10);

    [Fact]
    public void Fit_SameRows_SameModel_ToTheLastDigit()
    {
        var rows = Rows(400, 1);

        var first = TreeTrainer.Fit("test", ["x0", "x1"], rows, s_small).Write();
        var second = TreeTrainer.Fit("test", ["x0", "x1"], rows, s_small).Write();

        Assert.Equal(first, second);
    }

    [Fact]
    public void Fit_LearnsWhatDecides_OnRowsItNeverSaw()
    {
        var model = TreeTrainer.Fit("test", ["x0", "x1"], Rows(400, 1), s_small);

        var heldOut = Rows(400, 2);
        var right = heldOut.Count(r => model.Probability(r.Features) >= 0.5 == r.Label);
        Assert.True(right / 400.0 > 0.85, $"{right} of 400");
        var splits = model.Trees.SelectMany(t => t.SplitFeatures).ToList();
        Assert.True(splits.Count(f => f == 0) > 0.8 * splits.Count, $"{splits.Count(f => f == 0)} of {splits.Count} splits on the feature that decides");
    }

    [Fact]
    public void Fit_OneClassOnly_IsRefusedWithAReason()
    {
        var rows = Rows(50, 1).Select(r => r with { Label = true }).ToList();

        var error = Assert.Throws<InvalidOperationException>(() => TreeTrainer.Fit("gate", ["x0", "x1"], rows, s_small));

        Assert.Contains("positive and negative", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Groups of five candidates; the positive is the one with the largest x0 (x1 is noise), so only the order within a group decides.</summary>
    private static (List<LabelledRow> Rows, List<int> Groups) Ranked(int groupCount, int seed)
    {
        var random = new Random(seed);
        var rows = new List<LabelledRow>();
        var groups = new List<int>();
        for (var g = 0; g < groupCount; g++)
        {
            // Each group has its own level, so a row's x0 alone says little: only its rank within the group does.
            var level = (float)(random.NextDouble() * 4);
            var xs = Enumerable.Range(0, 5).Select(_ => level + (float)random.NextDouble()).ToList();
            var best = xs.IndexOf(xs.Max());
            for (var i = 0; i < 5; i++)
            {
                rows.Add(new LabelledRow([xs[i], (float)random.NextDouble(), xs[i] - xs.Max()], i == best));
                groups.Add(g);
            }
        }

        return (rows, groups);
    }

    [Fact]
    public void FitRanking_PutsThePositiveFirst_InGroupsItNeverSaw_AndIsTheSameOnEveryRun()
    {
        var (rows, groups) = Ranked(200, 1);

        var model = TreeTrainer.FitRanking("ranker", ["x0", "noise", "gap"], rows, groups, s_small);

        Assert.Equal(model.Write(), TreeTrainer.FitRanking("ranker", ["x0", "noise", "gap"], rows, groups, s_small).Write());
        var (heldOut, heldOutGroups) = Ranked(200, 2);
        var firsts = heldOut.Select((r, i) => (Row: r, Group: heldOutGroups[i])).GroupBy(x => x.Group)
            .Count(g => g.MaxBy(x => model.Probability(x.Row.Features)).Row.Label);
        Assert.True(firsts > 190, $"{firsts} of 200 groups with the positive first");
        var probabilities = heldOut.Select(r => model.Probability(r.Features)).ToList();
        Assert.All(probabilities, p => Assert.InRange(p, 0, 1));
        Assert.InRange(probabilities.Average(), 0.1, 0.3); // calibrated: one positive in five
    }

    [Fact]
    public void PlattScaling_RecoversTheSigmoidThatMadeTheLabels()
    {
        // Labels drawn with p = 1 / (1 + exp(-2s + 1)), that is a = -2, b = 1.
        var random = new Random(3);
        var scores = Enumerable.Range(0, 20000).Select(_ => (random.NextDouble() * 6) - 3).ToList();
        var labels = scores.Select(s => random.NextDouble() < 1 / (1 + Math.Exp((-2 * s) + 1))).ToList();

        var (a, b) = TreeTrainer.PlattScaling(scores, labels);

        Assert.InRange(a, -2.2, -1.8);
        Assert.InRange(b, 0.85, 1.15);
    }

    [Fact]
    public void PrecisionCurve_IsTheShareRightAboveEachThreshold_NeverFallingAsItRises()
    {
        var curve = ReaderTraining.PrecisionCurve([(0.1, false), (0.3, true), (0.6, false), (0.9, true)]);

        Assert.Equal(ReaderTraining.CurvePoints, curve.Count);
        Assert.Equal(0.5, curve[0], 3); // ≥ 1/40: 2 of 4 (the curve then only rises)
        Assert.Equal(0.5, curve[19], 3); // ≥ 0.5: 1 of 2
        Assert.Equal(1, curve[38], 3); // ≥ 0.975: none, 1
        Assert.True(curve.Zip(curve.Skip(1)).All(p => p.First <= p.Second));
    }
}
