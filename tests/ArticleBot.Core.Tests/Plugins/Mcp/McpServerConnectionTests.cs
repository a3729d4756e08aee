using ArticleBot.Core.Plugins.Mcp;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ArticleBot.Core.Tests.Plugins.Mcp;

/// <summary>The restart policy, on a clock the test moves: a server that keeps exiting is restarted with a doubling delay, then given up.</summary>
public sealed class McpServerConnectionTests
{
    [Fact]
    public async Task ServerThatKeepsExiting_IsRestartedWithDoublingDelays_ThenMarkedFailedWithTheReason()
    {
        var time = new FakeTimeProvider();
        var options = new McpPluginOptions { McpMaxRestarts = 2, McpRestartDelayMilliseconds = 1000 };
        var declaration = new McpServerDeclaration { Command = "/bin/sh" };
        declaration.Args.Add("-c");
        declaration.Args.Add("exit 7");
        await using var connection = new McpServerConnection("crashy", declaration, options, TimeSpan.FromSeconds(10), Path.GetTempPath(), time, NullLoggerFactory.Instance);
        var states = new List<(McpServerState State, string? Reason, DateTimeOffset At)>();
        var restarting = new SemaphoreSlim(0);
        var failed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Changed += () =>
        {
            lock (states)
            {
                states.Add((connection.State, connection.Reason, time.GetUtcNow()));
            }

            if (connection.State == McpServerState.Restarting)
            {
                restarting.Release();
            }
            else if (connection.State == McpServerState.Failed)
            {
                failed.TrySetResult();
            }
        };
        var start = time.GetUtcNow();

        await connection.StartAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.True(await restarting.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        time.Advance(TimeSpan.FromMilliseconds(999));
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(await restarting.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        time.Advance(TimeSpan.FromSeconds(2)); // the delay doubled
        await failed.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(McpServerState.Failed, connection.State);
        Assert.Equal(3, connection.Restarts);
        Assert.Contains("exited with code 7", connection.Reason, StringComparison.Ordinal);
        Assert.Contains("gave up after 2 restart(s)", connection.Reason, StringComparison.Ordinal);
        lock (states)
        {
            Assert.Equal([McpServerState.Restarting, McpServerState.Restarting, McpServerState.Failed], states.Select(s => s.State));
            Assert.Equal([start, start.AddSeconds(1), start.AddSeconds(3)], states.Select(s => s.At));
        }

        await Assert.ThrowsAsync<McpPluginException>(() => connection.CallToolAsync("any", new Dictionary<string, object?>(), TestContext.Current.CancellationToken));
    }
}
