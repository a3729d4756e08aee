using ArticleBot.Core.Answering.Gate;

namespace ArticleBot.Core.Tests.Answering.Gate;

public sealed class AnswerGateTests
{
    private static GateFeatures Features(double coverage) => new(coverage, coverage, coverage, coverage, 1, 1, 0, 0, 0, 1, coverage, coverage, 1, 0, 1, 0, 1, 0);

    [Fact]
    public void Threshold_IsTheLowestScoreReachingTheTargetOnTheCurve()
    {
        var curve = Enumerable.Range(1, 19).Select(i => 0.5 + (i / 40.0)).ToArray(); // 0.525 … 0.975
        var model = new GateModel(0, new double[GateFeatures.Names.Count], curve);

        Assert.Equal(0.05, model.Threshold(0.5), 6);
        Assert.Equal(0.5, model.Threshold(0.75), 6);
        Assert.Equal(0.95, model.Threshold(0.99), 6);
        Assert.Equal(0, model.Threshold(0), 6);
    }

    [Fact]
    public void Threshold_WithoutCurve_IsTheTarget()
    {
        Assert.Equal(0.7, new GateModel(0, []).Threshold(0.7), 6);
    }

    [Fact]
    public void Decide_ShippedModel_AnswersAWellCoveredDraftAndRefusesAPoorOne()
    {
        var gate = new AnswerGate(GateModel.Shipped, AnswerGate.DefaultTargetPrecision);

        var good = gate.Decide(Features(1));
        var poor = gate.Decide(Features(0.1) with { MissingShare = 0.8, StrongPair = 0, CorpusWording = 0.2 });

        Assert.True(good.Answered, $"score {good.Score}");
        Assert.False(poor.Answered, $"score {poor.Score}");
        Assert.True(good.Score > poor.Score);
    }

    [Fact]
    public void Decide_HigherTarget_AnswersLess()
    {
        var features = Features(0.6);
        var scores = new[] { 0.0, 0.8, 0.99 }.Select(t => new AnswerGate(GateModel.Shipped, t)).Select(g => g.Decide(features).Answered).ToList();

        Assert.True(scores[0]);
        Assert.True(scores.SequenceEqual(scores.OrderByDescending(a => a)), "answering must not resume as the target rises");
    }

    [Fact]
    public void Shipped_HasOneWeightPerFeature()
    {
        Assert.Equal(GateFeatures.Names.Count, GateModel.Shipped.Weights.Count);
        Assert.Equal(GateFeatures.Names.Count, Features(1).ToVector().Length);
    }

    [Fact]
    public void ToSource_WritesAModelThatReadsBack()
    {
        var source = new GateModel(-1.5, [0.25, 2], [0.8, 0.9]).ToSource();

        Assert.Equal("new(-1.5, [0.25, 2], [0.8, 0.9])", source);
    }

    [Fact]
    public void Trace_RecordsDecisionsOnlyInsideATrace()
    {
        var decision = new GateDecision(Features(1), 0.9, true);
        GateTrace.Record(decision); // outside: dropped

        using var trace = GateTrace.Begin();
        GateTrace.Record(decision);

        Assert.Equal([decision], trace.Decisions);
    }
}
