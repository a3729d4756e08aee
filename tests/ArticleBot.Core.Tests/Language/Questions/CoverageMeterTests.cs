using ArticleBot.Core.Language.Questions;

namespace ArticleBot.Core.Tests.Language.Questions;

/// <summary>Coverage is plain string work on a plan: no index, no Lucene.</summary>
public sealed class CoverageMeterTests
{
    private static QueryPlan Plan(params QueryGroup[] groups) => new("q", "q", groups, [], AnswerType.Any);

    [Fact]
    public void Coverage_CountsStrongGroupsByWeight_SoftOnesHalf_WeakOnesNot()
    {
        var plan = Plan(
            new QueryGroup("騰訊", ["腾讯"], 4, GroupStrength.Strong, InCorpus: true),
            new QueryGroup("紅包", ["红包"], 2, GroupStrength.Strong, InCorpus: true),
            new QueryGroup("分", ["分"], 2, GroupStrength.Soft, InCorpus: true),
            new QueryGroup("的", ["的"], 9, GroupStrength.Weak, InCorpus: true));

        Assert.Equal(4.0 / 7, CoverageMeter.Coverage(plan, "腾讯今年的活动"), 6);
        Assert.Equal(1.0, CoverageMeter.Coverage(plan, "腾讯要分红包"), 6);
        Assert.Equal(0.0, CoverageMeter.Coverage(plan, "阿里巴巴"), 6);
    }

    [Fact]
    public void Covers_NeedsBothOfTwoStrongGroups_AndSomethingTheCorpusHas()
    {
        var plan = Plan(
            new QueryGroup("字節", ["字节"], 3, GroupStrength.Strong, InCorpus: true),
            new QueryGroup("員工", ["员工"], 1, GroupStrength.Strong, InCorpus: true));
        var missing = Plan(new QueryGroup("蘋果", ["苹果"], 5, GroupStrength.Strong, InCorpus: false));

        Assert.False(CoverageMeter.Covers(plan, "字节跳动的营收", 0.5, out var coverage)); // 3/4 of the weight, but one of two names
        Assert.Equal(0.75, coverage, 6);
        Assert.True(CoverageMeter.Covers(plan, "字节跳动的员工", 0.5, out _));
        Assert.False(CoverageMeter.Covers(missing, "苹果", 0.1, out _));
    }

    [Fact]
    public void GroupMatch_LoneCharacterOfAGroupWithWholeWords_CountsHalf()
    {
        // "life": 世 also sits in 世界 (world), so it says less than 生活 or 生命 would.
        var life = new QueryGroup("life", ["生活", "生命", "世"], 2, GroupStrength.Strong, InCorpus: true);
        var sea = new QueryGroup("sea", ["海"], 1, GroupStrength.Weak, InCorpus: true);

        Assert.Equal(CoverageMeter.LoneCharacterMatch, CoverageMeter.GroupMatch(life, "整个穆斯林世界"));
        Assert.Equal(1.0, CoverageMeter.GroupMatch(life, "人们的生活"));
        Assert.Equal(1.0, CoverageMeter.GroupMatch(life, "世界的生命"));
        Assert.Equal(1.0, CoverageMeter.GroupMatch(sea, "海边")); // a group of one character has nothing better
    }

    [Fact]
    public void GroupMatch_LongChineseWord_CountsItsBigramsPresentFromHalfUp()
    {
        var group = new QueryGroup("春節活動要分", ["春节活动要分"], 1, GroupStrength.Strong, InCorpus: true);

        Assert.Equal(1.0, CoverageMeter.GroupMatch(group, "春节活动要分现金"));
        Assert.Equal(0.6, CoverageMeter.GroupMatch(group, "春节活动的"), 6); // 春节, 节活, 活动: 3 of 5 pairs
        Assert.Equal(0.0, CoverageMeter.GroupMatch(group, "春节的活动")); // 春节, 活动: 2 of 5, under half
        Assert.Equal(0.0, CoverageMeter.GroupMatch(group, "春天"));
    }
}
