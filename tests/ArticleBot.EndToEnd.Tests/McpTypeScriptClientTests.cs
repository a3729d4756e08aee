using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace ArticleBot.EndToEnd.Tests;

/// <summary>
/// `ArticleBot mcp` under a client the team did not write: the official MCP TypeScript SDK (tests/mcp-ts-client,
/// installed by the test itself with `npm ci` from its lock file). The script lists tools and resources, calls ask
/// and prints JSON. Without Node.js the test is skipped, and says why.
/// </summary>
public sealed class McpTypeScriptClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TypeScriptSdkClient_ListsTools_AndAskCitesTheSeedVerbatim()
    {
        if (NodeClientInstall.Unavailable(Environment.GetEnvironmentVariable("PATH")) is { } reason)
        {
            Assert.Skip(reason);
        }

        await NodeClientInstall.EnsureInstalledAsync(Ct);
        var clientDirectory = NodeClientInstall.Directory;

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = clientDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("client.mjs");
        start.ArgumentList.Add(Path.Combine(BotProcess.OutputDirectory, "ArticleBot.dll"));
        start.ArgumentList.Add("OpenAI的廣告業務每年可能帶來多少收入？");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node (is Node.js 18+ installed?)");
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node client.mjs did not finish within 120 s. stderr: {await stderr}");
        }

        Assert.True(process.ExitCode == 0, $"node client.mjs exited {process.ExitCode}. stderr: {await stderr}");
        using var json = JsonDocument.Parse(await stdout);
        var root = json.RootElement;
        Assert.Equal("articlebot", root.GetProperty("server").GetProperty("name").GetString());
        var tools = root.GetProperty("tools").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.Contains("ask", tools);
        Assert.Contains("article_search", tools);
        Assert.Contains("article://seeds/ai-race-2026.txt", root.GetProperty("resources").EnumerateArray().Select(r => r.GetString()));
        var ask = root.GetProperty("ask");
        Assert.False(ask.GetProperty("isError").GetBoolean());
        var structured = ask.GetProperty("structuredContent");
        Assert.True(structured.GetProperty("grounded").GetBoolean());
        Assert.Contains("250億美元", structured.GetProperty("answer").GetString(), StringComparison.Ordinal);
        await McpTestClient.AssertVerbatimAsync(structured.GetProperty("citations"), expectSome: true);
        var seed = await File.ReadAllTextAsync(BotProcess.SeedFile, Ct);
        Assert.Equal(seed.Length, root.GetProperty("article").GetProperty("length").GetInt32());
    }

    [Fact]
    public void WithoutNodeOnThePath_TheClientTestIsSkipped_SayingWhy()
    {
        var reason = NodeClientInstall.Unavailable(Path.Combine(Path.GetTempPath(), "no-such-folder"));

        Assert.NotNull(reason);
        Assert.Contains("'node' is not on PATH", reason, StringComparison.Ordinal);
        Assert.Contains("Node.js 18", reason, StringComparison.Ordinal);
    }
}
