using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ArticleBot.EndToEnd.Tests;

/// <summary>An MCP server declared by <c>Url</c> (streamable HTTP) is a plugin like one declared by <c>Command</c>.</summary>
public sealed class McpUrlPluginTests(SharedHttpMcpServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ServerByUrl_IsListed_AndItsToolsAreCalled()
    {
        // Arrange: ArticleBot itself as the MCP server, over streamable HTTP on loopback (shared with McpHttpTests).
        var port = await server.PortAsync().WaitAsync(Ct);
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

    [Fact]
    public async Task TheReadmesExample_AsPasted_AskStartsNoServer_AndTheUnreachableOneIsOneWarningLine()
    {
        // The README's McpServers block as written: a sample server, a node server that is not there, and an HTTP
        // server that nothing listens on (a free port stands for 3001, which may be in use on the machine).
        string[] readme =
        [
            "--Plugins:McpServers:wordcount:Command=dotnet",
            $"--Plugins:McpServers:wordcount:Args:0={Path.Combine(Directory.GetParent(BotProcess.OutputDirectory)!.Parent!.FullName, "McpWordCount", new DirectoryInfo(BotProcess.OutputDirectory).Name, "McpWordCount.dll")}",
            "--Plugins:McpServers:fetcher:Command=node",
            "--Plugins:McpServers:fetcher:Args:0=server.js",
            "--Plugins:McpServers:fetcher:Env:LOG_LEVEL=warn",
            "--Plugins:McpServers:fetcher:WorkingDirectory=../fetcher",
            $"--Plugins:McpServers:remote:Url=http://127.0.0.1:{ArticleBot.Tests.Shared.RefusingPort.Number.ToString(CultureInfo.InvariantCulture)}/mcp",
        ];

        var ask = await BotProcess.RunAsync(["ask", "OpenAI的廣告業務每年可能帶來多少收入？", .. readme], cancellationToken: Ct);
        var plugins = await BotProcess.RunAsync(["plugins", .. readme], cancellationToken: Ct);

        Assert.Equal(0, ask.ExitCode);
        Assert.Equal(string.Empty, ask.Stderr); // no server is started for an offline answer, so nothing to warn about
        Assert.Equal(0, plugins.ExitCode);
        Assert.Contains("wordcount (mcp, loaded)", plugins.Stdout, StringComparison.Ordinal);
        var remote = Assert.Single(plugins.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("remote", StringComparison.Ordinal));
        Assert.StartsWith("warn: ", remote, StringComparison.Ordinal);
        Assert.Contains("cannot reach http://127.0.0.1:", remote, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", plugins.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("HttpRequestException:", plugins.Stderr.Replace(remote, string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
