using System.Text.Json;
using ArticleBot.Core.Answering;
using ArticleBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleBot.Core.Tests.Llm;

/// <summary>A scripted model calling the new article tools: their passages are numbered and cited like a search's.</summary>
public sealed class ModelArticleToolTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Verify_CalledByTheModel_GivesTheVerdictAndVerifiedCitations()
    {
        // Arrange: the model checks the claim with article_verify, then answers from its verdict.
        using var server = new FakeOpenAIServer(r => r.LastRole == "tool"
            ? FakeReply.Text("No — the article says 10億 [1].")
            : FakeReply.ToolCall("article_verify", JsonSerializer.Serialize(new { claim = "騰訊春節要發100億紅包" })));
        using var host = ModelArticleToolHost(server.Endpoint);

        // Act
        var answer = await host.Services.GetRequiredService<ArticleAnswerer>().AskAsync("騰訊春節要發100億紅包，對嗎？", null, Ct);

        // Assert
        Assert.True(answer.Grounded);
        Assert.Null(answer.Fallback);
        var citation = Assert.Single(answer.Citations);
        Assert.Contains("10億", citation.Quote, StringComparison.Ordinal); // either sentence that gives the red packets' 10億
        Assert.Contains("紅包", citation.Quote, StringComparison.Ordinal);
        Assert.Equal(TestCorpus.SeedText[citation.Start..citation.End], citation.Quote);
        var requests = server.Requests.ToArray();
        var tools = requests[0].Body["tools"]!.ToJsonString();
        foreach (var tool in new[] { "article_outline", "article_summarize", "article_entities", "article_figures", "article_verify" })
        {
            Assert.Contains(tool, tools, StringComparison.Ordinal);
        }

        Assert.Contains("contradicted", requests[1].ToolResults, StringComparison.Ordinal);
        Assert.Contains("10億", requests[1].ToolResults, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summarize_CalledByTheModel_ItsPassagesAreCitable()
    {
        // Arrange: the model summarises with article_summarize and cites two of the passages.
        using var server = new FakeOpenAIServer(r => r.LastRole == "tool"
            ? FakeReply.Text("The article covers OpenAI's ads [1] and China's AI apps [2].")
            : FakeReply.ToolCall("article_summarize", JsonSerializer.Serialize(new { sentences = 4 })));
        using var host = ModelArticleToolHost(server.Endpoint);

        // Act
        var answer = await host.Services.GetRequiredService<ArticleAnswerer>().AskAsync("Summarize the article.", null, Ct);

        // Assert
        Assert.True(answer.Grounded);
        Assert.Equal(2, answer.Citations.Count);
        Assert.All(answer.Citations, c => Assert.Equal(TestCorpus.SeedText[c.Start..c.End], c.Quote));
        Assert.Contains("summary (4 sentences", server.Requests.ToArray()[1].ToolResults, StringComparison.Ordinal);
    }

    [Fact]
    public void SystemPrompt_TellsTheModelAboutTheTools()
    {
        using var reader = new StreamReader(typeof(ArticleAnswerer).Assembly.GetManifestResourceStream("ArticleBot.Resources.prompts/system.txt")!);
        var prompt = reader.ReadToEnd();

        foreach (var tool in new[] { "summarize", "outline", "entities", "figures", "verify" })
        {
            Assert.Contains(tool, prompt, StringComparison.Ordinal);
        }
    }

    private static Microsoft.Extensions.Hosting.IHost ModelArticleToolHost(string endpoint) => ModelAnswerTests.ModelHost(endpoint);
}
