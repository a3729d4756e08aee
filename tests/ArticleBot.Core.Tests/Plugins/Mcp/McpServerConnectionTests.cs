using ArticleBot.Core.Plugins.Mcp;
using ArticleBot.Core.Tests.Fakes;
using Microsoft.Extensions.Logging;
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
        var log = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(log).SetMinimumLevel(LogLevel.Debug));
        await using var connection = new McpServerConnection("crashy", declaration, options, TimeSpan.FromSeconds(10), Path.GetTempPath(), time, loggers);
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

        // The log: the failure once at Warning (then at Debug while it repeats), and the end as what it is.
        var warnings = log.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains("exited with code 7 (restart 1 of at most 2)", warnings[0], StringComparison.Ordinal);
        Assert.Contains("exited with code 7; gave up after 2 restart(s) (Plugins:McpMaxRestarts)", warnings[1], StringComparison.Ordinal);
        Assert.DoesNotContain(log.Entries, e => e.Message.Contains("restart 3 of at most 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ServerThatFloodsStdoutBeforeTheHandshake_IsStopped_AfterMcpMaxMessageBytes_NotAtTheStartTimeout()
    {
        // Arrange: short lines of noise, forever; the start timeout (on a clock that does not move) never comes.
        var options = new McpPluginOptions { McpMaxRestarts = 0, McpMaxMessageBytes = 65536 };
        var declaration = new McpServerDeclaration { Command = "/bin/sh" };
        declaration.Args.Add("-c");
        declaration.Args.Add("exec yes 'not the protocol'");
        await using var connection = new McpServerConnection("noisy", declaration, options, TimeSpan.FromSeconds(10), Path.GetTempPath(), new FakeTimeProvider(), LoggerFactory.Create(_ => { }));

        // Act
        await connection.StartAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(McpServerState.Failed, connection.State);
        Assert.Contains("over 65536 bytes to stdout without completing the handshake", connection.Reason, StringComparison.Ordinal);
    }
}
