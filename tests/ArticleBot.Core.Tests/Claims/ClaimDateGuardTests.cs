using ArticleBot.Core.Claims;
using ArticleBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleBot.Core.Tests.Claims;

/// <summary>
/// True date and count claims that a sentence near the fact could seem to contradict, on an article written for this
/// test: the claim's year written elsewhere in the deciding sentence, a part of a year against a day of it, and a
/// sentence with a subject of its own after one about the claim's.
/// </summary>
public sealed class ClaimDateGuardTests
{
    private const string Article = """
        河口日報記者 周明

        市議會於1990年3月通過決議啟用新漁港，並於1992年6月完成手續，正式啟用。
        舊碼頭建於1950年。同年底，南灣鎮已有居民800人。
        """;

    private readonly WrittenArticle _article = WrittenArticle.Shared("date-guards", Article);

    private ClaimVerifier Verifier => _article.Services.GetRequiredService<ClaimVerifier>();

    [Theory]
    [InlineData("新漁港在1992年正式啟用嗎？")] // the clause that shares most with it gives the decision's date (1990年3月), not the opening's
    [InlineData("新漁港是在1992年底正式啟用的嗎？")] // a part of the year against a day of it: the sentence does not settle it
    public void ADateClaim_WhoseYearTheDecidingSentenceWrites_IsNotAnsweredNo(string claim)
    {
        Assert.NotEqual(Verdict.Contradicted, Verifier.Verify(claim).Verdict);
    }

    [Fact]
    public void ADateClaim_OfAnotherYear_IsStillAnsweredNo()
    {
        var check = Verifier.Verify("舊碼頭建於1960年嗎？");

        Assert.Equal((Verdict.Contradicted, "1950年"), (check.Verdict, check.ArticleFigure?.Text));
    }

    [Fact]
    public void ASentenceNamingAPlaceOfItsOwn_IsNotReadWithTheSubjectOfTheSentenceBefore()
    {
        // 同年底，南灣鎮已有居民800人 is about 南灣鎮: a count of it does not contradict a claim about the wharf.
        var check = Verifier.Verify("舊碼頭的工人宿舍有居民500人嗎？");

        Assert.True(check.Verdict != Verdict.Contradicted, $"{check.Verdict} {check.ArticleFigure?.Text} {check.Sentence}");
    }
}
