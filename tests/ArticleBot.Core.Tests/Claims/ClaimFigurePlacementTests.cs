using ArticleBot.Core.ArticleTools;
using ArticleBot.Core.Claims;
using ArticleBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleBot.Core.Tests.Claims;

/// <summary>
/// Claims whose figure or date the article settles in a form the verifier once left unplaced, on an article written for
/// this test (not the seed, nor any evaluation set's): a period's start and end (1320年至1410年, 自2015年末至今), a count
/// with its classifier (12個村, claimed as 20个村), a sentence whose subject is a pronoun or left out, and a comparator
/// written against a verb (約有).
/// </summary>
public sealed class ClaimFigurePlacementTests
{
    private const string Article = """
        港城晚報記者 李文

        青石王朝是1320年至1410年之間統治北港地區的王朝。
        北港鎮位於河口東岸，以漁業聞名。面積3.5平方公里，戶籍人口2.1萬人，下轄12個村。
        東灣鄉下轄9個村。
        愛迪生在紐約學習電報技術。他於1876年回到波士頓。
        港城約有居民30萬人，其中漁民約4萬人。
        自2015年末至今，港城的房價一直上漲。
        """;

    private readonly WrittenArticle _article = WrittenArticle.Shared("figure-placement", Article);

    private ClaimVerifier Verifier => _article.Services.GetRequiredService<ClaimVerifier>();

    private FactTable Facts => _article.Services.GetRequiredService<FactTable>();

    private ClaimReader Reader => _article.Services.GetRequiredService<ClaimReader>();

    [Theory]
    [InlineData("青石王朝始於1350年，對嗎？", "1320年")] // the claim's start, compared with the range's start
    [InlineData("青石王朝止於1400年嗎？", "1410年")] // and its end with the range's end
    public void AClaimOfAPeriodsStartOrEnd_IsComparedWithThatEndOfTheArticlesRange(string claim, string figure)
    {
        var check = Verifier.Verify(claim);

        Assert.Equal((Verdict.Contradicted, ContradictionReason.Figure), (check.Verdict, check.Reason));
        Assert.Equal(figure, check.ArticleFigure?.Text);
        Assert.Equal("青石王朝是1320年至1410年之間統治北港地區的王朝。", check.Sentence);
    }

    [Theory]
    [InlineData("青石王朝始於1320年，對嗎？")]
    [InlineData("青石王朝止於1410年嗎？")]
    public void TheRightEndOfAPeriod_IsSupported(string claim)
    {
        Assert.Equal(Verdict.Supported, Verifier.Verify(claim).Verdict);
    }

    [Theory]
    [InlineData("港城的房價上漲止於2018年，對嗎？")] // the article gives the period's start only: a start is never the end the claim asks for
    [InlineData("青石王朝統治北港地區是在1380年嗎？")] // a year inside the period, where the claim says neither end
    public void ADateThePeriodDoesNotSettle_IsNeverContradicted(string claim)
    {
        Assert.NotEqual(Verdict.Contradicted, Verifier.Verify(claim).Verdict);
    }

    [Fact]
    public void FactTable_ReadsARangesEndsAndAStartWord()
    {
        var range = Facts.Sentences.Single(s => s.Text.StartsWith("青石王朝", StringComparison.Ordinal)).Clauses.SelectMany(c => c.Figures).ToList();
        var since = Facts.Sentences.Single(s => s.Text.StartsWith("自2015年末", StringComparison.Ordinal)).Clauses.SelectMany(c => c.Figures).Single();

        Assert.Equal([DateRole.Start, DateRole.End], range.Select(f => f.Role));
        Assert.Equal("1410年", range[0].OtherEnd?.Text);
        Assert.Equal((DateRole.Start, "末"), (since.Role, since.Mention.Unit));
    }

    [Fact]
    public void AnEnglishClaim_ReadsThePartOfTheYearAndItsStartWordWithTheDate()
    {
        var since = Facts.FiguresOf("Have prices been rising since late 2013?", claim: true).Single();
        var began = Facts.FiguresOf("Did the dynasty begin in 1350?", claim: true).Single();

        Assert.Equal(("late 2013", "末", DateRole.Start), (since.Mention.Text, since.Mention.Unit, since.Role));
        Assert.Equal((DateRole.Start, 13500000d), (began.Role, began.Mention.Value));
        Assert.DoesNotContain(Reader.Read("Have prices been rising since late 2013?").Content, g => g.Label == "late");
    }

    [Theory]
    [InlineData("东湾乡下辖15个村，对吗？", Verdict.Contradicted)] // 个 and 個 are one classifier
    [InlineData("東灣鄉下轄9個村嗎？", Verdict.Supported)]
    public void ACountWithItsClassifier_IsComparedInEitherScript(string claim, Verdict verdict)
    {
        var check = Verifier.Verify(claim);

        Assert.Equal(verdict, check.Verdict);
        Assert.Equal("9個", check.ArticleFigure?.Text);
    }

    [Fact]
    public void AClaimsClassifier_IsNotSearchedForWithTheNounAfterIt()
    {
        Assert.DoesNotContain(Reader.Read("东湾乡下辖15个村，对吗？").Content, g => g.Label.StartsWith('个'));
    }

    [Fact]
    public void ASentenceThatLeavesItsSubjectOut_CarriesTheSubjectOfTheSentenceBefore()
    {
        var check = Verifier.Verify("北港鎮下轄20個村，對嗎？"); // 面積3.5平方公里，…，下轄12個村: the subject is 北港鎮, named before

        Assert.Equal((Verdict.Contradicted, "12個"), (check.Verdict, check.ArticleFigure?.Text));
        Assert.Equal("面積3.5平方公里，戶籍人口2.1萬人，下轄12個村。", check.Sentence);
    }

    [Theory]
    [InlineData("愛迪生於1880年回到波士頓嗎？", Verdict.Contradicted)]
    [InlineData("Did Edison return to Boston in 1880?", Verdict.Contradicted)]
    [InlineData("Did Edison return to Boston in 1876?", Verdict.Supported)]
    public void ASentenceWhoseSubjectIsAPronoun_IsAboutTheOneTheSentenceBeforeNames(string claim, Verdict verdict)
    {
        var check = Verifier.Verify(claim);

        Assert.Equal(verdict, check.Verdict);
        Assert.Equal("他於1876年回到波士頓。", check.Sentence);
    }

    [Fact]
    public void AComparatorBeforeAVerb_IsComparedNotSearchedFor()
    {
        var reading = Reader.Read("港城約有居民50萬人嗎？");
        var check = Verifier.Verify("港城約有居民50萬人嗎？");

        Assert.DoesNotContain(reading.Content, g => g.Label.Contains('約') || g.Label.Contains('约'));
        Assert.Equal((Verdict.Contradicted, "30萬人"), (check.Verdict, check.ArticleFigure?.Text));
    }

    [Fact]
    public void AClaimOfAPeriodsStart_IsContradictedByTheArticlesStartOfItInAnotherYear()
    {
        var check = Verifier.Verify("港城的房價自2013年末至今一直上漲，對嗎？");

        Assert.Equal((Verdict.Contradicted, "2015年末"), (check.Verdict, check.ArticleFigure?.Text));
    }
}
