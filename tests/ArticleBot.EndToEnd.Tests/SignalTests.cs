using System.Diagnostics;
using System.Globalization;

namespace ArticleBot.EndToEnd.Tests;

/// <summary>SIGINT and SIGTERM end a command whatever it is blocked on: stdin, a plugin that never yields.</summary>
public sealed class SignalTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("articlebot-signals-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Sigterm_WhileTheBatchWaitsOnStdin_EndsTheProcess()
    {
        // Arrange: stdin stays open and silent.
        using var process = BotProcess.Start(["ask", "--json", "-"]);
        await WaitForStartAsync(process);

        // Act
        var code = await SignalAsync(process, "TERM");

        // Assert
        Assert.Equal(143, code);
    }

    [Fact]
    public async Task Sigint_WhileAPluginBlocksItsThread_EndsTheProcess()
    {
        Assert.SkipWhen(BotProcess.SigIntIgnored, "SIGINT is ignored by this test run (started as a background job), so the bot cannot receive it");

        // Arrange: a synchronous plugin function that never returns, with a call budget far longer than the test.
        var configuration = new DirectoryInfo(BotProcess.OutputDirectory).Name;
        var output = Path.Combine(BotProcess.OutputDirectory, "..", "..", "ArticleBot.TestPlugins.Hostile", configuration);
        var target = Directory.CreateDirectory(Path.Combine(_root, "ArticleBot.TestPlugins.Hostile")).FullName;
        foreach (var file in Directory.GetFiles(output))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        using var process = BotProcess.Start(["call", "Blocker.block", $"--Plugins:Directories:0={_root}", "--Plugins:CallTimeoutSeconds=600", "--Plugins:LoadTimeoutSeconds=1"]);
        await WaitForStartAsync(process);

        // Act
        var code = await SignalAsync(process, "INT");

        // Assert: ended, as interrupted: whether the call was cancelled or the watchdog gave up on it, 130.
        Assert.Equal(130, code);
    }

    /// <summary>
    /// Lets the process get going. Nothing depends on how far it got: signalled during start-up or while blocked, it
    /// must end with the signal's exit code, so the wait only makes the blocked case the likely one.
    /// </summary>
    private static async Task WaitForStartAsync(Process process)
    {
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        Assert.False(process.HasExited, "the process ended before it was signalled");
    }

    private static async Task<int> SignalAsync(Process process, string signal)
    {
        using (var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(Ct);
        }

        // Generous: the bot's own bound is 2 s after the signal.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }
}
