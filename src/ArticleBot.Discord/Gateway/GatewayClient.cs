using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using ArticleBot.Discord.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArticleBot.Discord.Gateway;

/// <summary>A dispatch event (op 0) from the gateway.</summary>
/// <param name="Type">The event name, e.g. <c>MESSAGE_CREATE</c>.</param>
/// <param name="Data">The event's <c>d</c>.</param>
/// <param name="Sequence">Its sequence number.</param>
/// <param name="ShardId">The shard it came on.</param>
/// <param name="Ready">For READY: the parsed event (READY is parsed once, here).</param>
public sealed record GatewayDispatch(string Type, JsonElement Data, long Sequence, int ShardId = 0, ReadyEvent? Ready = null);

/// <summary>Which shard a gateway connection is: <c>shard: [Id, Count]</c> in Identify.</summary>
/// <param name="Id">This shard.</param>
/// <param name="Count">All shards of the bot (across every process).</param>
public readonly record struct ShardInfo(int Id, int Count);

/// <summary>
/// One shard's Discord gateway v10 connection (JSON, no compression), with its own session, sequence, heartbeat
/// and resume URL: Hello → heartbeats with initial jitter and ACK tracking
/// (a missed ACK is a zombie connection: close with a resumable code and resume); Identify or Resume; dispatch
/// events into the shared event stream (<see cref="GatewayShards.Events"/>) without ever blocking the receive loop; reconnects with capped, jittered
/// backoff, resuming on <c>resume_gateway_url</c> when the session allows it; stops on fatal close codes.
/// </summary>
public sealed partial class GatewayClient(
    ShardInfo shard,
    string gatewayUrl,
    IGatewayTransportFactory transports,
    IdentifyLimiter identifies,
    DiscordSession session,
    ChannelWriter<GatewayDispatch> events,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<GatewayClient> logger)
{
    private const string Query = "v=10&encoding=json";
    private static readonly TimeSpan s_closeTimeout = TimeSpan.FromSeconds(5);

    private readonly TimeProvider _time = time;
    private readonly ILogger _logger = logger;
    private readonly SendRateLimiter _sendLimiter = new(time);
    private long _sequence = -1;
    private int _failedAttempts;

    /// <summary>The shard this connection is.</summary>
    public ShardInfo Shard => shard;

    /// <summary>The session id from READY, while the session is resumable.</summary>
    public string? SessionId { get; private set; }

    /// <summary>Where to resume, from READY.</summary>
    public string? ResumeUrl { get; private set; }

    /// <summary>Why the client stopped for good, when a fatal close code ended it.</summary>
    public string? FatalReason { get; private set; }

    /// <summary>Connects and keeps the connection until <paramref name="cancellationToken"/> is cancelled or a fatal close.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var resume = SessionId is not null && ResumeUrl is not null;
                CloseAction action;
                TimeSpan? requestedDelay = null;
                try
                {
                    var url = resume ? ResumeUrl! : gatewayUrl;
                    (action, requestedDelay) = await RunConnectionAsync(WithQuery(url), resume, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    // Whatever broke this connection (network, a malformed payload), the bot reconnects.
                    Log.ConnectionFailed(_logger, ex.Message);
                    action = resume ? CloseAction.Resume : CloseAction.Identify;
                }

                if (action == CloseAction.Stop)
                {
                    return;
                }

                if (action == CloseAction.Identify)
                {
                    SessionId = null;
                    ResumeUrl = null;
                    _sequence = -1;
                }

                var delay = requestedDelay ?? Backoff(_failedAttempts++);
                var delayMs = (long)delay.TotalMilliseconds;
                var next = action == CloseAction.Resume ? "resume" : "identify";
                DiscordTelemetry.Reconnects.Add(1, new KeyValuePair<string, object?>("discord.shard", shard.Id), new KeyValuePair<string, object?>("discord.reconnect.action", next));
                Log.Reconnecting(_logger, shard.Id, next, delayMs);
                await Task.Delay(delay, _time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Capped exponential backoff with ±25 % jitter: 1 s, 2 s, 4 s … up to Discord:MaxReconnectDelaySeconds.</summary>
    internal TimeSpan Backoff(int attempt)
    {
        var cap = TimeSpan.FromSeconds(options.Value.MaxReconnectDelaySeconds);
        var baseDelay = TimeSpan.FromSeconds(Math.Min(cap.TotalSeconds, Math.Pow(2, Math.Min(attempt, 16))));
        var jitter = 0.75 + (Random.Shared.NextDouble() * 0.5);
        return TimeSpan.FromMilliseconds(Math.Min(cap.TotalMilliseconds, baseDelay.TotalMilliseconds * jitter));
    }

    private static Uri WithQuery(string url)
    {
        var builder = new UriBuilder(url) { Query = Query };
        return builder.Uri;
    }

    /// <summary>One connection, from connect to close. Returns what to do next.</summary>
    private async Task<(CloseAction Action, TimeSpan? Delay)> RunConnectionAsync(Uri uri, bool resume, CancellationToken cancellationToken)
    {
        using var transport = transports.Create();
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var endpoint = uri.GetLeftPart(UriPartial.Path);
        Log.Connecting(_logger, shard.Id, endpoint, resume);
        await transport.ConnectAsync(uri, cancellationToken);
        _sendLimiter.Reset();

        // Hello must come first, and soon.
        var hello = await ReceiveWithTimeoutAsync(transport, TimeSpan.FromSeconds(options.Value.HelloTimeoutSeconds), connection.Token);
        if (hello is null)
        {
            Log.HelloTimeout(_logger);
            await transport.CloseAsync(GatewayCloseCodes.ResumableClose, "no hello", s_closeTimeout);
            return (resume ? CloseAction.Resume : CloseAction.Identify, null);
        }

        if (hello.Value.IsClose)
        {
            return OnServerClose(hello.Value.CloseCode);
        }

        using (var helloPayload = JsonDocument.Parse(hello.Value.Text!))
        {
            var op = (GatewayOpCode)helloPayload.RootElement.GetProperty("op").GetInt32();
            if (op == GatewayOpCode.Reconnect)
            {
                await transport.CloseAsync(GatewayCloseCodes.ResumableClose, "reconnect", s_closeTimeout);
                return (CloseAction.Resume, TimeSpan.Zero);
            }

            if (op != GatewayOpCode.Hello)
            {
                await transport.CloseAsync(GatewayCloseCodes.ResumableClose, "expected hello", s_closeTimeout);
                return (resume ? CloseAction.Resume : CloseAction.Identify, null);
            }

            var interval = TimeSpan.FromMilliseconds(helloPayload.RootElement.GetProperty("d").GetProperty("heartbeat_interval").GetDouble());
            var heartbeat = new Heartbeat(this, transport, interval);
            var heartbeatTask = heartbeat.RunAsync(connection.Token);

            // Shutting down closes with 1000, which ends the session so the bot goes offline at once. The pending
            // read is not cancelled (that would abort the socket before the close frame); it ends with the close.
            using var shutdown = cancellationToken.Register(() => _ = transport.CloseAsync(1000, "shutting down", s_closeTimeout));
            try
            {
                if (!resume)
                {
                    // The session start limit: this shard's max_concurrency bucket, one identify per 5 s.
                    await identifies.WaitAsync(shard.Id, connection.Token);
                }

                await SendAsync(transport, resume ? ResumePayload() : IdentifyPayload(), connection.Token);
                return await ReceiveLoopAsync(transport, heartbeat, cancellationToken);
            }
            finally
            {
                await connection.CancelAsync();
                await heartbeatTask;
            }
        }
    }

    private async Task<(CloseAction, TimeSpan?)> ReceiveLoopAsync(IGatewayTransport transport, Heartbeat heartbeat, CancellationToken cancellationToken)
    {
        while (true)
        {
            var frame = await transport.ReceiveAsync(CancellationToken.None);
            if (frame.IsClose)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return (CloseAction.Stop, null);
                }

                return heartbeat.Zombie ? (CloseAction.Resume, TimeSpan.Zero) : OnServerClose(frame.CloseCode);
            }

            using var payload = JsonDocument.Parse(frame.Text!);
            var root = payload.RootElement;
            switch ((GatewayOpCode)root.GetProperty("op").GetInt32())
            {
                case GatewayOpCode.Dispatch:
                    OnDispatch(root);
                    break;
                case GatewayOpCode.Heartbeat:
                    await heartbeat.BeatNowAsync(cancellationToken);
                    break;
                case GatewayOpCode.HeartbeatAck:
                    heartbeat.Acknowledge();
                    break;
                case GatewayOpCode.Reconnect:
                    Log.ReconnectRequested(_logger);
                    await transport.CloseAsync(GatewayCloseCodes.ResumableClose, "reconnect requested", s_closeTimeout);
                    return (CloseAction.Resume, TimeSpan.Zero);
                case GatewayOpCode.InvalidSession:
                    var resumable = root.TryGetProperty("d", out var d) && d.ValueKind == JsonValueKind.True;
                    Log.InvalidSession(_logger, resumable);
                    await transport.CloseAsync(GatewayCloseCodes.ResumableClose, "invalid session", s_closeTimeout);
                    return resumable
                        ? (CloseAction.Resume, TimeSpan.Zero)
                        : (CloseAction.Identify, TimeSpan.FromMilliseconds(1000 + Random.Shared.Next(4000)));
            }
        }
    }

    private (CloseAction, TimeSpan?) OnServerClose(int? code)
    {
        var action = GatewayCloseCodes.ActionFor(code);
        if (action == CloseAction.Stop)
        {
            FatalReason = GatewayCloseCodes.Describe(code, shard);
            Log.FatalClose(_logger, shard.Id, code ?? 0, FatalReason);
        }
        else
        {
            Log.ServerClosed(_logger, shard.Id, code ?? 0, GatewayCloseCodes.Describe(code, shard));
        }

        return (action, null);
    }

    private void OnDispatch(JsonElement root)
    {
        if (root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number)
        {
            _sequence = s.GetInt64();
        }

        var type = root.GetProperty("t").GetString() ?? string.Empty;
        var data = root.GetProperty("d").Clone();
        ReadyEvent? ready = null;
        if (type == "READY")
        {
            ready = data.Deserialize(DiscordJsonContext.Default.ReadyEvent) ?? throw new JsonException("READY without a body");
            SessionId = ready.SessionId;
            ResumeUrl = ready.ResumeGatewayUrl;
            session.Set(ready.User.Id, ready.Application?.Id ?? ready.User.Id); // before this shard's next event is handed on
            _failedAttempts = 0;
            Log.Ready(_logger, shard.Id, ready.User.Id);
        }
        else if (type == "RESUMED")
        {
            _failedAttempts = 0;
            Log.Resumed(_logger, shard.Id);
        }

        events.TryWrite(new GatewayDispatch(type, data, _sequence, shard.Id, ready));
    }

    private string IdentifyPayload()
    {
        var intents = GatewayIntents.Guilds | GatewayIntents.GuildMessages | GatewayIntents.DirectMessages;
        if (options.Value.MessageContentIntent)
        {
            intents |= GatewayIntents.MessageContent;
        }

        return new JsonObject
        {
            ["op"] = (int)GatewayOpCode.Identify,
            ["d"] = new JsonObject
            {
                ["token"] = options.Value.Token,
                ["intents"] = (int)intents,
                ["properties"] = new JsonObject { ["os"] = Environment.OSVersion.Platform.ToString().ToLowerInvariant(), ["browser"] = "ArticleBot", ["device"] = "ArticleBot" },
                ["shard"] = new JsonArray(shard.Id, shard.Count),
            },
        }.ToJsonString();
    }

    private string ResumePayload() => new JsonObject
    {
        ["op"] = (int)GatewayOpCode.Resume,
        ["d"] = new JsonObject { ["token"] = options.Value.Token, ["session_id"] = SessionId, ["seq"] = _sequence < 0 ? null : _sequence },
    }.ToJsonString();

    private async Task SendAsync(IGatewayTransport transport, string payload, CancellationToken cancellationToken)
    {
        await _sendLimiter.WaitAsync(cancellationToken);
        await transport.SendAsync(payload, cancellationToken);
    }

    private async Task<GatewayFrame?> ReceiveWithTimeoutAsync(IGatewayTransport transport, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var receive = transport.ReceiveAsync(timer.Token);
        var delay = Task.Delay(timeout, _time, timer.Token);
        var first = await Task.WhenAny(receive, delay);
        if (first == receive)
        {
            await timer.CancelAsync();
            return await receive;
        }

        cancellationToken.ThrowIfCancellationRequested();
        await timer.CancelAsync();
        try
        {
            await receive;
        }
        catch (OperationCanceledException)
        {
        }
        catch (System.Net.WebSockets.WebSocketException)
        {
        }

        return null;
    }

    /// <summary>The heartbeat of one connection: its own timer, ACK flag and zombie detection (nothing leaks across reconnects).</summary>
    private sealed class Heartbeat(GatewayClient client, IGatewayTransport transport, TimeSpan interval)
    {
        private volatile bool _acknowledged = true;

        public bool Zombie { get; private set; }

        public void Acknowledge()
        {
            _acknowledged = true;
            Log.HeartbeatAcknowledged(client._logger);
        }

        public Task BeatNowAsync(CancellationToken cancellationToken) => client.SendAsync(transport, Payload(), cancellationToken);

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            try
            {
                // The first beat comes after interval × jitter, so reconnecting bots do not beat in step. Later beats
                // keep a fixed rate (each due one interval after the previous one was due), so a slow thread pool
                // delays a beat but never shifts the ones after it.
                var due = client._time.GetUtcNow() + (interval * Random.Shared.NextDouble());
                await Task.Delay(due - client._time.GetUtcNow(), client._time, cancellationToken);
                while (!cancellationToken.IsCancellationRequested)
                {
                    if (!_acknowledged)
                    {
                        Zombie = true;
                        Log.Zombie(client._logger, client.Shard.Id);
                        await transport.CloseAsync(GatewayCloseCodes.ResumableClose, "zombie connection", s_closeTimeout);
                        return;
                    }

                    _acknowledged = false;
                    await BeatNowAsync(cancellationToken);
                    due += interval;
                    var wait = due - client._time.GetUtcNow();
                    if (wait <= TimeSpan.Zero)
                    {
                        // More than an interval behind: start a new rhythm rather than beat twice without an ACK.
                        due = client._time.GetUtcNow() + interval;
                        wait = interval;
                    }

                    await Task.Delay(wait, client._time, cancellationToken);
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or ObjectDisposedException or IOException)
            {
                // The receive loop sees the broken connection and reconnects; the beat just stops.
            }
        }

        private string Payload() => $"{{\"op\":1,\"d\":{(client._sequence < 0 ? "null" : client._sequence.ToString(System.Globalization.CultureInfo.InvariantCulture))}}}";
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4001, EventName = "GatewayConnecting", Level = LogLevel.Information, Message = "Shard {Shard}: connecting to the gateway {Url} (resume: {Resume})")]
        public static partial void Connecting(ILogger logger, int shard, string url, bool resume);

        [LoggerMessage(EventId = 4002, EventName = "GatewayReady", Level = LogLevel.Information, Message = "Shard {Shard}: gateway READY as user {UserId}")]
        public static partial void Ready(ILogger logger, int shard, string userId);

        [LoggerMessage(EventId = 4003, EventName = "GatewayResumed", Level = LogLevel.Information, Message = "Shard {Shard}: gateway session resumed")]
        public static partial void Resumed(ILogger logger, int shard);

        [LoggerMessage(EventId = 4004, EventName = "GatewayZombie", Level = LogLevel.Warning, Message = "Shard {Shard}: no heartbeat ACK since the last heartbeat: zombie connection, reconnecting to resume")]
        public static partial void Zombie(ILogger logger, int shard);

        [LoggerMessage(EventId = 4005, EventName = "GatewayReconnectRequested", Level = LogLevel.Information, Message = "The gateway asked for a reconnect (op 7)")]
        public static partial void ReconnectRequested(ILogger logger);

        [LoggerMessage(EventId = 4006, EventName = "GatewayInvalidSession", Level = LogLevel.Warning, Message = "Invalid session (resumable: {Resumable})")]
        public static partial void InvalidSession(ILogger logger, bool resumable);

        [LoggerMessage(EventId = 4007, EventName = "GatewayFatalClose", Level = LogLevel.Critical, Message = "Shard {Shard}: the gateway closed with {Code}: {Reason}. Not reconnecting.")]
        public static partial void FatalClose(ILogger logger, int shard, int code, string reason);

        [LoggerMessage(EventId = 4008, EventName = "GatewayClosed", Level = LogLevel.Warning, Message = "Shard {Shard}: the gateway closed with {Code} ({Reason})")]
        public static partial void ServerClosed(ILogger logger, int shard, int code, string reason);

        [LoggerMessage(EventId = 4009, EventName = "GatewayReconnecting", Level = LogLevel.Information, Message = "Shard {Shard}: reconnecting to {Action} in {DelayMs} ms")]
        public static partial void Reconnecting(ILogger logger, int shard, string action, long delayMs);

        [LoggerMessage(EventId = 4010, EventName = "GatewayHelloTimeout", Level = LogLevel.Warning, Message = "No Hello from the gateway in time; reconnecting")]
        public static partial void HelloTimeout(ILogger logger);

        [LoggerMessage(EventId = 4012, EventName = "GatewayHeartbeatAcknowledged", Level = LogLevel.Trace, Message = "Heartbeat acknowledged")]
        public static partial void HeartbeatAcknowledged(ILogger logger);

        [LoggerMessage(EventId = 4011, EventName = "GatewayConnectionFailed", Level = LogLevel.Warning, Message = "Gateway connection failed: {Reason}")]
        public static partial void ConnectionFailed(ILogger logger, string reason);
    }
}
