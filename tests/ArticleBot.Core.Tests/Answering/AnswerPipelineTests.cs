using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using ArticleBot.Core.Claims;
using ArticleBot.Core.Diagnostics;
using ArticleBot.Core.Plugins;
using ArticleBot.Core.Search;
using ArticleBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleBot.Core.Tests.Answering;

/// <summary>
/// The answer flow is one pipeline with typed data: the built-in search tool's result carries its query plan and
/// each passage's coverage to the composer (in process only), which then neither re-analyses the question nor
/// looks each passage up again.
/// </summary>
public sealed class AnswerPipelineTests
{
    [Fact]
    public void SearchTool_ReturnsItsPlanAndCoverage_ButSerialisesAsAPlainResult()
    {
        var plugin = TestCorpus.Services.GetRequiredService<ArticlePlugin>();

        var result = Assert.IsType<AnalysedSearchResult>(plugin.Search("騰訊春節要分多少紅包？"));

        Assert.Equal("騰訊春節要分多少紅包？", result.Retrieval.Plan.Question);
        Assert.Equal(result.Passages.Select(p => p.Id), result.Retrieval.Passages.Select(p => p.Passage.Id));
        Assert.All(result.Retrieval.Passages, p => Assert.Equal(TestCorpus.Search.Coverage(result.Retrieval.Plan, p.Passage), p.Coverage, 9));
        using var json = JsonDocument.Parse(JsonSerializer.Serialize<object>(result));
        Assert.Equal(["query", "passages"], json.RootElement.EnumerateObject().Select(p => p.Name.ToLowerInvariant()));
    }

    [Fact]
    public void VerifyTool_ReturnsItsCheck_ButSerialisesAsAPlainResult()
    {
        var plugin = TestCorpus.Services.GetRequiredService<ArticlePlugin>();
        var claim = "騰訊春節要分10億元現金紅包。";

        var result = Assert.IsType<CheckedClaimResult>(plugin.Verify(claim));

        Assert.Equal(claim, result.Claim);
        Assert.Equal(TestCorpus.Services.GetRequiredService<ClaimVerifier>().Verify(claim), result.Check);
        using var json = JsonDocument.Parse(JsonSerializer.Serialize<object>(result));
        Assert.Equal(["query", "passages"], json.RootElement.EnumerateObject().Select(p => p.Name.ToLowerInvariant()));
    }

    [Fact]
    public async Task OfflineCheck_ComposesFromTheVerifyToolsCheck_AndAnswersAsAFreshCheckWould()
    {
        // Arrange
        using var source = new ActivitySource("ArticleBot.Tests.Pipeline.Verify");
        var composed = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source.Name || s.Name == ArticleBotTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { if (a.OperationName == "compose") { composed.Enqueue(a); } },
        };
        ActivitySource.AddActivityListener(listener);
        using var parent = source.StartActivity("test");
        var question = "騰訊春節要分10億元現金紅包嗎？";

        // Act
        var answer = await TestCorpus.Answerer.AskAsync(question, null, TestContext.Current.CancellationToken);

        // Assert: the composer had the tool's check, and wrote what a check of its own gives.
        var mine = composed.Where(a => a.TraceId == parent!.TraceId).ToList();
        Assert.NotEmpty(mine);
        Assert.Contains(mine, a => Equals(a.GetTagItem("articlebot.compose.checked"), true));
        var check = TestCorpus.Services.GetRequiredService<ClaimVerifier>().Verify(question);
        Assert.NotNull(check.Sentence);
        Assert.Contains(check.Sentence, answer.Text, StringComparison.Ordinal);
        Assert.StartsWith(check.Verdict == Verdict.Supported ? "對" : "不對", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfflineAnswer_ComposesFromTheSearchToolsAnalysis()
    {
        // Arrange: the composer's span says whether it had the search's analysis; spans are told apart by this test's trace.
        using var source = new ActivitySource("ArticleBot.Tests.Pipeline");
        var composed = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source.Name || s.Name == ArticleBotTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { if (a.OperationName == "compose") { composed.Enqueue(a); } },
        };
        ActivitySource.AddActivityListener(listener);
        using var parent = source.StartActivity("test");

        // Act
        var answer = await TestCorpus.Answerer.AskAsync("騰訊春節要分多少紅包？", null, TestContext.Current.CancellationToken);

        // Assert
        Assert.True(answer.Grounded);
        var mine = composed.Where(a => a.TraceId == parent!.TraceId).ToList();
        Assert.NotEmpty(mine);
        Assert.All(mine, a => Assert.Equal(true, a.GetTagItem("articlebot.compose.analysed")));
    }
}
