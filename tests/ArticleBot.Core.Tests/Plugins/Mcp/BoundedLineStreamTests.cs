using System.Text;
using ArticleBot.Core.Plugins.Mcp;

namespace ArticleBot.Core.Tests.Plugins.Mcp;

#pragma warning disable CA2022 // the test reads chunk by chunk on purpose: the count of each read is what it checks

public sealed class BoundedLineStreamTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LinesWithinTheLimit_PassThrough_ALongerLineFailsTheRead()
    {
        var data = Encoding.ASCII.GetBytes("{23456789}\n{23456789}\n{" + new string('x', 100));
        McpMessageTooLargeException? reported = null;
        await using var stream = new BoundedLineStream(new MemoryStream(data), maxBytes: 16, e => reported = e) { Handshaken = true };
        var buffer = new byte[11];

        Assert.Equal(11, await stream.ReadAsync(buffer, Ct)); // "{23456789}\n"
        Assert.Equal(11, await stream.ReadAsync(buffer, Ct));
        Assert.Equal(11, await stream.ReadAsync(buffer, Ct)); // 11 of the long line
        var error = await Assert.ThrowsAsync<McpMessageTooLargeException>(async () => await stream.ReadAsync(buffer, Ct));

        Assert.Same(error, reported);
        Assert.Contains("over 16 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutputBeforeTheHandshake_IsBounded_EvenInShortLines()
    {
        // A server that never answers initialize but writes: the client would parse its lines until the start timeout.
        var data = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("{\"x\":1}\n", 10)));
        await using var stream = new BoundedLineStream(new MemoryStream(data), maxBytes: 32, _ => { });
        var buffer = new byte[16];

        Assert.Equal(16, await stream.ReadAsync(buffer, Ct));
        Assert.Equal(16, await stream.ReadAsync(buffer, Ct));
        var error = await Assert.ThrowsAsync<McpMessageTooLargeException>(async () => await stream.ReadAsync(buffer, Ct));

        Assert.Contains("without completing the handshake", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinesThatAreNotJson_AreBoundedInAll_AfterTheHandshakeToo()
    {
        // Logs on stdout, one short line after another: each is within the line bound, all of them are not.
        var data = Encoding.ASCII.GetBytes("{\"jsonrpc\":\"2.0\"}\n" + string.Concat(Enumerable.Repeat("log line\n", 10)));
        await using var stream = new BoundedLineStream(new MemoryStream(data), maxBytes: 40, _ => { }) { Handshaken = true };
        var buffer = new byte[64];

        var error = await Assert.ThrowsAsync<McpMessageTooLargeException>(async () =>
        {
            while (await stream.ReadAsync(buffer, Ct) > 0)
            {
            }
        });

        Assert.Contains("not JSON-RPC", error.Message, StringComparison.Ordinal);
    }
}
