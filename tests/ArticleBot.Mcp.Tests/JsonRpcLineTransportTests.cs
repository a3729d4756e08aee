using System.Text;
using System.Text.Json;
using ArticleBot.Mcp.Tests.Fakes;

namespace ArticleBot.Mcp.Tests;

/// <summary>
/// The stdio transport answers every line by the JSON-RPC 2.0 specification, as the HTTP transport does: the SDK's own
/// stream transport dropped what it could not parse without a word, and a client waiting for the answer hung.
/// </summary>
public sealed class JsonRpcLineTransportTests
{
    [Theory]
    [InlineData("{not json", -32700)]
    [InlineData("42", -32600)]
    [InlineData("\"ping\"", -32600)]
    [InlineData("[]", -32600)]
    [InlineData("""[{"jsonrpc":"2.0","id":2,"method":"ping"}]""", -32600)]
    [InlineData("""{"jsonrpc":"2.0","id":{"a":1},"method":"ping"}""", -32600)]
    [InlineData("""{"jsonrpc":"2.0","id":null,"method":"ping"}""", -32600)]
    [InlineData("""{"jsonrpc":"2.0","id":1.5,"method":"ping"}""", -32600)]
    [InlineData("""{"jsonrpc":"2.0","id":true,"method":"ping"}""", -32600)]
    [InlineData("""{"jsonrpc":"2.0"}""", -32600)]
    public async Task MalformedLine_GetsTheSpecificationsError_WithANullId_AndTheSessionGoesOn(string line, int code)
    {
        await using var session = await McpSession.StartInitializedAsync();

        await session.SendAsync(line);
        var error = await session.ReceiveAsync();
        var ping = await session.RequestAsync("ping");

        Assert.Equal(code, error.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(JsonValueKind.Null, error.GetProperty("id").ValueKind);
        Assert.Equal("2.0", error.GetProperty("jsonrpc").GetString());
        Assert.True(ping.TryGetProperty("result", out _));
    }

    [Theory]
    [InlineData("""{"jsonrpc":"1.0","id":7,"method":"ping"}""")]
    [InlineData("""{"id":7,"method":"ping"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":12}""")]
    [InlineData("""{"jsonrpc":"2.0","id":"seven"}""")]
    public async Task InvalidRequestWithAUsableId_IsAnsweredWithThatId(string line)
    {
        await using var session = await McpSession.StartInitializedAsync();

        await session.SendAsync(line);
        var error = await session.ReceiveAsync();

        Assert.Equal(-32600, error.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(line.Contains("\"seven\"", StringComparison.Ordinal) ? "seven" : "7", error.GetProperty("id").ToString());
    }

    [Fact]
    public async Task LineOverMaxRequestBytes_IsRefusedOnce_WithoutBeingHeld_AndTheSessionGoesOn()
    {
        // Arrange: a search whose query is 5 MB, sent in pieces, over a limit of 64 KB.
        await using var session = await McpSession.StartInitializedAsync(new Dictionary<string, string?> { ["Mcp:MaxRequestBytes"] = "65536" });
        var head = Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":99,"method":"tools/call","params":{"name":"search","arguments":{"query":" """);
        var piece = Encoding.UTF8.GetBytes(new string('騰', 100_000));

        // Act
        await session.SendBytesAsync(head);
        for (var i = 0; i < 17; i++)
        {
            await session.SendBytesAsync(piece);
        }

        await session.SendBytesAsync(Encoding.UTF8.GetBytes("\"}}}\n"));
        var error = await session.ReceiveAsync();
        var ping = await session.RequestAsync("ping");

        // Assert
        Assert.Equal(-32600, error.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains("over 65536 bytes (Mcp:MaxRequestBytes)", error.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(99, error.GetProperty("id").GetInt32()); // the client's request fails now, not at its timeout
        Assert.True(ping.TryGetProperty("result", out _));
    }

    [Fact]
    public async Task RequestBeforeInitialize_IsRefused_PingIsAnswered_ThenInitializeWorks()
    {
        await using var session = await McpSession.StartAsync();

        var early = await session.RequestAsync("tools/list");
        var ping = await session.RequestAsync("ping");
        var initialize = await session.RequestAsync("initialize", """{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"1"}}""");
        var tools = await session.RequestAsync("tools/list");

        Assert.Equal(-32600, early.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains("initialize first", early.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(ping.TryGetProperty("result", out _));
        Assert.True(initialize.TryGetProperty("result", out _));
        Assert.True(tools.GetProperty("result").GetProperty("tools").GetArrayLength() > 0);
    }
}
