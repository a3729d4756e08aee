using ArticleBot.Core.Claims;

namespace ArticleBot.Core.Tests.Claims;

/// <summary>The word alignment of a claim with a sentence (folded text, a small dictionary): what the claim says that the sentence does not.</summary>
public sealed class ClaimAlignmentTests
{
    private static readonly HashSet<string> s_words = ["球员", "司职", "前锋", "中场", "发明", "汽车", "爱迪生", "蓝色", "红色", "金属"];

    private static IReadOnlyList<ClaimGap> Gaps(string claim, string sentence) =>
        ClaimAlignment.Gaps(claim, sentence, s_words.Contains, _ => false);

    [Fact]
    public void AWordTheSentenceFillsOtherwise_IsAGapWithWhatTheSentenceSays()
    {
        var gap = Assert.Single(Gaps("陈建国司职中场", "队长陈建国，台湾足球运动员，司职前锋。"));

        Assert.Equal(new ClaimGap("中场", "前锋", Focus: false), gap);
    }

    [Fact]
    public void AGapBetweenTwoAnchors_IsReadBetweenThem()
    {
        var gap = Assert.Single(Gaps("纯的铜是蓝色的金属", "纯的铜是红色的金属，质地柔软。"));

        Assert.Equal(("蓝色", "红色"), (gap.Claimed, gap.Said));
    }

    [Fact]
    public void TheSentenceSayingItAll_LeavesNoGap()
    {
        Assert.Empty(Gaps("纯的铜是红色的金属", "纯的铜是红色的金属，质地柔软。"));
    }

    [Fact]
    public void ACleftsFocus_IsComparedWithTheSentencesSubjectWithoutItsDate()
    {
        var gap = Assert.Single(Gaps("发明汽车的是爱迪生", "1885年，卡尔·宾士发明了汽车，这项发明改变了城市。"));

        Assert.Equal(new ClaimGap("爱迪生", "卡尔·宾士", Focus: true), gap);
    }

    [Fact]
    public void ACleftsFocusWrittenElsewhereInTheSentence_IsStillAGap()
    {
        // 李四 is in the sentence, but as the other one: the focus must stand in the subject's slot.
        var gap = Assert.Single(Gaps("当选会长的是李四", "张三当选会长，李四当选副会长。"));

        Assert.True(gap.Focus);
        Assert.Equal("张三", gap.Said);
    }

    [Fact]
    public void WordsSaidAnotherWay_AreNoGap()
    {
        Assert.Empty(ClaimAlignment.Gaps("陈建国司职中场", "陈建国司职前锋。", s_words.Contains, words => words == "中场"));
    }

    [Theory]
    [InlineData("北港的冬天比南港更温暖", true)]
    [InlineData("南港的冬天比北港更温暖", false)]
    [InlineData("北港的冬天比南港更干燥", null)] // the sentence does not say which is drier
    [InlineData("北港的冬天很温暖", null)] // not a comparison
    public void ComparisonHolds_GivesTheQualityToTheSideTheSentenceNamesBeforeIt(string claim, bool? holds)
    {
        Assert.Equal(holds, ClaimAlignment.ComparisonHolds(claim, "北港的冬天相当温暖，相对于南港的寒冷冬天，更适合旅游。"));
    }
}
