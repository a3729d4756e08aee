using ArticleBot.Core.Language.Questions;
using ArticleBot.Core.Search;
using ArticleBot.Core.Tests.Fakes;

namespace ArticleBot.Core.Tests.Search;

public sealed class ArticleSearchTests
{
    private static readonly ArticleSearch Search = TestCorpus.Search;

    [Theory]
    [InlineData("廣告業務每年可能為OpenAI帶來多少收入？", "250億美元")]
    [InlineData("广告业务每年可能为OpenAI带来多少收入？", "250億美元")]
    [InlineData("How much annual revenue could the ad business bring OpenAI?", "250億美元")]
    [InlineData("What share of Anthropic's revenue comes from B2B and API?", "85%")]
    [InlineData("When did Tencent start its Spring Festival campaign?", "2月1日")]
    [InlineData("What did Demis Hassabis say about China?", "哈薩比斯")]
    [InlineData("Which company is Doubao from?", "豆包")]
    public void Search_FindsTheRelevantPassageInTheTopThree(string question, string expected)
    {
        // Act
        var top = Search.Search(question, 3);

        // Assert
        Assert.Contains(top, p => p.Passage.Text.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_EnglishWords_ExpandToCorpusChineseWords()
    {
        var plan = Search.Analyze("How much revenue from advertising?");

        Assert.Contains(plan.Groups, g => g.Label == "revenue" && g.Alternatives.Contains("收入"));
        Assert.Contains(plan.Groups, g => g.Label == "advertising" && g.Alternatives.Contains("广告"));
    }

    [Fact]
    public void Analyze_EnglishWordOfSeveralSenses_KeepsThoseTheArticleWritesNearTheRestOfTheQuestion()
    {
        // "active": 举动, 作为, 活动 and 行为 are all corpus words; only 活动 shares a passage with ChatGPT or 用户.
        var plan = Search.Analyze("How many weekly active users does ChatGPT have?");

        Assert.Equal(["活动"], plan.Groups.Single(g => g.Label == "active").Alternatives);
    }

    [Fact]
    public void Analyze_TransliteratedName_MatchesByPinyin()
    {
        var plan = Search.Analyze("Hassabis");

        Assert.Contains(plan.Groups, g => g.Alternatives.Contains("哈萨比斯"));
    }

    [Fact]
    public void Analyze_WordAbsentFromTheCorpus_IsAMissingGroup()
    {
        var plan = Search.Analyze("蘋果公司的AI策略是什麼？");

        Assert.Contains(plan.Groups, g => !g.InCorpus && g.Strength == GroupStrength.Strong);
    }

    [Fact]
    public void Analyze_CharactersTheCorpusNeverWritesSideBySide_AreOneMissingWord()
    {
        // 馬, 天 and 元 each occur in the article, but never two of them together: a name it lacks, not three
        // loose characters that any passage covers.
        var plan = Search.Analyze("馬天元是誰？");

        var missing = Assert.Single(plan.Groups, g => g.Label == "马天元");
        Assert.False(missing.InCorpus);
        Assert.Equal(GroupStrength.Strong, missing.Strength);
        Assert.True(CoverageMeter.Coverage(plan, "马在这里，天也是，元也是") < 0.5);
    }

    [Fact]
    public void Analyze_EnglishWordNoDictionaryKnows_IsAStrongMissingGroup()
    {
        // Lower-case names ("horton") are as much what the question is about as capitalised ones.
        var plan = Search.Analyze("who is jojo in horton hears a who?");

        Assert.Contains(plan.Groups, g => g.Label == "horton" && !g.InCorpus && g.Strength == GroupStrength.Strong);
        Assert.Contains(plan.Groups, g => g.Label == "jojo" && !g.InCorpus && g.Strength == GroupStrength.Strong);
    }

    [Fact]
    public void Lexicon_IsBuiltOnceAndHoldsOnlyCorpusWords()
    {
        var lexicon = Search.Lexicon.Value;

        Assert.Same(lexicon, Search.Lexicon.Value);
        Assert.NotEmpty(lexicon.Lookup("revenu"));
        Assert.All(lexicon.Lookup("revenu"), e => Assert.Contains(Search.Corpus.Passages, p => ScriptFoldingFold(p.Text).Contains(e.Chinese, StringComparison.Ordinal)));
        Assert.Empty(lexicon.Lookup("giraff"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("？？？!!!")]
    [InlineData("😀😀😀")]
    public void Search_NothingToSearchFor_ReturnsNothing(string query)
    {
        Assert.Empty(Search.Search(query, 5));
    }

    [Fact]
    public void Search_HugeQuery_IsCutAndStillAnswers()
    {
        var query = string.Concat(Enumerable.Repeat("騰訊紅包", 25_000));

        var top = Search.Search(query, 3);

        Assert.Contains(top, p => p.Passage.Text.Contains("紅包", StringComparison.Ordinal));
    }

    private static string ScriptFoldingFold(string text) => ArticleBot.Core.Text.ScriptFolding.Default.Fold(text);
}
