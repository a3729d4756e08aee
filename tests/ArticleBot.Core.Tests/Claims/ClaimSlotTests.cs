using ArticleBot.Core.Claims;
using ArticleBot.Core.Text;
using ArticleBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleBot.Core.Tests.Claims;

/// <summary>
/// Claims that name another person, value or quality than the article, on an article written for this test (not the
/// seed, nor any evaluation set's): the verifier aligns the claim with its sentence and reads the slot where they differ.
/// </summary>
public sealed class ClaimSlotTests
{
    private const string Article = """
        港城日報記者 周文

        港城足球隊昨日公布新賽季名單。隊長陳建國，台灣足球運動員，司職前鋒。
        1885年，卡爾·賓士發明了汽車，這項發明改變了城市。
        純的銅是紅色的金屬，質地柔軟。
        食鹽易溶於水，但難溶於酒精。
        北港的冬天相當溫暖，相對於南港的寒冷冬天，更適合旅遊。
        港城的紙廠一直使用未處理的河水造紙。
        球隊的主教練為林志明，他曾是國家隊隊長。
        """;

    private readonly WrittenArticle _article = WrittenArticle.Shared("slots", Article);

    private ClaimVerifier Verifier => _article.Services.GetRequiredService<ClaimVerifier>();

    [Fact]
    public void AnotherValueOfOneDomain_IsContradictedWithTheArticlesWord()
    {
        var check = Verifier.Verify("陳建國司職中場嗎？"); // 前鋒 and 中場: both glossed "(sports)"

        Assert.Equal(Verdict.Contradicted, check.Verdict);
        Assert.Equal("前鋒", check.Said);
        Assert.Equal("中場", check.Claimed);
        Assert.StartsWith("不對——文章說的是前鋒，不是中場[1]：", ClaimAnswer.Write(check, QuestionLanguage.ChineseTraditional, "[1]"), StringComparison.Ordinal);
    }

    [Fact]
    public void ASlotsVerdict_InTheVerifyToolsSummary_NamesBothWords()
    {
        // The summary is what article_verify, MCP verify and Discord's Check against the article show.
        Assert.Equal("contradicted: the article says 賓士, not 愛迪生", ClaimAnswer.Summary(Verifier.Verify("發明汽車的是愛迪生嗎？")));
        Assert.Equal("contradicted: the article says 前鋒, not 中場", ClaimAnswer.Summary(Verifier.Verify("陳建國司職中場嗎？")));
    }

    [Fact]
    public void AnotherColour_IsContradicted()
    {
        var check = Verifier.Verify("純的銅是藍色的金屬嗎？");

        Assert.Equal((Verdict.Contradicted, "紅色"), (check.Verdict, check.Said));
    }

    [Fact]
    public void ACleftsFocusTheArticleNeverNames_IsContradictedNamingWhoItWas()
    {
        var check = Verifier.Verify("發明汽車的是愛迪生嗎？");

        Assert.Equal((Verdict.Contradicted, ContradictionReason.Subject), (check.Verdict, check.Reason));
        Assert.Equal("賓士", check.Said);
        Assert.StartsWith("No — the article says 賓士, not 愛迪生", ClaimAnswer.Write(check, QuestionLanguage.English, "[1]"), StringComparison.Ordinal);
    }

    [Fact]
    public void ACopulaClaimsName_IsReadAsItsFocus()
    {
        var check = Verifier.Verify("球隊的主教練是王大同嗎？"); // 王大同: a surname and no dictionary word, never in the article

        Assert.Equal((Verdict.Contradicted, ContradictionReason.Subject, "林志明"), (check.Verdict, check.Reason, check.Said));
    }

    [Theory]
    [InlineData("球隊的主教練是林志明嗎？")]
    [InlineData("陳建國司職前鋒嗎？")]
    [InlineData("發明汽車的是賓士嗎？")]
    [InlineData("純的銅是紅色的金屬，對嗎？")]
    [InlineData("食鹽易溶於水，對嗎？")]
    [InlineData("北港的冬天比南港更溫暖嗎？")]
    public void TheClaimAsTheArticleSaysIt_IsSupported(string claim)
    {
        Assert.Equal(Verdict.Supported, Verifier.Verify(claim).Verdict);
    }

    [Fact]
    public void ANegationInsideAModifier_DeniesOnlyTheModifier()
    {
        // 未處理的河水 is untreated river water: the mill does use river water.
        Assert.Equal(Verdict.Supported, Verifier.Verify("港城的紙廠使用河水造紙，對嗎？").Verdict);
    }

    [Fact]
    public void TheNegationOfTheArticlesWord_IsTheOpposite()
    {
        var check = Verifier.Verify("食鹽不溶於水，對嗎？");

        Assert.Equal((Verdict.Contradicted, ContradictionReason.Stance), (check.Verdict, check.Reason));
        Assert.Equal(("易溶", "不溶"), (check.Said, check.Claimed));
    }

    [Fact]
    public void AComparisonTheArticleMakesTheOtherWay_IsContradicted()
    {
        Assert.Equal(Verdict.Contradicted, Verifier.Verify("南港的冬天比北港更溫暖嗎？").Verdict);
    }

    [Fact]
    public void ABroaderWordInTheSlot_IsNeverAnsweredNo()
    {
        // 固體 for 金屬: a paraphrase or a wrong value cannot be told apart from the words alone, so not "No".
        Assert.Equal(Verdict.NotCovered, Verifier.Verify("純的銅是紅色的固體嗎？").Verdict);
    }
}
