using ArticleBot.Core.Answering;
using ArticleBot.Core.Plugins;
using ArticleBot.Core.Plugins.Mcp;
using ArticleBot.Core.Tests.Fakes;
using ArticleBot.Core.Tests.Llm;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ArticleBot.Core.Tests.Plugins.Mcp;

/// <summary>
/// MCP servers start on first use and in the background: the offline answerer starts none, and a server that never
/// answers initialize delays nothing but what needs it. The declared server writes its pid to a file when it starts,
/// then sleeps without a word (it would hold a waiting start for its whole start timeout of ten minutes).
/// </summary>
public sealed class LazyMcpPluginTests : IDisposable
{
    private const string Question = "OpenAI的廣告業務每年可能帶來多少收入？";
    private readonly string _folder = Directory.CreateTempSubdirectory("articlebot-lazy-mcp-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Marker => Path.Combine(_folder, "started");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task OfflineAnswers_StartNoMcpServer()
    {
        using var host = TestCorpus.BuildHost(AppContext.BaseDirectory, Silent());
        await host.StartAsync(Ct).WaitAsync(TimeSpan.FromSeconds(60), Ct); // a host that waited for the silent server would wait ten minutes

        var answer = await host.Services.GetRequiredService<ArticleAnswerer>().AskAsync(Question, null, Ct);
        await host.StopAsync(Ct);

        Assert.True(answer.Grounded);
        Assert.Equal(McpServerState.NotStarted, Assert.Single(host.Services.GetRequiredService<McpPluginSource>().Connections).State);
        Assert.False(File.Exists(Marker), "the offline answerer started an MCP server");
    }

    [Fact]
    public async Task ASilentServer_DelaysNeitherTheHostNorAModelsAnswer_AndIsKilledWhenTheHostStops()
    {
        // Arrange: a model that searches and answers; its tool list starts the servers, in the background.
        using var model = new FakeOpenAIServer(r => ModelAnswerTests.SearchThenAnswer(r, "OpenAI 廣告 收入", "Ads could bring OpenAI 25 billion US dollars a year [1]."));
        using var host = ModelAnswerTests.ModelHost(model.Endpoint, extra: Silent());
        await host.StartAsync(Ct).WaitAsync(TimeSpan.FromSeconds(60), Ct); // a host that waited for the silent server would wait ten minutes

        // Act
        var answer = await host.Services.GetRequiredService<ArticleAnswerer>().AskAsync(Question, null, Ct);
        var connection = Assert.Single(host.Services.GetRequiredService<McpPluginSource>().Connections);
        var listed = host.Services.GetRequiredService<PluginCatalog>().Plugins.Single(p => p.Name == "silent");
        var pid = await ServerPidAsync();

        // Assert: answered while the server was (and is) still starting; listed as starting, not failed.
        Assert.True(answer.Grounded);
        Assert.Null(answer.Fallback);
        Assert.Equal(McpServerState.Starting, connection.State);
        Assert.Equal((PluginState.Unavailable, "starting"), (listed.State, listed.Reason));
        Assert.True(IsRunning(pid));
        await host.StopAsync(Ct);
        Assert.False(IsRunning(pid), "the silent server outlived the host");
    }

    private Dictionary<string, string?> Silent() => new()
    {
        ["Plugins:McpServers:silent:Command"] = "/bin/sh",
        ["Plugins:McpServers:silent:Args:0"] = "-c",
        ["Plugins:McpServers:silent:Args:1"] = $"echo $$ > '{Marker}.tmp'; mv '{Marker}.tmp' '{Marker}'; exec sleep 600",
        ["Plugins:McpStartTimeoutSeconds"] = "600",
        ["Plugins:IncludeDefaultDirectory"] = "false",
        ["Corpus:CachePath"] = TestCorpus.SharedCachePath,
    };

    /// <summary>The started server's pid; only a server that never starts reaches the bound.</summary>
    private async Task<int> ServerPidAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (!File.Exists(Marker))
        {
            await Task.Delay(20, timeout.Token);
        }

        return int.Parse(await File.ReadAllTextAsync(Marker, Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
