using ModelContextProtocol.Client;

namespace ArticleBot.EndToEnd.Tests;

/// <summary>`ArticleBot mcp --http 127.0.0.1:PORT`: streamable HTTP on loopback, for clients that connect by URL.</summary>
public sealed class McpHttpTests(SharedHttpMcpServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Http_ServesTheSameToolsOnLoopback_RefusesForeignOrigins_AndAPortInUseIsOneLine()
    {
        // The shared server listens on [::ffff:127.0.0.1], 127.0.0.1 written as IPv6: it is served on 127.0.0.1 (it
        // was a SocketException).
        var port = await server.PortAsync().WaitAsync(Ct);
        await using var transport = new HttpClientTransport(new HttpClientTransportOptions { Endpoint = new Uri($"http://127.0.0.1:{port}/mcp"), TransportMode = HttpTransportMode.StreamableHttp });
        await using var client = await McpClient.CreateAsync(transport, cancellationToken: Ct);

        var tools = await client.ListToolsAsync(cancellationToken: Ct);
        var result = await client.CallToolAsync("search", new Dictionary<string, object?> { ["query"] = "廣告" }, cancellationToken: Ct);

        Assert.Contains(tools, t => t.Name == "ask");
        await McpTestClient.AssertVerbatimAsync(result.StructuredContent!.Value.GetProperty("citations"), expectSome: true);

        // A page of another origin (DNS rebinding) is refused.
        using var http = new HttpClient();
        using var foreign = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}/mcp")
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"page","version":"1"}}}""", System.Text.Encoding.UTF8, "application/json"),
        };
        foreign.Headers.Add("Origin", "http://attacker.example");
        foreign.Headers.Accept.ParseAdd("application/json");
        foreign.Headers.Accept.ParseAdd("text/event-stream");
        using var refused = await http.SendAsync(foreign, Ct);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);

        // A second server on the same port: exit 1 and a line that says why, no stack trace.
        var second = await BotProcess.RunAsync(["mcp", "--http", $"127.0.0.1:{port}"], cancellationToken: Ct);
        Assert.Equal(1, second.ExitCode);
        Assert.Contains($"error: cannot listen on 127.0.0.1:{port}", second.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", second.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.0.0.0:3001", "not a loopback address")]
    [InlineData("127.0.0.1", "not host:port")]
    public async Task Http_RefusesAnAddressThatIsNotLoopback_Exit2(string address, string expected)
    {
        var run = await BotProcess.RunAsync(["mcp", "--http", address], cancellationToken: Ct);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }
}
