using ArticleBot.Core.Answering;
using ArticleBot.Core.Plugins;
using ArticleBot.Core.ArticleTools;
using ArticleBot.Core.Claims;
using ArticleBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleBot.Core.Tests.ArticleTools;

/// <summary>The article tools on the shipped article, through the real DI registration and the article plugin.</summary>
public sealed class SeedArticleToolTests
{
    private static ArticleToolset Tools => TestCorpus.Services.GetRequiredService<ArticleToolset>();

    private static ClaimVerifier Verifier => TestCorpus.Services.GetRequiredService<ClaimVerifier>();

    private static ArticlePlugin Plugin => TestCorpus.Services.GetRequiredService<ArticlePlugin>();

    [Fact]
    public void Outline_GivesTheOpeningAndEachHeadingWithItsFirstLine()
    {
        var sections = Tools.Outline.Sections;

        Assert.Equal(4, sections.Count);
        Assert.Null(sections[0].Heading);
        Assert.Equal(["最強大模型陷入“增長焦慮”", "本土AI:卷場景成為第一要務", "內卷不可避免,必須卷出高度"], sections.Skip(1).Select(s => s.Heading));
        Assert.StartsWith("在過去的幾年里", sections[1].FirstSentence, StringComparison.Ordinal);
        Assert.All(sections, s => Assert.Contains(s.FirstSentence, s.First.Text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(9)]
    public void Summarize_CoversEverySectionInOrderWithTheLengthAsked(int length)
    {
        var summary = Tools.Summarizer.Summarize(length);

        Assert.Equal(length, summary.Count);
        Assert.Equal(Tools.Outline.Sections.Select(s => s.Heading), summary.Select(s => s.Section).Distinct());
        Assert.All(summary, s => Assert.Contains(s.Sentence, s.Passage.Text, StringComparison.Ordinal));
        Assert.Equal(summary.OrderBy(s => s.Passage.Start).Select(s => s.Passage.Id), summary.Select(s => s.Passage.Id));
    }

    [Fact]
    public void Summarize_LastSection_IsTheConclusion()
    {
        var conclusion = Tools.Summarizer.Summarize(2, lastSectionOnly: true);

        Assert.All(conclusion, s => Assert.Equal("內卷不可避免,必須卷出高度", s.Section));
        Assert.Contains(conclusion, s => s.Sentence.Contains("因此", StringComparison.Ordinal));
    }

    [Fact]
    public void Entities_AmericanCompanies_ByCountryWithCountsAndPassages()
    {
        var american = Tools.Entities.Find(EntityKind.Organization, "US");

        Assert.Superset(new HashSet<string> { "OpenAI", "Google", "Anthropic", "Microsoft", "Nvidia" }, american.Select(e => e.English).ToHashSet());
        Assert.DoesNotContain(american, e => e.English == "Tencent");
        var openAi = american.Single(e => e.English == "OpenAI");
        Assert.True(openAi.Count >= 5);
        Assert.All(openAi.Passages, p => Assert.Contains("OpenAI", p.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Entities_People_IncludeTheAuthorAndThoseQuoted()
    {
        var people = Tools.Entities.Find(EntityKind.Person, null).Select(e => e.Name).ToList();

        Assert.Contains("熊志", people);
        Assert.Contains("馬化騰", people);
        Assert.Contains(people, p => p.Contains("哈薩比斯", StringComparison.Ordinal));
    }

    [Fact]
    public void Figures_Amounts_EachWithItsSentenceAndMeasure()
    {
        var amounts = Tools.Figures.Find(FigureKind.Amount);

        Assert.Superset(new HashSet<string> { "250億美元", "10億", "200億美元", "1600 億", "5萬億美元", "9億" }, amounts.Select(f => f.Mention.Text).ToHashSet());
        Assert.All(amounts, f => Assert.Contains(f.Mention.Text, f.Sentence, StringComparison.Ordinal));
        Assert.Contains("周活", amounts.First(f => f.Mention.Text == "9億").Measure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("騰訊春節要發100億紅包，對嗎？", Verdict.Contradicted, "10億")]
    [InlineData("OpenAI的廣告業務一年能帶來500億美元收入", Verdict.Contradicted, "250億美元")]
    [InlineData("千问是2月1日发布的吗？", Verdict.Contradicted, "1月15日")]
    [InlineData("Is it true that ChatGPT has more than 900 million weekly users?", Verdict.Supported, "9億")]
    [InlineData("ChatGPT has more than 900 million weekly users", Verdict.Supported, "9億")] // 周活, not 用戶: the figure anchors it
    [InlineData("Does Anthropic get 85% of its revenue from B2B and API?", Verdict.Supported, "85%")]
    [InlineData("Is Tencent's Spring Festival campaign starting on February 1?", Verdict.Supported, "2月1日")]
    public void Verify_ClaimWithAFigure_IsCheckedAgainstTheArticlesOwn(string claim, Verdict verdict, string articleFigure)
    {
        var check = Verifier.Verify(claim);

        Assert.Equal(verdict, check.Verdict);
        Assert.Equal(articleFigure, check.ArticleFigure?.Text);
        Assert.Contains(check.Sentence!, check.Passage!.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Anthropic的估值是3000億美元嗎？")]
    [InlineData("蘋果公司今年發布了AI手機，對嗎？")]
    [InlineData("Google has more than 900 million weekly users")] // the figure is ChatGPT's
    public void Verify_ClaimTheArticleDoesNotCover_IsNotCovered(string claim)
    {
        Assert.Equal(Verdict.NotCovered, Verifier.Verify(claim).Verdict);
    }

    [Fact]
    public void PluginFunctions_ReturnCitablePassagesOfTheCorpus()
    {
        var results = new[]
        {
            Plugin.Outline(), Plugin.Summarize(5), Plugin.Entities("organization", "CN"), Plugin.Figures("percent"), Plugin.Verify("騰訊春節分100億紅包"),
        };

        foreach (var result in results)
        {
            Assert.NotEmpty(result.Passages);
            Assert.All(result.Passages, p => Assert.Equal(TestCorpus.Search.GetPassage(p.Id)!.Text, p.Text));
            Assert.Equal(Enumerable.Range(1, result.Passages.Count), result.Passages.Select(p => p.N));
        }

        Assert.Contains("contradicted", results[4].Query, StringComparison.Ordinal);
        Assert.Contains("85%", results[3].Query, StringComparison.Ordinal);
    }

    [Fact]
    public void PluginEntities_UnknownKind_IsRefused_NamingEveryKind()
    {
        // Not silently "all": a caller that asked for something else learns what it may ask for.
        var error = Assert.Throws<ArgumentException>(() => Plugin.Entities("nonsense", string.Empty));

        Assert.Contains("person, organization, product, place", error.Message, StringComparison.Ordinal);
    }
}
