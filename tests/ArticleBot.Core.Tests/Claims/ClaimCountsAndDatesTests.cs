using ArticleBot.Core.Claims;
using ArticleBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleBot.Core.Tests.Claims;

/// <summary>
/// Counts written with a classifier or unit the figure reader once did not know (座, 間, 趟, 厘米, km), and ranks (第51),
/// on an article written for this test: the claim's count is compared with the article's, so another count is "No",
/// naming the article's, where the verifier used to confirm it on the rest of the sentence's words. And a year claimed
/// for an event the sentence dates by its day alone (10月18日): the day neither bears the year out nor refutes it; and a
/// claim whose count holds, but whose year the sentence gives otherwise.
/// </summary>
public sealed class ClaimCountsAndDatesTests
{
    private const string Article = """
        河谷日報記者 周安

        舊城至今保存了4座明代的石橋，其中最長的一座橫跨西溪。
        鎮上的銀行有分行17間、支行60間。
        每天有9趟渡輪往返兩岸。
        去年冬天的積雪厚度約3厘米。
        燈塔的探照燈有效距離12km。
        在全省富豪榜上，他排名第40。
        10月18日，兩岸的商會簽訂了航運協議。
        河谷巴士7號線於1999年引入了40輛空調巴士。
        """;

    private readonly WrittenArticle _article = WrittenArticle.Shared("classifier-counts", Article);

    private ClaimVerifier Verifier => _article.Services.GetRequiredService<ClaimVerifier>();

    [Theory]
    [InlineData("舊城至今保存了7座明代的石橋嗎？", "4座")]
    [InlineData("鎮上的銀行有34間分行，對嗎？", "17間")]
    [InlineData("每天有18趟渡輪往返兩岸嗎？", "9趟")]
    [InlineData("去年冬天的積雪厚度約6厘米，對嗎？", "3厘米")]
    [InlineData("燈塔的探照燈有效距離24km嗎？", "12km")]
    [InlineData("在全省富豪榜上，他排名第80嗎？", "第40")]
    public void AnotherCount_IsContradicted_NamingTheArticlesCount(string claim, string figure)
    {
        var check = Verifier.Verify(claim);

        Assert.Equal((Verdict.Contradicted, ContradictionReason.Figure), (check.Verdict, check.Reason));
        Assert.Equal(figure, check.ArticleFigure?.Text);
    }

    [Theory]
    [InlineData("舊城至今保存了4座明代的石橋嗎？")]
    [InlineData("鎮上的銀行有17間分行，對嗎？")]
    [InlineData("每天有9趟渡輪往返兩岸嗎？")]
    [InlineData("舊城保存的明代石橋超過3座，對嗎？")] // a bound the count satisfies
    public void TheArticlesCount_IsSupported(string claim)
    {
        Assert.Equal(Verdict.Supported, Verifier.Verify(claim).Verdict);
    }

    [Theory]
    [InlineData("兩岸的商會於1925年簽訂了航運協議嗎？")]
    [InlineData("兩岸的商會於2019年簽訂了航運協議，對嗎？")]
    public void AYearForAnEventTheSentenceDatesByDayAlone_IsNotInTheArticle(string claim)
    {
        Assert.Equal(Verdict.NotCovered, Verifier.Verify(claim).Verdict);
    }

    [Fact]
    public void TheDayOfAnEvent_IsSupported()
    {
        Assert.Equal(Verdict.Supported, Verifier.Verify("兩岸的商會在10月18日簽訂了航運協議嗎？").Verdict);
    }

    [Fact]
    public void ACountThatHolds_WithAYearTheSentenceGivesOtherwise_IsContradictedByTheYear()
    {
        var check = Verifier.Verify("河谷巴士7號線於2012年引入了40輛空調巴士嗎？");

        Assert.Equal((Verdict.Contradicted, ContradictionReason.Figure), (check.Verdict, check.Reason));
        Assert.Equal("1999年", check.ArticleFigure?.Text);
        Assert.Equal(Verdict.Supported, Verifier.Verify("河谷巴士7號線於1999年引入了40輛空調巴士嗎？").Verdict);
    }
}
