using System.Net;
using System.Net.Sockets;
using ModelContextProtocol.Client;

namespace ArticleBot.EndToEnd.Tests;

/// <summary>`ArticleBot mcp --http 127.0.0.1:PORT`: streamable HTTP on loopback, for clients that connect by URL.</summary>
public sealed class McpHttpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Http_ServesTheSameToolsOnLoopback()
    {
        var port = FreePort();
        using var bot = BotProcess.Start(["mcp", "--http", $"127.0.0.1:{port}"]);
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderr = new System.Text.StringBuilder();
        bot.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }

            if (e.Data?.Contains("MCP server listening", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult();
            }
        };
        bot.BeginErrorReadLine();
        try
        {
            await listening.Task.WaitAsync(TimeSpan.FromSeconds(120), Ct);
            await using var transport = new HttpClientTransport(new HttpClientTransportOptions { Endpoint = new Uri($"http://127.0.0.1:{port}/mcp"), TransportMode = HttpTransportMode.StreamableHttp });
            await using var client = await McpClient.CreateAsync(transport, cancellationToken: Ct);

            var tools = await client.ListToolsAsync(cancellationToken: Ct);
            var result = await client.CallToolAsync("search", new Dictionary<string, object?> { ["query"] = "廣告" }, cancellationToken: Ct);

            Assert.Contains(tools, t => t.Name == "ask");
            await McpTestClient.AssertVerbatimAsync(result.StructuredContent!.Value.GetProperty("citations"), expectSome: true);
        }
        finally
        {
            bot.Kill(entireProcessTree: true);
            await bot.WaitForExitAsync(CancellationToken.None);
        }
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
