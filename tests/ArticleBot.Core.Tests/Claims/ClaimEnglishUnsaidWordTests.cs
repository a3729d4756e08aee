using ArticleBot.Core.Claims;
using ArticleBot.Core.Language.Questions;
using ArticleBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleBot.Core.Tests.Claims;

/// <summary>
/// An English claim's word that the dictionary translates, where the article writes none of its translations as a word
/// (only a character one of them shares), is part of what the claim says: a sentence that says only the rest does not
/// confirm it. The seed article says how OpenAI charges advertisers, and never that it disclosed anything.
/// </summary>
public sealed class ClaimEnglishUnsaidWordTests
{
    private static ClaimVerifier Verifier => TestCorpus.Services.GetRequiredService<ClaimVerifier>();

    [Fact]
    public void TheClaimInTheArticlesWords_IsSupported()
    {
        Assert.Equal(Verdict.Supported, Verifier.Verify("Does OpenAI charge advertisers by impressions?").Verdict);
    }

    [Theory]
    [InlineData("Did OpenAI disclose the fee advertisers pay?")]
    [InlineData("Did OpenAI publicly disclose its advertisers?")]
    public void AClaimWithWordsTheArticleNeverWrites_IsNotConfirmed(string claim)
    {
        // Before, "disclose", "pay" and "publicly" were read as lone characters and left out: the rest confirmed it.
        Assert.Equal(Verdict.NotCovered, Verifier.Verify(claim).Verdict);
    }

    [Fact]
    public void TheUnsaidWord_IsStrongContent_ThoughTheSearchKeepsItOnlyAsACharacter()
    {
        const string claim = "Did OpenAI disclose the fee advertisers pay?";
        var plan = TestCorpus.Services.GetRequiredService<ArticleBot.Core.Search.ArticleSearch>().Analyze(claim);
        var reading = TestCorpus.Services.GetRequiredService<ClaimReader>().Read(claim);

        Assert.Contains(plan.Groups, g => g.Label == "disclose" && g.Strength == GroupStrength.Weak && g.Alternatives.All(a => a.Length == 1));
        Assert.Contains(reading.Content, g => g.Label == "disclose" && g.Strength == GroupStrength.Strong);
    }
}
