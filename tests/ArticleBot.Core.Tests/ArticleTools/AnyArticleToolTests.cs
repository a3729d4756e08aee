using ArticleBot.Core.ArticleTools;
using ArticleBot.Core.Claims;
using ArticleBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleBot.Core.Tests.ArticleTools;

/// <summary>
/// The article tools on an article written for this test (not the seed): headings, names and numbers are found
/// generically, with nothing specific to the shipped article.
/// </summary>
public sealed class AnyArticleToolTests
{
    private const string Article = """
        晨報記者 林小雨

        星河科技公司今天宣布，旗下的智能助手“小星”用戶數已超3000萬，比去年增長了40%。
        公司創始人張偉表示，明年將投入50億元擴建數據中心。

        市場反應
        分析師認為，這一消息推動星河科技股價上漲了12%。
        據統計，2025年3月8日當天的成交額達到80億元。

        未來挑戰
        不過，來自美國的競爭者喬治·米勒指出，星河科技在海外市場仍然落後。
        張偉坦言，公司需要在兩年內完成國際化佈局。
        監管部門慷慨地允許對手的小公司退出。
        """;

    private readonly WrittenArticle _article = WrittenArticle.Shared("tools", Article);

    private ArticleToolset Tools => _article.Services.GetRequiredService<ArticleToolset>();

    private ClaimVerifier Verifier => _article.Services.GetRequiredService<ClaimVerifier>();

    [Fact]
    public void Outline_FindsTheHeadings()
    {
        var sections = Tools.Outline.Sections;

        Assert.Equal([null, "市場反應", "未來挑戰"], sections.Select(s => s.Heading));
        Assert.StartsWith("分析師認為", sections[1].FirstSentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Summarize_TakesASentenceFromEverySection()
    {
        var summary = Tools.Summarizer.Summarize(3);

        Assert.Equal([null, "市場反應", "未來挑戰"], summary.Select(s => s.Section));
    }

    [Fact]
    public void Entities_FindsPeopleByTheirCuesAnOrganisationAndAPlace()
    {
        var people = Tools.Entities.Find(EntityKind.Person, null).Select(e => e.Name).ToList();
        var organisations = Tools.Entities.Find(EntityKind.Organization, null).Select(e => e.Name).ToList();

        Assert.Contains("林小雨", people);
        Assert.Contains("張偉", people);
        Assert.Contains("喬治·米勒", people);
        Assert.Contains("星河科技公司", organisations);
        Assert.DoesNotContain(organisations, o => o.Contains('的', StringComparison.Ordinal)); // 的小公司 is "a small company", not a name
        Assert.Equal(2, Tools.Entities.All.Single(e => e.Name == "張偉").Count);
        Assert.Contains(Tools.Entities.Find(EntityKind.Place, "US"), e => e.Name == "美國");
    }

    [Fact]
    public void Figures_FindsAmountsPercentagesAndDates()
    {
        var figures = Tools.Figures.All.Select(f => (f.Mention.Text, f.Mention.Kind)).ToList();

        Assert.Contains(("3000萬", FigureKind.Amount), figures);
        Assert.Contains(("40%", FigureKind.Percent), figures);
        Assert.Contains(("50億元", FigureKind.Amount), figures);
        Assert.Contains(("2025年3月8日", FigureKind.Date), figures);
        Assert.Contains(("80億元", FigureKind.Amount), figures);
    }

    [Fact]
    public void Verify_ChecksClaimsAgainstThisArticle()
    {
        var wrong = Verifier.Verify("星河科技的智能助手用戶數超過5000萬，對嗎？");
        var right = Verifier.Verify("星河科技股價上漲了12%嗎？");

        Assert.Equal(Verdict.Contradicted, wrong.Verdict);
        Assert.Equal("3000萬", wrong.ArticleFigure?.Text);
        Assert.Equal(Verdict.Supported, right.Verdict);
    }

    [Fact]
    public void FactTable_ReadsThisArticlesFacts()
    {
        var facts = _article.Services.GetRequiredService<FactTable>().Facts;

        var users = facts.Single(f => f.Value?.Mention.Text == "3000萬");
        var invested = facts.Single(f => f.Value?.Mention.Text == "50億元");
        Assert.Equal(3e7, users.Value!.Mention.Value);
        Assert.Equal(Comparator.More, users.Value.Comparator);
        Assert.Contains("users", users.Attributes);
        Assert.Equal(5e9, invested.Value!.Mention.Value);
        Assert.Contains("invested", invested.Attributes);
        Assert.Equal(20250308, facts.First(f => f.Time is not null).Time!.Value);
    }

    [Fact]
    public void Verify_ComparatorsOnThisArticle()
    {
        Assert.Equal(Verdict.Supported, Verifier.Verify("星河科技的智能助手用戶數超過2000萬了嗎？").Verdict);
        Assert.Equal(Verdict.Contradicted, Verifier.Verify("星河科技的智能助手用戶數不到1000萬，對嗎？").Verdict);
        Assert.Equal(Verdict.Contradicted, Verifier.Verify("張偉表示明年將投入20億元擴建數據中心，對嗎？").Verdict);

        // A year of another event, or a figure of another kind (an amount of money is not a share), contradicts nothing.
        Assert.Equal(Verdict.NotCovered, Verifier.Verify("星河科技在2019年上市了嗎？").Verdict);
        Assert.Equal(Verdict.NotCovered, Verifier.Verify("星河科技股價上漲了12億元嗎？").Verdict);
    }

    [Fact]
    public void Verify_ClaimSharingOneWordWithASentence_IsNotCovered()
    {
        // "founder" is in 公司創始人張偉…; "star" (星, a lesser word) is not in that sentence.
        Assert.Equal(Verdict.NotCovered, Verifier.Verify("Is there a founder star?").Verdict);
        Assert.Equal(Verdict.Supported, Verifier.Verify("Is there a founder?").Verdict);
    }
}
