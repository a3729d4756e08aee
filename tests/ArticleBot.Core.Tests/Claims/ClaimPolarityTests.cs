using ArticleBot.Core.Claims;
using ArticleBot.Core.Language.English;
using ArticleBot.Core.Text;
using ArticleBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleBot.Core.Tests.Claims;

/// <summary>
/// Words of a stance (support / oppose) or an outcome (succeed / fail) decide a claim on their axis: an English claim's
/// word against the sentence's Chinese words by their glosses, a negation before either read the other way, and in a
/// Chinese claim's slot, success against failure. A claim that says what the sentence says is never answered No.
/// </summary>
public sealed class ClaimPolarityTests
{
    private const string Article = """
        東灣日報記者 林遠

        2019年東灣市舉行的公投以失敗告終。
        東灣市的漁民協會一直反對填海計劃。
        新疫苗的臨床試驗取得了成功。
        那位工程師試圖建造永動機，但始終沒有做到。
        """;

    private readonly WrittenArticle _article = WrittenArticle.Shared("polarity", Article);

    private ClaimVerifier Verifier => _article.Services.GetRequiredService<ClaimVerifier>();

    private ClaimGapJudge Judge => _article.Services.GetRequiredService<ClaimGapJudge>();

    [Theory]
    [InlineData("Did the 2019 referendum succeed?", "失敗", "\"succeed\"")] // a date decides where to look; the outcome decides the claim
    [InlineData("Does the fishermen's association of Donggwan support the land reclamation plan?", "反對", "\"support\"")]
    [InlineData("Was the clinical trial of the new vaccine a failure?", "成功", "\"failure\"")]
    public void AnEnglishClaimOfTheOppositeSign_IsContradicted_NamingTheArticlesWord(string claim, string said, string claimed)
    {
        var check = Verifier.Verify(claim);

        Assert.Equal((Verdict.Contradicted, ContradictionReason.Stance), (check.Verdict, check.Reason));
        Assert.StartsWith(said, check.Said, StringComparison.Ordinal);
        Assert.Equal(claimed, check.Claimed);
        Assert.StartsWith("No — the article says " + said, ClaimAnswer.Write(check, QuestionLanguage.English, "[1]"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Did the 2019 referendum fail?")]
    [InlineData("Does the fishermen's association of Donggwan oppose the land reclamation plan?")]
    [InlineData("Was the clinical trial of the new vaccine a success?")]
    public void AnEnglishClaimOfTheSameSign_IsNeverContradicted(string claim)
    {
        var check = Verifier.Verify(claim);

        Assert.NotEqual(Verdict.Contradicted, check.Verdict);
    }

    [Theory]
    [InlineData("Did the Acme clinical trial of the new vaccine fail?")] // a name the article never writes is part of the rest, which must be said
    public void AClaimOfAnotherOnesOutcome_IsNotContradictedByIt(string claim)
    {
        var check = Verifier.Verify(claim);

        Assert.NotEqual(Verdict.Contradicted, check.Verdict);
    }

    [Fact]
    public void ANegatedSuccess_IsAFailure()
    {
        var check = Verifier.Verify("Did the engineer succeed in building a perpetual motion machine?");

        Assert.Equal(Verdict.Contradicted, check.Verdict);
        Assert.Equal("沒有做到 (\"not achieve\")", check.Said);
    }

    [Fact]
    public void AChineseClaimOfSuccess_WhereTheArticleWritesFailure_IsContradicted()
    {
        var check = Verifier.Verify("2019年東灣市舉行的公投以成功告終嗎？");

        Assert.Equal(Verdict.Contradicted, check.Verdict);
        Assert.Equal(("失敗", "成功"), (check.Said, check.Claimed));
    }

    [Fact]
    public void PolaritiesIn_ReadsANegationBeforeTheWord()
    {
        var words = Judge.PolaritiesIn("那位工程师试图建造永动机，但始终没有做到。", "outcome").ToList();

        Assert.Equal(("没有做到", '-'), (words.Single().Words, words.Single().Sign));
    }

    [Theory]
    [InlineData("Did it succeed?", "outcome", '+')]
    [InlineData("They failed twice", "outcome", '-')]
    [InlineData("Does he support the plan?", "stance", '+')]
    [InlineData("The union objects to the plan", "stance", '-')]
    public void EnglishPolarities_ReadStemmedWords(string text, string axis, char sign)
    {
        var polarities = ClaimGapJudge.EnglishPolarities([.. EnglishLexicon.Words(text).Select(EnglishLexicon.Stem)]);

        Assert.Equal(sign, ClaimGapJudge.Sign(polarities, axis));
    }
}
