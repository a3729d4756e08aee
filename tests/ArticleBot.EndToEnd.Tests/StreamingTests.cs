using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace ArticleBot.EndToEnd.Tests;

/// <summary>
/// The machine interfaces stream: <c>ask --json -</c> and <c>chat --json</c> write each answer as soon as its line is
/// read, so a program can send one line and wait for its answer. Driven turn by turn through a pipe, as such a program
/// would; stdin stays open until the end.
/// </summary>
public sealed class StreamingTests(BotSessions sessions)
{
    /// <summary>Only a hang reaches it (the answer then never comes, whatever the wait).</summary>
    private static readonly TimeSpan s_answerBound = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AskBatchJson_AnswersEachLine_BeforeTheNextLineIsSent()
    {
        // The shared process reads each answer before it sends the next line; at the end of the run it closes stdin
        // and checks the exit code is 0 (BotSession.DisposeAsync).
        var answers = await sessions.AskJson.ExchangeAsync("英偉達的市值突破了多少？", "OpenAI的廣告業務每年可能帶來多少收入？");

        Assert.Contains("5萬億", answers[0].GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Contains("250億美元", answers[1].GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChatJson_AnswersEachTurn_BeforeTheNextTurnIsSent_InOneConversation()
    {
        // The shared process reads each answer before it sends the next line.
        var answers = await sessions.ChatJson.ExchangeAsync("豆包是哪家公司的產品？", "那元寶呢？");

        Assert.Contains("字節", answers[0].GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Matches(@"^騰訊\[\d+\]：", answers[1].GetProperty("answer").GetString()); // the follow-up used the first turn
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE }, "UTF-16")]
    [InlineData(new byte[] { 0xFE, 0xFF }, "UTF-16BE")]
    public async Task AskBatch_InputWithAUtf16ByteOrderMark_IsRefusedWithOneLine_Exit2(byte[] mark, string named)
    {
        // The bytes of a UTF-8 question after a UTF-16 byte-order mark: read as UTF-16, they were one line of noise.
        using var process = BotProcess.Start(["ask", "--json", "-"]);
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        await process.StandardInput.BaseStream.WriteAsync(mark.Concat(Encoding.UTF8.GetBytes("英偉達的市值突破了多少？\n")).ToArray(), Ct);
        process.StandardInput.Close();
        await process.WaitForExitAsync(Ct).WaitAsync(s_answerBound, Ct);

        Assert.Equal(2, process.ExitCode);
        Assert.Equal(string.Empty, await stdout);
        var error = Assert.Single((await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"{named} byte-order mark", error, StringComparison.Ordinal);
        Assert.Contains("UTF-8", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskBatch_Utf8ByteOrderMark_IsSkipped()
    {
        var run = await BotProcess.RunAsync(["ask", "--json", "-"], "\uFEFF英偉達的市值突破了多少？\n", cancellationToken: Ct);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("英偉達的市值突破了多少？", json.RootElement.GetProperty("question").GetString());
    }

    [Fact]
    public async Task Ask_WithStdoutClosed_SaysSoInOneLine_Exit1()
    {
        // `ask … >&-`: descriptor 1 is closed when the bot starts.
        var start = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = BotProcess.OutputDirectory,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec dotnet ArticleBot.dll ask \"英偉達的市值突破了多少？\" >&-");
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct).WaitAsync(s_answerBound, Ct);

        Assert.Equal(1, process.ExitCode);
        var error = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: stdout is closed", error, StringComparison.Ordinal);
    }
}
