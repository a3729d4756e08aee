using System.Text.Json;
using ArticleBot.Core.Tests.Fakes;

namespace ArticleBot.EndToEnd.Tests;

/// <summary>The executable configured for a model, the way a user would: environment variables and switches.</summary>
public sealed class ModelTests
{
    private const string SentinelKey = "sk-SENTINEL-e2e-7f3a9c1d5b";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> ModelEnvironment(string endpoint, string provider = "OpenAICompatible") => new()
    {
        ["Llm__Provider"] = provider,
        ["Llm__Model"] = "fake-model",
        ["Llm__Endpoint"] = endpoint,
        ["Llm__ApiKey"] = SentinelKey,
        ["Llm__TimeoutSeconds"] = "10",
        ["Logging__LogLevel__Default"] = "Trace",
    };

    private static FakeReply SearchThenAnswer(RecordedRequest request, string answer) =>
        request.LastRole == "tool" ? FakeReply.Text(answer) : FakeReply.ToolCall(request.SearchTool, "{\"query\":\"英偉達 市值\"}");

    [Fact]
    public async Task AskJson_WithAModel_HasTheSameShape_AndNamesTheBackend()
    {
        using var server = new FakeOpenAIServer(r => SearchThenAnswer(r, "Nvidia passed 5 trillion US dollars [1]."));

        var run = await BotProcess.RunAsync(["ask", "--json", "What market value did Nvidia reach?"], environment: ModelEnvironment(server.Endpoint), cancellationToken: Ct);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("OpenAICompatible/fake-model", json.RootElement.GetProperty("backend").GetString());
        Assert.True(json.RootElement.GetProperty("grounded").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("fallback").ValueKind);
        var citation = json.RootElement.GetProperty("citations")[0];
        var seed = await File.ReadAllTextAsync(BotProcess.SeedFile, Ct);
        Assert.Equal(seed[citation.GetProperty("start").GetInt32()..citation.GetProperty("end").GetInt32()], citation.GetProperty("quote").GetString());
        Assert.DoesNotContain(SentinelKey, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectedKey_FallsBack_NamesTheSetting_AndNeverPrintsTheKey()
    {
        using var server = new FakeOpenAIServer(FakeReply.Error(401));

        var run = await BotProcess.RunAsync(["ask", "--json", "英偉達的市值突破了多少？"], environment: ModelEnvironment(server.Endpoint), cancellationToken: Ct);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("extractive", json.RootElement.GetProperty("backend").GetString());
        Assert.Contains("Llm:ApiKey", json.RootElement.GetProperty("fallback").GetString(), StringComparison.Ordinal);
        Assert.Contains("5萬億", json.RootElement.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(SentinelKey, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_WithAStreamingModel_StreamsThenPrintsSources()
    {
        using var server = new FakeOpenAIServer(r => r.LastRole == "tool"
            ? FakeReply.StreamedText("Nvidia ", "passed ", "5 trillion [1].")
            : FakeReply.StreamedToolCall(r.SearchTool, "{\"query\":", "\"英偉達\"}"));

        var run = await BotProcess.RunAsync([], "What market value did Nvidia reach?\n", environment: ModelEnvironment(server.Endpoint), cancellationToken: Ct);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Nvidia passed 5 trillion [1].", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Sources:", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(SentinelKey, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_ModelSendingToolCallsWithoutArguments_EveryQuestionIsAnswered_WithTheTrueReason()
    {
        // Arrange: a model that calls the search tool with {} every time (no query).
        using var server = new FakeOpenAIServer(r => FakeReply.ToolCall(r.SearchTool, "{}"));

        // Act
        var run = await BotProcess.RunAsync(["ask", "--json", "-"], "英偉達的市值突破了多少？\n騰訊春節要分多少紅包？\nWho wrote the article?\n", environment: ModelEnvironment(server.Endpoint), cancellationToken: Ct);

        // Assert
        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            Assert.Contains("missing query", json.RootElement.GetProperty("fallback").GetString(), StringComparison.Ordinal);
            Assert.True(json.RootElement.GetProperty("grounded").GetBoolean());
        }
    }

    [Fact]
    public async Task UnreachableModel_FallsBack_WithOneWarningLine_AndNoStackTrace()
    {
        // Arrange: a port nothing listens on, so the connection is refused at once.
        var endpoint = $"http://127.0.0.1:{ArticleBot.Tests.Shared.RefusingPort.Number}/v1";
        var environment = ModelEnvironment(endpoint);
        environment.Remove("Logging__LogLevel__Default"); // the shipped logging settings, as a user has them

        // Act
        var run = await BotProcess.RunAsync(["ask", "--json", "英偉達的市值突破了多少？"], environment: environment, cancellationToken: Ct);

        // Assert
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Contains("Llm:Endpoint", json.RootElement.GetProperty("fallback").GetString(), StringComparison.Ordinal);
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one warning line, got:\n{run.Stderr}");
        Assert.StartsWith("warn:", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    // Through the executable once: each provider's needs are checked in process (Core.Tests' LlmOptionsValidatorTests).
    [Fact]
    public async Task BadProviderSettings_ExitWith2NamingEverySettingMissing()
    {
        var run = await BotProcess.RunAsync(["ask", "騰訊", "--Llm:Provider=AzureOpenAI"], cancellationToken: Ct);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Llm:Endpoint", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Llm:Model", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Llm:ApiKey", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }
}
