using System.Text.Json;
using ArticleBot.Mcp.Tests.Fakes;

namespace ArticleBot.Mcp.Tests;

/// <summary>Requests the SDK answered with an internal error, a NullReferenceException or a wrong success.</summary>
public sealed class ProtocolTests
{
    [Theory]
    [InlineData(null, "needs params")]
    [InlineData("""{"arguments":{}}""", "params.name")]
    [InlineData("""{"name":42,"arguments":{}}""", "params.name")]
    [InlineData("""{"name":"search","arguments":["騰訊"]}""", "must be an object")]
    [InlineData("""{"name":"search","arguments":"騰訊"}""", "must be an object")]
    public async Task ToolsCall_WithParamsOfTheWrongShape_IsInvalidParams(string? parameters, string expected)
    {
        await using var session = await McpSession.StartInitializedAsync();

        var response = await session.RequestAsync("tools/call", parameters);

        var error = response.GetProperty("error");
        Assert.Equal(-32602, error.GetProperty("code").GetInt32());
        Assert.Contains(expected, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Capabilities_AreTrue_NoSubscribe_AndAnEmptyPromptList()
    {
        await using var session = await McpSession.StartAsync();

        var initialize = await session.RequestAsync("initialize", """{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"1"}}""");
        var subscribe = await session.RequestAsync("resources/subscribe", """{"uri":"article://seeds/ai-race-2026.txt"}""");
        var prompts = await session.RequestAsync("prompts/list");
        var read = await session.RequestAsync("resources/read", "{}");

        var capabilities = initialize.GetProperty("result").GetProperty("capabilities");
        Assert.False(capabilities.GetProperty("resources").TryGetProperty("subscribe", out var declared) && declared.GetBoolean());
        Assert.Equal(-32601, subscribe.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(0, prompts.GetProperty("result").GetProperty("prompts").GetArrayLength());
        Assert.Equal(-32602, read.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task UnknownTool_IsInvalidParams_NamingTheTools()
    {
        await using var session = await McpSession.StartInitializedAsync();

        var response = await session.RequestAsync("tools/call", """{"name":"no_such_tool","arguments":{}}""");

        var error = response.GetProperty("error");
        Assert.Equal(-32602, error.GetProperty("code").GetInt32());
        Assert.Contains("search", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Number, response.GetProperty("id").ValueKind);
    }

    [Fact]
    public async Task ADeclaredMcpPluginThatNeverAnswers_DelaysNeitherTheHandshakeNorTheTools_AndIsNotStarted()
    {
        // A plugin server that would hold a waiting start for ten minutes; the article tools do not need it.
        var marker = Path.Combine(Path.GetTempPath(), $"articlebot-silent-{Guid.NewGuid():N}");
        await using var session = await McpSession.StartInitializedAsync(new Dictionary<string, string?>
        {
            ["Plugins:McpServers:silent:Command"] = "/bin/sh",
            ["Plugins:McpServers:silent:Args:0"] = "-c",
            ["Plugins:McpServers:silent:Args:1"] = $"touch '{marker}'; exec sleep 600",
            ["Plugins:McpStartTimeoutSeconds"] = "600",
        });

        var tools = await session.RequestAsync("tools/list");
        var answer = await session.CallToolAsync("ask", """{"question":"OpenAI的廣告業務每年可能帶來多少收入？"}""");

        Assert.Contains(tools.GetProperty("result").GetProperty("tools").EnumerateArray(), t => t.GetProperty("name").GetString() == "article_search");
        Assert.True(answer.GetProperty("structuredContent").GetProperty("grounded").GetBoolean());
        Assert.False(File.Exists(marker), "the MCP server started a plugin server it does not offer");
    }
}
