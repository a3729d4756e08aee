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
    public async Task Chat_EndOfInput_ExitsCleanly()
    {
        var run = await BotProcess.RunAsync([], "腾讯春节活动要分多少现金红包？\n", cancellationToken: Ct);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("10億", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_SourcesBeforeAnyAnswer_SaysSo()
    {
        var run = await BotProcess.RunAsync([], "/sources\n", cancellationToken: Ct);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("No answer yet", run.Stdout, StringComparison.Ordinal);
    }
}

public sealed class ChatInterruptTests
{
    [Fact]
    public async Task Chat_CtrlC_StopsCleanlyWhileWaitingForInput()
    {
        Assert.SkipWhen(BotProcess.SigIntIgnored, "SIGINT is ignored by this test run (started as a background job), so the bot cannot receive it");

        // Arrange: a chat whose stdin stays open, so it is blocked reading the next line.
        var ct = TestContext.Current.CancellationToken;
        using var process = BotProcess.Start([]);
        await process.StandardInput.WriteLineAsync("英偉達的市值突破了多少？".AsMemory(), ct);
        await process.StandardInput.FlushAsync(ct);
        string? line;
        while ((line = await process.StandardOutput.ReadLineAsync(ct)) is not null && !line.Contains("5萬億", StringComparison.Ordinal))
        {
        }

        Assert.NotNull(line);

        // Act: SIGINT, as Ctrl+C in a terminal sends.
        using (var kill = System.Diagnostics.Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(ct);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        await process.WaitForExitAsync(timeout.Token);

        // Assert
        Assert.Equal(0, process.ExitCode);
    }
}
