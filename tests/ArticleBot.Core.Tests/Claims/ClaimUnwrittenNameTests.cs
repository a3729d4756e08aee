using ArticleBot.Core.ArticleTools;
using ArticleBot.Core.Claims;
using ArticleBot.Core.Reading.Models;
using ArticleBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleBot.Core.Tests.Claims;

/// <summary>
/// A sentence cannot confirm what someone it never names did: a Chinese claim whose slot holds a name the sentence does
/// not write is never "Yes", however sure the support model is of the rest, even when the article writes that name in
/// another sentence (an article written for this test).
/// </summary>
public sealed class ClaimUnwrittenNameTests
{
    private const string Article = """
        港城文藝

        此間最著名的文學作品莫過於闞雲19世紀寫成的《紅樓夢》。
        他在碼頭邊住了三十年，年輕時讀過李白的詩。
        """;

    private readonly WrittenArticle _article = WrittenArticle.Shared("unwritten-name", Article);

    /// <summary>A verifier whose support model says yes to every claim the rule lets through.</summary>
    private ClaimVerifier SureVerifier() => _article.VerifierWith(
        ClaimSupport.FromTrees(new TreeEnsemble("claim-support", ClaimSupportFeatures.Names, [], 1, -10, Enumerable.Repeat(0.99, 39).ToList())),
        SlotRefutation.None);

    [Theory]
    [InlineData("《紅樓夢》是李白寫的嗎？")]
    public void AClaimNamingSomeoneTheSentenceDoesNot_IsNeverSupported(string claim)
    {
        Assert.NotEqual(Verdict.Supported, SureVerifier().Verify(claim).Verdict);
    }

    [Fact]
    public void TheSameClaimNamingTheWriter_IsSupported()
    {
        Assert.Equal(Verdict.Supported, SureVerifier().Verify("《紅樓夢》是闞雲寫的嗎？").Verdict);
    }
}
