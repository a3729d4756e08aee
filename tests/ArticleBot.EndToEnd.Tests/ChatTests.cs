namespace ArticleBot.EndToEnd.Tests;

public sealed class ChatTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Chat_SessionThroughStdin_AnswersShowsSourcesAndQuits()
    {
        // Arrange
        var stdin = "/help\nOpenAI的廣告業務每年可能帶來多少收入？\n/sources\n/nonsense\n/quit\nnever asked\n";

        // Act
        var run = await BotProcess.RunAsync([], stdin, cancellationToken: Ct);

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("/sources", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("250億美元", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Unknown command /nonsense", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("never asked", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_SourcesBeforeAnyAnswer_SaysSo_AndTheEndOfInputExitsCleanly()
    {
        // One process for both (each start is about a second of CPU): /sources first, then a question, then the input ends.
        var run = await BotProcess.RunAsync([], "/sources\n腾讯春节活动要分多少现金红包？\n", cancellationToken: Ct);

        Assert.Equal(0, run.ExitCode);
        var noAnswer = run.Stdout.IndexOf("No answer yet", StringComparison.Ordinal);
        Assert.True(noAnswer >= 0, run.Stdout);
        Assert.Contains("10億", run.Stdout[noAnswer..], StringComparison.Ordinal); // answered after, then ended at end of input
    }
}

public sealed class ChatInterruptTests
{
    [Fact]
    public async Task Chat_CtrlC_StopsCleanlyWhileWaitingForInput_Exit130()
    {
        Assert.SkipWhen(BotProcess.SigIntIgnored, "SIGINT is ignored by this test run (started as a background job), so the bot cannot receive it");

        // SIGINT, as Ctrl+C in a terminal sends.
        Assert.Equal(130, await AnswerThenSignalAsync("INT"));
    }

    [Fact]
    public async Task Chat_Sigterm_StopsGracefullyWhileWaitingForInput_Exit143()
    {
        // The chat stops gracefully (it is waiting for a line, nothing to cut short), and still reports the signal.
        Assert.Equal(143, await AnswerThenSignalAsync("TERM"));
    }

    /// <summary>Answers one question in a chat whose stdin stays open, signals it while it waits for the next line, and returns its exit code.</summary>
    private static async Task<int> AnswerThenSignalAsync(string signal)
    {
        var ct = TestContext.Current.CancellationToken;
        using var process = BotProcess.Start([]);
        await process.StandardInput.WriteLineAsync("英偉達的市值突破了多少？".AsMemory(), ct);
        await process.StandardInput.FlushAsync(ct);
        string? line;
        while ((line = await process.StandardOutput.ReadLineAsync(ct)) is not null && !line.Contains("5萬億", StringComparison.Ordinal))
        {
        }

        Assert.NotNull(line);
        using (var kill = System.Diagnostics.Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(ct);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }
}
