using ArticleBot.Core.Claims;
using ArticleBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleBot.Core.Tests.Claims;

/// <summary>
/// A denied comparator is the converse bound (不能超過15歲, "does not exceed 300 yuan": at most), and a denied stance or
/// outcome the opposite one ("did not succeed"); a word of failure is no denial of the claim ("the plan failed").
/// </summary>
public sealed class ClaimDeniedBoundTests
{
    private const string Article = """
        南岸晚報記者 周青

        青松杯科學競賽面向15歲或以下的學生，報名費為200元。
        2019年南岸市舉行的公投以失敗告終。
        """;

    private readonly WrittenArticle _article = WrittenArticle.Shared("denied", Article);

    private ClaimVerifier Verifier => _article.Services.GetRequiredService<ClaimVerifier>();

    [Theory]
    [InlineData("青松杯科學競賽的參賽學生年齡不能超過15歲嗎？")]
    [InlineData("青松杯科学竞赛的报名费不超过300元吗？")]
    [InlineData("Does the entry fee of the Qingsong Cup science contest not exceed 300 yuan?")]
    public void ADeniedMoreThan_IsAtMost_AndTheArticlesFigureBearsItOut(string claim)
    {
        var check = Verifier.Verify(claim);

        Assert.NotEqual(Verdict.Contradicted, check.Verdict);
    }

    [Theory]
    [InlineData("青松杯科學競賽的報名費超過300元嗎？")]
    [InlineData("青松杯科学竞赛的报名费不能少于300元吗？")] // at least 300: the article's 200 is less
    public void ABoundTheArticlesFigureBreaks_IsContradicted(string claim)
    {
        var check = Verifier.Verify(claim);

        Assert.Equal((Verdict.Contradicted, ContradictionReason.Figure), (check.Verdict, check.Reason));
    }

    [Theory]
    [InlineData("The 2019 referendum failed, right?")]
    [InlineData("Is it true that the 2019 referendum did not succeed?")]
    public void AFailureOrADeniedSuccess_AgreesWithAFailure(string claim)
    {
        var check = Verifier.Verify(claim);

        Assert.NotEqual(Verdict.Contradicted, check.Verdict);
    }

    [Fact]
    public void ADeniedFailure_IsContradictedByAFailure()
    {
        var check = Verifier.Verify("Is it true that the 2019 referendum did not fail?");

        Assert.Equal((Verdict.Contradicted, ContradictionReason.Stance), (check.Verdict, check.Reason));
    }
}
