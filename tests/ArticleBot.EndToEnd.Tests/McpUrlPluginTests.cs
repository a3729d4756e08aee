using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ArticleBot.EndToEnd.Tests;

/// <summary>An MCP server declared by <c>Url</c> (streamable HTTP) is a plugin like one declared by <c>Command</c>.</summary>
public sealed class McpUrlPluginTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ServerByUrl_IsListed_AndItsToolsAreCalled()
    {
        // Arrange: ArticleBot itself as the MCP server, over streamable HTTP on loopback.
        var port = FreePort();
        using var server = BotProcess.Start(["mcp", "--http", $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"]);
        try
        {
            await WaitForListenerAsync(port);
            var url = $"--Plugins:McpServers:remote:Url=http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/mcp";

            // Act
            var list = await BotProcess.RunAsync(["plugins", url], cancellationToken: Ct);
            var call = await BotProcess.RunAsync(["call", "remote.article_search", "query=騰訊紅包", url], cancellationToken: Ct);

            // Assert
            Assert.Equal(0, list.ExitCode);
            Assert.Contains("remote (mcp, loaded)", list.Stdout, StringComparison.Ordinal);
            Assert.Equal(0, call.ExitCode);
            Assert.Contains("10億現金紅包", call.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until the server accepts connections (bounded: only a server that never starts reaches it).</summary>
    private static async Task WaitForListenerAsync(int port)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, Ct);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(120))
            {
                await Task.Delay(200, Ct);
            }
        }
    }
}
