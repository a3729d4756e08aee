namespace ArticleBot.Core.Plugins.Mcp;

/// <summary>A server sent a message larger than <see cref="McpPluginOptions.McpMaxMessageBytes"/>.</summary>
public sealed class McpMessageTooLargeException(string message) : IOException(message);

/// <summary>
/// Reads a server's stdout for the MCP client and fails the read as soon as one line (one JSON-RPC message) grows past
/// a limit, so a server that writes a gigabyte without a newline costs a bounded buffer, not the bot's memory.
/// </summary>
internal sealed class BoundedLineStream(Stream inner, int maxLineBytes, Action<McpMessageTooLargeException> onOverflow) : Stream
{
    private long _lineBytes;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Check(inner.Read(buffer, offset, count), buffer.AsSpan(offset));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Check(await inner.ReadAsync(buffer, cancellationToken), buffer.Span);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Check(int read, Span<byte> data)
    {
        var chunk = data[..read];
        var newline = chunk.LastIndexOf((byte)'\n');
        _lineBytes = newline < 0 ? _lineBytes + read : read - newline - 1;
        if (_lineBytes > maxLineBytes)
        {
            var error = new McpMessageTooLargeException($"sent a message over {maxLineBytes} bytes (Plugins:McpMaxMessageBytes)");
            onOverflow(error);
            throw error;
        }

        return read;
    }
}
