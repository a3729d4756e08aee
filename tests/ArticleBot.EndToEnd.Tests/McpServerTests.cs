using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace ArticleBot.EndToEnd.Tests;

/// <summary>
/// `ArticleBot mcp` driven by the official C# MCP client over stdio, as Claude Desktop or VS Code would start it. The
/// tests with the default settings share one server, as a client's session would; nothing they do changes its state.
/// </summary>
public sealed class McpServerTests(McpServerTests.Server server) : IClassFixture<McpServerTests.Server>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>One `ArticleBot mcp` process with the default settings, connected for the class's tests.</summary>
    public sealed class Server : IAsyncLifetime
    {
        /// <summary>The connected client.</summary>
        public McpClient Client { get; private set; } = null!;

        public async ValueTask InitializeAsync() => Client = await McpTestClient.ConnectAsync();

        public async ValueTask DisposeAsync() => await Client.DisposeAsync();
    }

    [Fact]
    public async Task ListsTheArticleTools_AndResources()
    {
        var client = server.Client;

        var tools = (await client.ListToolsAsync(cancellationToken: Ct)).Select(t => t.Name).ToList();
        var resources = await client.ListResourcesAsync(cancellationToken: Ct);
        var templates = await client.ListResourceTemplatesAsync(cancellationToken: Ct);

        Assert.Equal("articlebot", client.ServerInfo?.Name);
        Assert.Contains("ask", tools);
        Assert.Contains("article_search", tools); // Plugin_function, the name a model sees
        Assert.Contains("article_get_passage", tools);
        Assert.DoesNotContain("search", tools); // the earlier bare names are accepted, not listed
        Assert.DoesNotContain(tools, t => t.StartsWith("KeyFigures", StringComparison.Ordinal)); // plugins only with Mcp:ExposePlugins
        Assert.Contains(resources, r => r.Uri == "article://seeds/ai-race-2026.txt");
        Assert.Contains(templates, t => t.UriTemplate == "passage://{id}");
    }

    [Fact]
    public async Task Ask_AnswersWithCitationsThatQuoteTheSeedExactly()
    {
        var client = server.Client;

        var result = await client.CallToolAsync("ask", new Dictionary<string, object?> { ["question"] = "OpenAI的廣告業務每年可能帶來多少收入？" }, cancellationToken: Ct);

        Assert.NotEqual(true, result.IsError);
        var structured = result.StructuredContent ?? throw new InvalidOperationException("no structuredContent");
        Assert.Contains("250億美元", structured.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.True(structured.GetProperty("grounded").GetBoolean());
        await McpTestClient.AssertVerbatimAsync(structured.GetProperty("citations"), expectSome: true);

        // The text content is the same JSON, for clients that ignore structuredContent.
        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        using var parsed = JsonDocument.Parse(text);
        Assert.Equal(structured.GetProperty("answer").GetString(), parsed.RootElement.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task Search_ReturnsPassagesWithVerifiedCitations_UnderEitherSpellingOrItsEarlierName_AndBadCallsAreToolErrors()
    {
        var client = server.Client;

        var result = await client.CallToolAsync("article_search", new Dictionary<string, object?> { ["query"] = "騰訊 紅包", ["top"] = 3 }, cancellationToken: Ct);
        var missing = await client.CallToolAsync("search", new Dictionary<string, object?>(), cancellationToken: Ct); // the earlier name, still accepted
        var dotted = await client.CallToolAsync("article.search", new Dictionary<string, object?> { ["query"] = "騰訊 紅包", ["top"] = 3 }, cancellationToken: Ct);
        var emptyQuestion = await client.CallToolAsync("ask", new Dictionary<string, object?> { ["question"] = "  " }, cancellationToken: Ct);
        var unknown = await Assert.ThrowsAsync<McpProtocolException>(async () => await client.CallToolAsync("no_such_tool", cancellationToken: Ct));

        var structured = result.StructuredContent!.Value;
        var passages = structured.GetProperty("result").GetProperty("passages");
        Assert.InRange(passages.GetArrayLength(), 1, 3);
        var citations = structured.GetProperty("citations");
        Assert.Equal(passages.GetArrayLength(), citations.GetArrayLength());
        await McpTestClient.AssertVerbatimAsync(citations, expectSome: true);
        Assert.Equal(result.StructuredContent!.Value.GetRawText(), dotted.StructuredContent!.Value.GetRawText());
        Assert.True(missing.IsError);
        Assert.Contains("query", Assert.IsType<TextContentBlock>(missing.Content[0]).Text, StringComparison.Ordinal);
        Assert.True(emptyQuestion.IsError);
        Assert.Contains("no_such_tool", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resources_ReadTheArticleAndOnePassageWithItsOffsets()
    {
        var client = server.Client;
        var seed = await File.ReadAllTextAsync(BotProcess.SeedFile, Ct);

        var article = await client.ReadResourceAsync("article://seeds/ai-race-2026.txt", cancellationToken: Ct);
        var passage = await client.ReadResourceAsync("passage://ai-race-2026%23p3", cancellationToken: Ct);
        var missing = await Assert.ThrowsAsync<McpProtocolException>(async () => await client.ReadResourceAsync("passage://nope%23p999", cancellationToken: Ct));

        Assert.Equal(seed.TrimStart('\uFEFF'), Assert.IsType<TextResourceContents>(Assert.Single(article.Contents)).Text);
        var contents = Assert.IsType<TextResourceContents>(Assert.Single(passage.Contents));
        var start = (int)contents.Meta!["start"]!;
        var end = (int)contents.Meta!["end"]!;
        Assert.Equal(seed[start..end], contents.Text);
        Assert.Equal("ai-race-2026#p3", (string?)contents.Meta["passageId"]);
        Assert.Contains("nope", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExposePlugins_OffersTheLoadedPluginsFunctions_AsPluginUnderscoreFunction()
    {
        await using var client = await McpTestClient.ConnectAsync(["--Mcp:ExposePlugins=true"]);

        var tools = (await client.ListToolsAsync(cancellationToken: Ct)).Select(t => t.Name).ToList();
        var result = await client.CallToolAsync("KeyFigures_key_figures", new Dictionary<string, object?> { ["contains"] = "騰訊" }, cancellationToken: Ct);

        Assert.Contains("article_search", tools);
        Assert.Contains("KeyFigures_key_figures", tools);
        Assert.NotEqual(true, result.IsError);
        Assert.Contains("10億", result.StructuredContent!.Value.GetProperty("result").GetString(), StringComparison.Ordinal);
    }
}
