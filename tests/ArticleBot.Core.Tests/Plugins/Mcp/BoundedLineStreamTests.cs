using System.Text;
using ArticleBot.Core.Plugins.Mcp;

namespace ArticleBot.Core.Tests.Plugins.Mcp;

#pragma warning disable CA2022 // the test reads chunk by chunk on purpose: the count of each read is what it checks

public sealed class BoundedLineStreamTests
{
    [Fact]
    public async Task LinesWithinTheLimit_PassThrough_ALongerLineFailsTheRead()
    {
        var data = Encoding.ASCII.GetBytes("0123456789\n0123456789\n" + new string('x', 100));
        McpMessageTooLargeException? reported = null;
        await using var stream = new BoundedLineStream(new MemoryStream(data), maxLineBytes: 16, e => reported = e);
        var buffer = new byte[11];

        Assert.Equal(11, await stream.ReadAsync(buffer, TestContext.Current.CancellationToken)); // "0123456789\n"
        Assert.Equal(11, await stream.ReadAsync(buffer, TestContext.Current.CancellationToken));
        Assert.Equal(11, await stream.ReadAsync(buffer, TestContext.Current.CancellationToken)); // 11 of the long line
        var error = await Assert.ThrowsAsync<McpMessageTooLargeException>(async () => await stream.ReadAsync(buffer, TestContext.Current.CancellationToken));

        Assert.Same(error, reported);
        Assert.Contains("over 16 bytes", error.Message, StringComparison.Ordinal);
    }
}
