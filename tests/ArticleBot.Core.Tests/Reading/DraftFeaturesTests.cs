using ArticleBot.Core.Language.Questions;
using ArticleBot.Core.Reading;

namespace ArticleBot.Core.Tests.Reading;

/// <summary>The gate's near-miss measures on plans written by hand (no index): what each counts, and what it leaves alone.</summary>
public sealed class DraftFeaturesTests
{
    private static QueryGroup Group(string label, GroupStrength strength = GroupStrength.Strong, params string[] alternatives) =>
        new(label, alternatives.Length == 0 ? [label] : alternatives, 1, strength, InCorpus: true);

    private static QueryPlan Plan(string folded, params QueryGroup[] groups) => new(folded, folded, groups, [], AnswerType.Any);

    [Fact]
    public void PartialShare_ALongWordFoundThroughSomeOfItsBigrams_CountsByItsWeight()
    {
        var plan = Plan("白沙港的日均客流量是多少", Group("白沙港"), Group("日均客流量"));

        Assert.Equal(0.5, DraftFeatures.PartialShare(plan, "白沙港的日均客流约三千人次"), 3);
        Assert.Equal(0, DraftFeatures.PartialShare(plan, "白沙港的日均客流量约三千人次"));
        Assert.Equal(0, DraftFeatures.PartialShare(plan, "白沙港位于河口"));
    }

    [Fact]
    public void PartialShare_ALoneCharacterOfAGloss_IsPartial()
    {
        var plan = Plan("when is the next race", Group("next", GroupStrength.Strong, "其次", "下"), Group("race", GroupStrength.Strong, "比赛"));

        Assert.Equal(0.5, DraftFeatures.PartialShare(plan, "下午的比赛"), 3);
        Assert.Equal(0, DraftFeatures.PartialShare(plan, "其次是比赛"));
    }

    [Fact]
    public void BrokenJoins_TheLoneCharacterBeforeAWordIsMissingThere_CountsTheWord()
    {
        var plan = Plan("白沙港的月均客流是多少", Group("白沙港"), Group("月", GroupStrength.Weak), Group("均客流"));

        Assert.Equal(1, DraftFeatures.BrokenJoins(plan, "白沙港的日均客流约三千人次"));
        Assert.Equal(0, DraftFeatures.BrokenJoins(plan, "白沙港的月均客流约九万人次"));
        Assert.Equal(0, DraftFeatures.BrokenJoins(plan, "白沙港位于河口"));
    }

    [Fact]
    public void BrokenJoins_ACharacterTheQuestionDoesNotHoldAsAGroup_IsNoJoin()
    {
        // 的 is no group of the plan: what follows it may stand anywhere.
        var plan = Plan("白沙港的客流是多少", Group("白沙港"), Group("客流"));

        Assert.Equal(0, DraftFeatures.BrokenJoins(plan, "客流最多的是白沙港"));
    }
}
