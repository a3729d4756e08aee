using System.Text.Json;

namespace ArticleBot.EndToEnd.Tests;

/// <summary>
/// `ArticleBot mcp` over stdio with raw JSON-RPC lines, as a careless or hostile client writes them: every line is
/// answered, the session goes on, and stderr holds no stack trace.
/// </summary>
public sealed class McpStdioTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MalformedLinesAndBadRequests_AreEachAnswered_WithoutAStackTraceOnStderr()
    {
        using var bot = BotProcess.Start(["mcp"]);
        var stderr = bot.StandardError.ReadToEndAsync(Ct);
        try
        {
            var parse = await ExchangeAsync(bot, "{not json");
            var early = await ExchangeAsync(bot, """{"jsonrpc":"2.0","id":1,"method":"tools/list"}""");
            var initialize = await ExchangeAsync(bot, """{"jsonrpc":"2.0","id":2,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""");
            var unknownTool = await ExchangeAsync(bot, """{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"no_such_tool","arguments":{}}}""");
            var unknownResource = await ExchangeAsync(bot, """{"jsonrpc":"2.0","id":4,"method":"resources/read","params":{"uri":"passage://nope%23p999"}}""");
            var noParams = await ExchangeAsync(bot, """{"jsonrpc":"2.0","id":5,"method":"tools/call"}""");
            var badArgument = await ExchangeAsync(bot, """{"jsonrpc":"2.0","id":6,"method":"tools/call","params":{"name":"search","arguments":{"query":"騰訊","top":"many"}}}""");
            bot.StandardInput.Close();
            await bot.WaitForExitAsync(Ct).WaitAsync(TimeSpan.FromSeconds(60), Ct);

            Assert.Equal(-32700, parse.GetProperty("error").GetProperty("code").GetInt32());
            Assert.Equal(-32600, early.GetProperty("error").GetProperty("code").GetInt32());
            Assert.True(initialize.TryGetProperty("result", out _));
            Assert.Equal(-32602, unknownTool.GetProperty("error").GetProperty("code").GetInt32());
            Assert.True(unknownResource.TryGetProperty("error", out _));
            Assert.Equal(-32602, noParams.GetProperty("error").GetProperty("code").GetInt32());
            Assert.True(badArgument.GetProperty("result").GetProperty("isError").GetBoolean());
            Assert.Equal(0, bot.ExitCode);
            var log = await stderr;
            Assert.DoesNotContain("   at ", log, StringComparison.Ordinal);
            Assert.DoesNotContain("End of stack trace", log, StringComparison.Ordinal);
            Assert.DoesNotContain("NullReferenceException", log, StringComparison.Ordinal);
        }
        finally
        {
            if (!bot.HasExited)
            {
                bot.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>Writes one line and reads the answer; a line left unanswered hangs until the bound.</summary>
    private static async Task<JsonElement> ExchangeAsync(System.Diagnostics.Process bot, string line)
    {
        await bot.StandardInput.WriteLineAsync(line.AsMemory(), Ct);
        await bot.StandardInput.FlushAsync(Ct);
        var answer = await bot.StandardOutput.ReadLineAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(60), Ct);
        Assert.NotNull(answer);
        using var json = JsonDocument.Parse(answer);
        return json.RootElement.Clone();
    }
}
