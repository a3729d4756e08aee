namespace ArticleBot.Core.Plugins.Mcp;

/// <summary>A server sent more than <see cref="McpPluginOptions.McpMaxMessageBytes"/> (one message, or output that is not the protocol).</summary>
public sealed class McpMessageTooLargeException(string message) : IOException(message);

/// <summary>
/// Reads a server's stdout for the MCP client and fails the read as soon as the server floods it, so that a server that
/// misbehaves costs a bounded buffer and a bounded amount of parsing, not the bot's memory or a core for as long as it
/// likes. Each bound is <c>Plugins:McpMaxMessageBytes</c>:
/// <list type="bullet">
/// <item>one line (one JSON-RPC message): a server that writes a gigabyte without a newline;</item>
/// <item>everything before the handshake (<see cref="Handshaken"/>): a server that never answers initialize but
/// writes, which the client would parse line by line until the start timeout;</item>
/// <item>lines that are not JSON objects (logs on stdout), over the whole run.</item>
/// </list>
/// </summary>
internal sealed class BoundedLineStream(Stream inner, int maxBytes, Action<McpMessageTooLargeException> onOverflow) : Stream
{
    private long _lineBytes;
    private long _beforeHandshake;
    private long _noise;
    private bool _lineStarted;
    private bool _lineIsNoise;
    private volatile bool _handshaken;

    /// <summary>Set once the server answered initialize and listed its tools: from then on only lines and noise are bounded.</summary>
    public bool Handshaken
    {
        get => _handshaken;
        set => _handshaken = value;
    }

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
        if (!_handshaken && (_beforeHandshake += read) > maxBytes)
        {
            Fail($"wrote over {maxBytes} bytes to stdout without completing the handshake (Plugins:McpMaxMessageBytes)");
        }

        while (chunk.Length > 0)
        {
            var newline = chunk.IndexOf((byte)'\n');
            var segment = newline < 0 ? chunk : chunk[..newline];
            if (!_lineStarted && segment.IndexOfAnyExcept(" \t\r"u8) is var first and >= 0)
            {
                _lineStarted = true;
                _lineIsNoise = segment[first] != (byte)'{';
            }

            _lineBytes += segment.Length;
            if (_lineIsNoise)
            {
                _noise += segment.Length;
            }

            if (_lineBytes > maxBytes)
            {
                Fail($"sent a message over {maxBytes} bytes (Plugins:McpMaxMessageBytes)");
            }

            if (_noise > maxBytes)
            {
                Fail($"wrote over {maxBytes} bytes that are not JSON-RPC to stdout; stdout is for the protocol, logs go to stderr (Plugins:McpMaxMessageBytes)");
            }

            if (newline < 0)
            {
                break;
            }

            _lineBytes = 0;
            _lineStarted = false;
            _lineIsNoise = false;
            chunk = chunk[(newline + 1)..];
        }

        return read;
    }

    private void Fail(string message)
    {
        var error = new McpMessageTooLargeException(message);
        onOverflow(error);
        throw error;
    }
}
