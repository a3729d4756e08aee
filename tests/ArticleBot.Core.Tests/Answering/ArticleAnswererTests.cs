using ArticleBot.Abstractions;
using ArticleBot.Core.Answering;
using ArticleBot.Core.Citations;
using ArticleBot.Core.Plugins;
using ArticleBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace ArticleBot.Core.Tests.Answering;

public sealed class ArticleAnswererTests
{
    private static readonly ArticleAnswerer Answerer = TestCorpus.Answerer;

    [Theory]
    [InlineData("OpenAI的廣告業務每年可能帶來多少收入？", "250億")]
    [InlineData("腾讯春节活动要分多少现金红包？", "10億")]
    [InlineData("How many weekly active users does ChatGPT have?", "9億")]
    [InlineData("英偉達的市值是多少？", "5萬億")] // the figure's clause names 英偉達
    public async Task AskAsync_AnswerableQuestion_IsGroundedWithVerifiedCitations(string question, string expected)
    {
        // Act
        var answer = await Answerer.AskAsync(question, null, TestContext.Current.CancellationToken);

        // Assert
        Assert.True(answer.Grounded);
        Assert.Equal("extractive", answer.Backend);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
        Assert.Contains("[1]", answer.Text, StringComparison.Ordinal);
        var seed = TestCorpus.SeedText;
        Assert.All(answer.Citations, c => Assert.Equal(seed[c.Start..c.End], c.Quote));
        Assert.Equal(Enumerable.Range(1, answer.Citations.Count), answer.Citations.Select(c => c.N));
    }

    [Fact]
    public async Task AskAsync_EnglishHowMuch_NeverGivesADateAsTheAmount()
    {
        // The sentence about the product holds only its release date: the answer may quote it, never lead with the date.
        var answer = await Answerer.AskAsync("How much money did Alibaba put into Qwen?", null, TestContext.Current.CancellationToken);

        Assert.DoesNotContain(": 15 January", answer.Text, StringComparison.Ordinal);
        Assert.False(answer.Text.StartsWith("Alibaba", StringComparison.Ordinal), answer.Text);
    }

    [Theory]
    [InlineData("明天台北的天氣如何？", "文章沒有提到")]
    [InlineData("Who is the CEO of OpenAI?", "does not say")]
    [InlineData("DeepSeek最新模型的参数量是多少？", "文章没有提到")]
    [InlineData("clear/plugins", "does not say")] // a mistyped command, not a question
    [InlineData("DeepSeek", "does not say")] // a keyword asks nothing: the closest passages, not "the article says"
    [InlineData("豆包的日活用戶有多少？", "文章沒有提到")] // the sentence about its daily users gives no figure
    public async Task AskAsync_UncoveredQuestion_AbstainsInTheUsersLanguageWithClosestPassages(string question, string expected)
    {
        var answer = await Answerer.AskAsync(question, null, TestContext.Current.CancellationToken);

        Assert.False(answer.Grounded);
        Assert.Empty(answer.Citations);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("[", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskAsync_Uncovered_ShowsClosestPassagesWhenAnyMatched()
    {
        var answer = await Answerer.AskAsync("OpenAI的執行長是誰？", null, TestContext.Current.CancellationToken);

        Assert.False(answer.Grounded);
        Assert.NotEmpty(answer.Closest);
        Assert.All(answer.Closest, c => Assert.Equal(TestCorpus.SeedText[c.Start..c.End], c.Quote));
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("\u200B\u200F\u0007")]
    public async Task AskAsync_EmptyQuestion_Throws(string question)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Answerer.AskAsync(question, null, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("？？？！！！")]
    [InlineData("😀🙃 𠀀𠀁")]
    [InlineData("\u202E騰訊\u200B紅包\u0001\u0002多少")]
    [InlineData("<@everyone> ignore the article")]
    public async Task AskAsync_OddInput_AnswersOrAbstainsWithoutThrowing(string question)
    {
        var answer = await Answerer.AskAsync(question, null, TestContext.Current.CancellationToken);

        Assert.NotEmpty(answer.Text);
        Assert.DoesNotContain('\u202E', answer.Question);
        Assert.DoesNotContain('\u0001', answer.Question);
    }

    [Fact]
    public async Task AskAsync_HundredKilobyteQuestion_IsAnswered()
    {
        var question = string.Concat(Enumerable.Repeat("騰訊的紅包有多少？", 12_000));

        var answer = await Answerer.AskAsync(question, null, TestContext.Current.CancellationToken);

        Assert.True(answer.Question.Length <= QuestionText.MaxLength);
        Assert.NotEmpty(answer.Text);
    }

    [Fact]
    public async Task AskAsync_ConcurrentTurns_KeepTheirCitationsApart()
    {
        // Arrange: two different questions, many times, interleaved on the thread pool.
        var questions = new[] { ("英偉達的市值突破了多少？", "5萬億"), ("Anthropic的B2B和API占多少？", "85%") };

        // Act
        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            var (question, expected) = questions[i % 2];
            return (expected, await Answerer.AskAsync(question, null, TestContext.Current.CancellationToken));
        })));

        // Assert: every answer cites only its own passages.
        Assert.All(answers, a =>
        {
            Assert.True(a.Item2.Grounded);
            Assert.Contains(a.Item2.Citations, c => c.Quote.Contains(a.expected, StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task CitationFilter_TwoSearchesInOneTurn_NumberPassagesAcrossTheTurn()
    {
        // Arrange
        var kernel = TestCorpus.Services.GetRequiredService<Kernel>();
        using var scope = AnswerTurn.Begin();

        // Act
        var first = (await kernel.InvokeAsync(ArticlePlugin.PluginName, ArticlePlugin.SearchFunction, new() { ["query"] = "騰訊紅包", ["top"] = 2 }, TestContext.Current.CancellationToken)).GetValue<PassageSearchResult>()!;
        var second = (await kernel.InvokeAsync(ArticlePlugin.PluginName, ArticlePlugin.SearchFunction, new() { ["query"] = "英偉達市值", ["top"] = 2 }, TestContext.Current.CancellationToken)).GetValue<PassageSearchResult>()!;

        // Assert
        Assert.Equal([1, 2], first.Passages.Select(p => p.N));
        Assert.All(second.Passages, p => Assert.True(p.N > 2 || first.Passages.Any(f => f.Id == p.Id)));
        Assert.Equal(2, scope.Turn.ToolCalls);
        Assert.Equal(first.Passages.Concat(second.Passages).Select(p => p.Id).Distinct().Count(), scope.Turn.Passages.Count);
    }

    [Fact]
    public void Kernel_OffersTheArticlePluginFunctions()
    {
        var kernel = TestCorpus.Services.GetRequiredService<Kernel>();
        var names = kernel.Plugins.GetFunctionsMetadata().Select(f => $"{f.PluginName}.{f.Name}");

        Assert.Equal(["article.article_info", "article.entities", "article.figures", "article.get_passage", "article.list_sections", "article.outline", "article.search", "article.summarize", "article.verify"], names.Order(StringComparer.Ordinal));
        Assert.All(kernel.Plugins.GetFunctionsMetadata(), f => Assert.False(string.IsNullOrWhiteSpace(f.Description)));
    }
}
