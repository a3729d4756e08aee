using ArticleBot.Core.Answering.Gate;
using ArticleBot.Core.Reading;
using ArticleBot.Core.Reading.Models;

namespace ArticleBot.Core.Tests.Answering.Gate;

public sealed class AnswerGateTests
{
    private static readonly IProbabilityModel s_model = new TreeModel(new TreeEnsemble("gate", DraftFeatures.Names, [], 0, 0,
        [.. Enumerable.Range(1, 39).Select(i => 0.5 + (i / 80.0))]));

    [Fact]
    public void Decide_AnswersFromTheThresholdTheTargetMapsTo()
    {
        var gate = new AnswerGate(s_model, 0.75);

        Assert.Equal(0.5, gate.Threshold, 6);
        Assert.True(gate.Decide(new float[DraftFeatures.Count], 0.5).Answered);
        Assert.False(gate.Decide(new float[DraftFeatures.Count], 0.49).Answered);
    }

    [Fact]
    public void Decide_HigherTarget_AnswersLess()
    {
        var answered = new[] { 0.0, 0.6, 0.8, 0.95 }.Select(t => new AnswerGate(s_model, t).Decide(new float[DraftFeatures.Count], 0.6).Answered).ToList();

        Assert.True(answered[0]);
        Assert.True(answered.SequenceEqual(answered.OrderByDescending(a => a)), "answering must not resume as the target rises");
    }

    [Fact]
    public void Decide_AnInputThatAsksNothing_IsNotAnswered_HoweverSureTheModel()
    {
        var gate = new AnswerGate(s_model, 0.75);
        var bare = new float[DraftFeatures.Count];
        bare[DraftFeatures.At.BareKeyword] = 1;

        Assert.False(gate.Decide(bare, 0.99).Answered);
        Assert.True(gate.Decide(new float[DraftFeatures.Count], 0.99).Answered);
    }

    [Fact]
    public void Decide_HowManyAnsweredWithoutAnyNumeral_IsNotAnswered_HoweverSureTheModel()
    {
        var gate = new AnswerGate(s_model, 0.75);
        var countless = new float[DraftFeatures.Count];
        countless[DraftFeatures.At.NoNumeral] = 1;

        Assert.False(gate.Decide(countless, 0.99).Answered);
        Assert.True(AnswerGate.Forced(countless));
        Assert.False(AnswerGate.Forced(new float[DraftFeatures.Count]));
    }

    [Theory]
    [InlineData("官方认可的团体共有七个", true)] // a Chinese numeral
    [InlineData("广告业务或将带来250亿美元的年收入", true)]
    [InlineData("用户数以万计", true)]
    [InlineData("不少用户已经转向其他产品", true)] // 少: broad on purpose
    [InlineData("大部分用户来自海外", true)]
    [InlineData("该服务对个人用户免费", true)]
    [InlineData("the service is free for students", true)]
    [InlineData("nine nations share the basin", true)]
    [InlineData("none of the treaties did", true)]
    [InlineData("早已在日活用户上构筑了极高的防御堡垒", false)]
    [InlineData("the company grew quickly in asia", false)]
    [InlineData("someone said it", false)] // "one" only as a whole word
    public void HoldsNumeral_ReadsDigitsNumeralsAndNumberWords(string folded, bool expected)
    {
        Assert.Equal(expected, DraftFeatures.HoldsNumeral(folded));
    }

    [Fact]
    public void Trace_RecordsDecisionsOnlyInsideATrace()
    {
        var decision = new GateDecision(new float[DraftFeatures.Count], 0.9, true);
        GateTrace.Record(decision); // outside: dropped

        using var trace = GateTrace.Begin();
        GateTrace.Record(decision);

        Assert.Equal([decision], trace.Decisions);
    }
}
