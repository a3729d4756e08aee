using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace ArticleBot.Mcp;

/// <summary>
/// The stdio transport of <c>ArticleBot mcp</c>: one JSON-RPC message per line in, one per line out. Unlike the SDK's
/// stream transport, which drops what it cannot parse without a word, every line gets an answer by the JSON-RPC 2.0
/// specification, as over HTTP: not JSON is −32700 (parse error); a batch, a value that is not an object, a missing or
/// wrong <c>jsonrpc</c>, an id that is neither a string nor an integer, or a line over
/// <see cref="ArticleMcpOptions.MaxRequestBytes"/> is −32600 (invalid request), with the request's id when it has a
/// usable one and <c>null</c> otherwise. A line that long is never held in memory: it is skipped as it arrives.
/// </summary>
public sealed partial class JsonRpcLineTransport : TransportBase
{
    private const int MaxDepth = 64;
    private static readonly byte[] s_newline = "\n"u8.ToArray();

    private readonly Stream _input;
    private readonly Stream _output;
    private readonly int _maxLineBytes;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _reading;
    private int _disposed;

    /// <summary>Starts reading <paramref name="input"/>; answers go to <paramref name="output"/>.</summary>
    public JsonRpcLineTransport(Stream input, Stream output, int maxLineBytes, ILoggerFactory? loggers)
        : base("stdio", loggers)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        _input = input;
        _output = output;
        _maxLineBytes = maxLineBytes;
        _logger = (ILogger?)loggers?.CreateLogger<JsonRpcLineTransport>() ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        SetConnected();
        _reading = Task.Run(ReadAsync);
    }

    /// <inheritdoc/>
    public override async Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!IsConnected)
        {
            return;
        }

        await WriteLineAsync(JsonSerializer.SerializeToUtf8Bytes(message, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage))), cancellationToken);
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        try
        {
            // A read blocked on stdin may not notice the cancellation; the process is ending anyway.
            await _reading.WaitAsync(TimeSpan.FromSeconds(1));
        }
        catch (TimeoutException)
        {
        }

        SetDisconnected();
        _stopping.Dispose();

        // The send lock is not disposed: a response may still be on its way out, and the lock holds no handle.
    }

    private async Task WriteLineAsync(byte[] json, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _output.WriteAsync(json, cancellationToken);
            await _output.WriteAsync(s_newline, cancellationToken);
            await _output.FlushAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            throw new IOException("cannot write to the client (stdout closed)", ex);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task ReadAsync()
    {
        var stopping = _stopping.Token;
        Exception? error = null;
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var line = new ArrayBufferWriter<byte>();
        var skipping = false;
        try
        {
            int read;
            while ((read = await _input.ReadAsync(buffer, stopping)) > 0)
            {
                var chunk = buffer.AsMemory(0, read);
                while (chunk.Length > 0)
                {
                    var newline = chunk.Span.IndexOf((byte)'\n');
                    var part = newline < 0 ? chunk : chunk[..newline];
                    if (!skipping)
                    {
                        if (line.WrittenCount + part.Length > _maxLineBytes)
                        {
                            // Too long: answer once (with the id, if the message gives it early), and drop the rest of
                            // the line as it arrives.
                            skipping = true;
                            var id = RecoverId(line.WrittenCount > 0 ? line.WrittenMemory : part);
                            line.Clear();
                            await RejectAsync(McpErrorCode.InvalidRequest, $"Invalid Request: the message is over {_maxLineBytes} bytes (Mcp:MaxRequestBytes).", id, stopping);
                        }
                        else
                        {
                            line.Write(part.Span);
                        }
                    }

                    if (newline < 0)
                    {
                        break;
                    }

                    if (!skipping)
                    {
                        await HandleLineAsync(line.WrittenMemory, stopping);
                    }

                    skipping = false;
                    line.Clear();
                    chunk = chunk[(newline + 1)..];
                }
            }

            if (!skipping && line.WrittenCount > 0)
            {
                await HandleLineAsync(line.WrittenMemory, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            error = ex;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            SetDisconnected(error);
        }
    }

    private async Task HandleLineAsync(ReadOnlyMemory<byte> line, CancellationToken cancellationToken)
    {
        var text = Trim(line);
        if (text.IsEmpty)
        {
            return;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException ex)
        {
            await RejectAsync(McpErrorCode.ParseError, $"Parse error: the line is not JSON ({FirstSentence(ex.Message)}).", null, cancellationToken);
            return;
        }

        using (document)
        {
            var (problem, id) = Check(document.RootElement);
            if (problem is not null)
            {
                await RejectAsync(McpErrorCode.InvalidRequest, problem, id, cancellationToken);
                return;
            }

            JsonRpcMessage? message;
            try
            {
                message = document.RootElement.Deserialize(McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage))) as JsonRpcMessage;
            }
            catch (JsonException ex)
            {
                await RejectAsync(McpErrorCode.InvalidRequest, $"Invalid Request: {FirstSentence(ex.Message)}", id, cancellationToken);
                return;
            }

            if (message is null)
            {
                await RejectAsync(McpErrorCode.InvalidRequest, "Invalid Request: not a JSON-RPC request, notification or response.", id, cancellationToken);
                return;
            }

            await WriteMessageAsync(message, cancellationToken);
        }
    }

    /// <summary>What makes a message invalid by JSON-RPC 2.0 and MCP, and the id to answer with (when usable).</summary>
    private static (string? Problem, JsonElement? Id) Check(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return (root.GetArrayLength() == 0
                ? "Invalid Request: an empty batch."
                : "Invalid Request: JSON-RPC batches are not supported (MCP 2025-06-18 and later); send one message per line.", null);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return ($"Invalid Request: a JSON-RPC message is an object, not {Describe(root)}.", null);
        }

        JsonElement? id = null;
        if (root.TryGetProperty("id", out var rawId))
        {
            if (rawId.ValueKind == JsonValueKind.String || (rawId.ValueKind == JsonValueKind.Number && rawId.TryGetInt64(out _)))
            {
                id = rawId;
            }
            else
            {
                return ($"Invalid Request: the id must be a string or an integer, not {Describe(rawId)}.", null);
            }
        }

        if (!root.TryGetProperty("jsonrpc", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != "2.0")
        {
            return ("Invalid Request: \"jsonrpc\" must be \"2.0\".", id);
        }

        if (root.TryGetProperty("method", out var method))
        {
            return method.ValueKind == JsonValueKind.String && method.GetString()!.Length > 0
                ? (null, id)
                : ("Invalid Request: \"method\" must be a non-empty string.", id);
        }

        return id is not null && (root.TryGetProperty("result", out _) || root.TryGetProperty("error", out _))
            ? (null, id)
            : ("Invalid Request: a request needs \"method\" (and an \"id\" to be answered).", id);
    }

    /// <summary>
    /// The id of a message too long to parse, from its first bytes: the top-level <c>"id"</c>, when it comes before the
    /// bulk (as clients write it), so that the client's pending request fails at once instead of timing out.
    /// </summary>
    private static JsonElement? RecoverId(ReadOnlyMemory<byte> start)
    {
        var reader = new Utf8JsonReader(start.Span[..Math.Min(start.Length, 64 * 1024)], isFinalBlock: false, new JsonReaderState(new JsonReaderOptions { MaxDepth = MaxDepth }));
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("id"u8))
                {
                    if (!reader.Read() || reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number))
                    {
                        return null;
                    }

                    var id = JsonDocument.ParseValue(ref reader).RootElement.Clone();
                    return id.ValueKind == JsonValueKind.String || id.TryGetInt64(out _) ? id : null;
                }
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    private async Task RejectAsync(McpErrorCode code, string message, JsonElement? id, CancellationToken cancellationToken)
    {
        Log.Rejected(_logger, (int)code, message);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WritePropertyName("id");
            if (id is { } value)
            {
                value.WriteTo(writer);
            }
            else
            {
                writer.WriteNullValue();
            }

            writer.WriteStartObject("error");
            writer.WriteNumber("code", (int)code);
            writer.WriteString("message", message);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        try
        {
            await WriteLineAsync(buffer.WrittenSpan.ToArray(), cancellationToken);
        }
        catch (IOException)
        {
            // The client is gone; the read loop ends with its input.
        }
    }

    private static ReadOnlyMemory<byte> Trim(ReadOnlyMemory<byte> line)
    {
        var span = line.Span;
        int start = 0, end = span.Length;
        while (start < end && span[start] is (byte)' ' or (byte)'\t' or (byte)'\r')
        {
            start++;
        }

        while (end > start && span[end - 1] is (byte)' ' or (byte)'\t' or (byte)'\r')
        {
            end--;
        }

        return line[start..end];
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => value.TryGetInt64(out _) ? "a number" : "a number that is not an integer",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        var text = (end < 0 ? message : message[..end]).TrimEnd('.');
        return text.Length > 200 ? text[..200] + "…" : text;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 7003, EventName = "McpMessageRejected", Level = LogLevel.Debug, Message = "MCP message rejected with {Code}: {Reason}")]
        public static partial void Rejected(ILogger logger, int code, string reason);
    }
}
