using System.Buffers;
using System.Net.WebSockets;
using System.Text;

namespace ArticleBot.Discord.Gateway;

/// <summary>A frame read from the gateway: a whole text message, or the close the server sent.</summary>
public readonly record struct GatewayFrame(string? Text, int? CloseCode, string? CloseReason)
{
    /// <summary>True when the connection closed.</summary>
    public bool IsClose => Text is null;
}

/// <summary>The socket under the gateway client; faked in tests only through a real WebSocket server.</summary>
public interface IGatewayTransport : IDisposable
{
    /// <summary>Opens the connection.</summary>
    Task ConnectAsync(Uri uri, CancellationToken cancellationToken);

    /// <summary>Sends one text message.</summary>
    Task SendAsync(string text, CancellationToken cancellationToken);

    /// <summary>Reads one whole message (all its fragments), or the close.</summary>
    Task<GatewayFrame> ReceiveAsync(CancellationToken cancellationToken);

    /// <summary>Closes with a code; gives up and aborts when the server does not answer the close in time.</summary>
    Task CloseAsync(int code, string reason, TimeSpan timeout);
}

/// <summary>Creates transports, one per connection.</summary>
public interface IGatewayTransportFactory
{
    /// <summary>A new, unconnected transport.</summary>
    IGatewayTransport Create();
}

/// <summary><see cref="ClientWebSocket"/> transport: reads until EndOfMessage; the close handshake is bounded.</summary>
public sealed class WebSocketGatewayTransport : IGatewayTransport
{
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    /// <inheritdoc/>
    public Task ConnectAsync(Uri uri, CancellationToken cancellationToken) => _socket.ConnectAsync(uri, cancellationToken);

    /// <inheritdoc/>
    public async Task SendAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetBytes(text);
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<GatewayFrame> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var message = new MemoryStream();
            while (true)
            {
                ValueWebSocketReceiveResult result;
                try
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                }
                catch (Exception ex) when (ex is WebSocketException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    // A dropped or aborted connection reads as a close without a code.
                    return new GatewayFrame(null, (int?)_socket.CloseStatus, _socket.CloseStatusDescription ?? "connection lost");
                }

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return new GatewayFrame(null, (int?)_socket.CloseStatus, _socket.CloseStatusDescription);
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    return new GatewayFrame(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length), null, null);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <inheritdoc/>
    public async Task CloseAsync(int code, string reason, TimeSpan timeout)
    {
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            _socket.Abort();
            return;
        }

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            // A hung close handshake (dotnet/runtime#51590) must not hang the bot.
            await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, cts.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            _socket.Abort();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _socket.Dispose();
        _sendLock.Dispose();
    }
}

/// <summary>Makes <see cref="WebSocketGatewayTransport"/>s.</summary>
public sealed class WebSocketGatewayTransportFactory : IGatewayTransportFactory
{
    /// <inheritdoc/>
    public IGatewayTransport Create() => new WebSocketGatewayTransport();
}
