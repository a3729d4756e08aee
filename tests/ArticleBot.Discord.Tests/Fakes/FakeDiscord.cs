using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArticleBot.Discord.Tests.Fakes;

/// <summary>A REST call the fake received.</summary>
public sealed record RestCall(string Method, string Path, JsonNode? Body, IReadOnlyDictionary<string, string> Headers, DateTimeOffset At);

/// <summary>A scripted REST reply (instead of the default success).</summary>
public sealed record RestReply(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null, string ContentType = "application/json");

/// <summary>
/// A fake Discord on 127.0.0.1: the v10 REST routes the bot uses and a WebSocket gateway (at <c>/gateway</c>, and a
/// distinct resume host at <c>/resume</c>), both with Discord's JSON shapes. Each gateway connection runs a script;
/// the default one plays a normal session (Hello, READY or RESUMED, heartbeat ACKs).
/// </summary>
public sealed class FakeDiscord : IAsyncDisposable
{
    public const string BotUserId = "900000000000000001";
    public const string ApplicationId = "900000000000000002";
    public const string Token = "FAKE.token.SENTINEL-0123456789";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (byte[] Body, string ContentType)> _files = new(StringComparer.Ordinal);
    private long _nextId = 1_000_000;
    private int _answered;
    private int _sessions;

    public FakeDiscord()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.UseWebSockets();
        _app.Map("/gateway", context => AcceptGatewayAsync(context, "/gateway"));
        _app.Map("/resume", context => AcceptGatewayAsync(context, "/resume"));
        _app.Map("/api/v10/{**path}", HandleRestAsync);
        _app.Map("/cdn/{**path}", ServeFileAsync);
        _app.StartAsync().GetAwaiter().GetResult();
        BaseUrl = _app.Urls.First().TrimEnd('/');
    }

    public string BaseUrl { get; }

    public string ApiBaseUrl => $"{BaseUrl}/api/v10";

    public string GatewayUrl => $"{BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal)}/gateway";

    public string ResumeUrl => $"{BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal)}/resume";

    public int HeartbeatIntervalMs { get; set; } = 41_250;

    /// <summary>The shard count <c>GET /gateway/bot</c> recommends.</summary>
    public int RecommendedShards { get; set; } = 1;

    /// <summary>The fewest shards Discord accepts (an Identify with fewer is closed with 4011, as for a large bot).</summary>
    public int RequiredShards { get; set; } = 1;

    /// <summary><c>session_start_limit.max_concurrency</c>.</summary>
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>How many times each shard identified (a new session each time).</summary>
    public ConcurrentDictionary<int, int> IdentifiesPerShard { get; } = new();

    /// <summary>The shard each session belongs to (so a Resume lands on its shard).</summary>
    private ConcurrentDictionary<string, (int Id, int Count)> SessionShards { get; } = new(StringComparer.Ordinal);

    /// <summary>The clock that stamps heartbeats, connections and REST calls (the bot's fake time, where a test uses one).</summary>
    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

    public bool AcknowledgeHeartbeats { get; set; } = true;

    public ConcurrentQueue<RestCall> Calls { get; } = new();

    /// <summary>How many REST calls have been answered (after <see cref="RestLatency"/>).</summary>
    public int Answered => Volatile.Read(ref _answered);

    public ConcurrentQueue<GatewayConnection> Connections { get; } = new();

    /// <summary>How long every REST call takes (awaited, so the server's threads stay free).</summary>
    public TimeSpan RestLatency { get; set; }

    /// <summary>Awaited before a call is answered (hold a call in flight until the test releases it).</summary>
    public Func<RestCall, Task>? RestGate { get; set; }

    /// <summary>Return a reply to override the default for a call; null for the default.</summary>
    public Func<RestCall, RestReply?>? RestHook { get; set; }

    /// <summary>Runs a connection; the default plays a normal session.</summary>
    public Func<GatewayConnection, Task>? GatewayScript { get; set; }

    /// <summary>Raised for every REST call, after it is recorded.</summary>
    public event Action<RestCall>? CallReceived;

    /// <summary>Raised when a gateway connection is accepted.</summary>
    public event Action<GatewayConnection>? Connected;

    public GatewayConnection? Current => Connections.LastOrDefault(c => !c.Closed);

    /// <summary>The open, started connection of a shard (as Discord routes: each shard has one session).</summary>
    public GatewayConnection? ShardConnection(int shard) => Connections.LastOrDefault(c => !c.Closed && c.Shard == shard && c.SessionStarted.IsCompleted);

    /// <summary>The shard Discord sends a guild's events on: <c>(guild_id &gt;&gt; 22) % shard_count</c>; DMs go to shard 0.</summary>
    public static int ShardFor(string? guildId, int shardCount) =>
        guildId is null ? 0 : (int)((ulong.Parse(guildId, System.Globalization.CultureInfo.InvariantCulture) >> 22) % (ulong)shardCount);

    /// <summary>A guild id (a snowflake) whose events go to <paramref name="shard"/> of <paramref name="shardCount"/>.</summary>
    public static string GuildOnShard(int shard, int shardCount, int n = 0) =>
        (((ulong)(shard + (shardCount * (n + 1)))) << 22).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Sends an event as Discord would: on the shard its guild belongs to (DMs on shard 0).</summary>
    public Task RouteAsync(string type, JsonObject data, int shardCount)
    {
        var shard = ShardFor(data["guild_id"]?.GetValue<string>(), shardCount);
        var connection = ShardConnection(shard) ?? throw new InvalidOperationException($"no open connection for shard {shard}");
        return connection.DispatchAsync(type, data);
    }

    /// <summary>
    /// Serves a file at <c>/cdn/{path}</c>, as Discord's CDN serves an uploaded attachment (or any web server a link
    /// points to); returns its URL.
    /// </summary>
    public string ServeFile(string path, byte[] body, string contentType)
    {
        _files[path] = (body, contentType);
        return $"{BaseUrl}/cdn/{path}";
    }

    public IEnumerable<RestCall> CallsTo(string method, string pathPrefix) =>
        Calls.Where(c => c.Method == method && c.Path.StartsWith(pathPrefix, StringComparison.Ordinal));

    /// <summary>
    /// Waits until <paramref name="condition"/> holds. The bound is generous (120 s) on purpose: it only turns a hang
    /// into a failure, and a loaded machine must never reach it; no test measures time with it.
    /// </summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, int timeoutMs = 120_000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline)
            {
                throw new TimeoutException($"timed out waiting for: {what}");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>
    /// Waits until no open connection has a heartbeat due on <see cref="Clock"/> that has not arrived: a test that
    /// moves fake time calls it before each step, so a heartbeat's fake-time stamp never depends on how fast the
    /// machine ran the bot's timer (the bot beats at a fixed rate, so its next beat is due one interval after the last).
    /// </summary>
    public Task WaitForDueHeartbeatsAsync(TimeSpan interval) =>
        WaitUntilAsync(() => Connections.All(c => c.Closed || !c.HeartbeatDue(Clock(), interval)), "every heartbeat due on the fake clock (a blocked heartbeat never comes)", 30_000);

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in Connections)
        {
            connection.Abort();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>A MESSAGE_CREATE payload.</summary>
    public static JsonObject Message(string id, string channelId, string content, string authorId = "100", string? guildId = "500", bool mentionBot = false, bool bot = false, string? replyTo = null, string? webhookId = null)
    {
        var message = new JsonObject
        {
            ["id"] = id,
            ["channel_id"] = channelId,
            ["author"] = new JsonObject { ["id"] = authorId, ["username"] = "user" + authorId, ["bot"] = bot },
            ["content"] = content,
            ["mentions"] = mentionBot ? new JsonArray(new JsonObject { ["id"] = BotUserId, ["username"] = "ArticleBot" }) : new JsonArray(),
            ["mention_roles"] = new JsonArray(),
            ["mention_everyone"] = false,
            ["type"] = replyTo is null ? 0 : 19,
        };
        if (guildId is not null)
        {
            message["guild_id"] = guildId;
        }

        if (replyTo is not null)
        {
            // As Discord sends a reply (type 19): the reference, and the message replied to.
            message["message_reference"] = new JsonObject { ["message_id"] = replyTo, ["channel_id"] = channelId };
            message["referenced_message"] = new JsonObject { ["id"] = replyTo, ["channel_id"] = channelId, ["author"] = new JsonObject { ["id"] = BotUserId, ["bot"] = true }, ["content"] = "…" };
        }

        if (webhookId is not null)
        {
            message["webhook_id"] = webhookId;
        }

        return message;
    }

    /// <summary>An INTERACTION_CREATE payload for /ask.</summary>
    public static JsonObject AskInteraction(string id, string question, string channelId = "300", string userId = "100") => new()
    {
        ["id"] = id,
        ["application_id"] = ApplicationId,
        ["type"] = 2,
        ["token"] = "itoken" + id,
        ["version"] = 1,
        ["channel_id"] = channelId,
        ["guild_id"] = "500",
        ["member"] = new JsonObject { ["user"] = new JsonObject { ["id"] = userId, ["username"] = "u" } },
        ["data"] = new JsonObject
        {
            ["id"] = "cmd1",
            ["name"] = "ask",
            ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject { ["name"] = "question", ["type"] = 3, ["value"] = question }),
        },
    };

    /// <summary>
    /// An INTERACTION_CREATE for a message command (type 3, from a message's Apps menu): <c>target_id</c> names the
    /// message and <c>resolved.messages</c> holds it, as Discord sends it.
    /// </summary>
    public static JsonObject MessageCommandInteraction(string id, string commandName, string targetContent, string targetId = "m-target", string channelId = "300", string userId = "100", string authorId = "200") => new()
    {
        ["id"] = id,
        ["application_id"] = ApplicationId,
        ["type"] = 2,
        ["token"] = "itoken" + id,
        ["version"] = 1,
        ["channel_id"] = channelId,
        ["guild_id"] = "500",
        ["member"] = new JsonObject { ["user"] = new JsonObject { ["id"] = userId, ["username"] = "u" + userId } },
        ["data"] = new JsonObject
        {
            ["id"] = "cmd-" + commandName.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["name"] = commandName,
            ["type"] = 3,
            ["target_id"] = targetId,
            ["resolved"] = new JsonObject
            {
                ["messages"] = new JsonObject
                {
                    [targetId] = new JsonObject
                    {
                        ["id"] = targetId,
                        ["channel_id"] = channelId,
                        ["author"] = new JsonObject { ["id"] = authorId, ["username"] = "user" + authorId },
                        ["content"] = targetContent,
                        ["attachments"] = new JsonArray(),
                        ["embeds"] = new JsonArray(),
                        ["type"] = 0,
                    },
                },
            },
        },
    };

    /// <summary>An INTERACTION_CREATE for a button click (type 3, MESSAGE_COMPONENT) on one of the bot's messages.</summary>
    public static JsonObject ButtonClick(string id, string customId, string userId, string messageId = "answer-1", string channelId = "300") => new()
    {
        ["id"] = id,
        ["application_id"] = ApplicationId,
        ["type"] = 3,
        ["token"] = "itoken" + id,
        ["version"] = 1,
        ["channel_id"] = channelId,
        ["guild_id"] = "500",
        ["member"] = new JsonObject { ["user"] = new JsonObject { ["id"] = userId, ["username"] = "u" + userId } },
        ["message"] = new JsonObject { ["id"] = messageId, ["channel_id"] = channelId, ["author"] = new JsonObject { ["id"] = BotUserId, ["bot"] = true } },
        ["data"] = new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 },
    };

    /// <summary>The default session: Hello, then READY for Identify or RESUMED for Resume, then ACKs.</summary>
    public async Task StandardSessionAsync(GatewayConnection connection)
    {
        await connection.SendAsync(new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = HeartbeatIntervalMs } });
        // Heartbeats may come before Identify (a shard waiting for its identify turn keeps beating): ACK them meanwhile.
        var first = await connection.ReceiveAsync(TimeSpan.FromSeconds(30));
        while (first["op"]!.GetValue<int>() == 1)
        {
            if (AcknowledgeHeartbeats)
            {
                await connection.SendAsync(new JsonObject { ["op"] = 11 });
            }

            first = await connection.ReceiveAsync(TimeSpan.FromSeconds(30));
        }

        if (first["op"]!.GetValue<int>() == 2)
        {
            // shard: [id, count], as Discord checks it: a count below what the bot needs is 4011, an id out of range 4010.
            var shard = first["d"]?["shard"] is JsonArray pair ? (Id: pair[0]!.GetValue<int>(), Count: pair[1]!.GetValue<int>()) : (Id: 0, Count: 1);
            if (shard.Count < RequiredShards)
            {
                await connection.CloseAsync(4011);
                return;
            }

            if (shard.Id < 0 || shard.Id >= shard.Count)
            {
                await connection.CloseAsync(4010);
                return;
            }

            connection.Shard = shard.Id;
            connection.ShardCount = shard.Count;
            IdentifiesPerShard.AddOrUpdate(shard.Id, 1, (_, n) => n + 1);
            var sessionId = "session-" + Interlocked.Increment(ref _sessions); // unique, also when shards connect at once
            SessionShards[sessionId] = shard;
            await connection.DispatchAsync("READY", new JsonObject
            {
                ["v"] = 10,
                ["user"] = new JsonObject { ["id"] = BotUserId, ["username"] = "ArticleBot", ["bot"] = true },
                ["guilds"] = new JsonArray(),
                ["session_id"] = sessionId,
                ["resume_gateway_url"] = ResumeUrl,
                ["application"] = new JsonObject { ["id"] = ApplicationId, ["flags"] = 0 },
                ["shard"] = new JsonArray(shard.Id, shard.Count),
            });
        }
        else if (first["op"]!.GetValue<int>() == 6)
        {
            if (SessionShards.TryGetValue(first["d"]?["session_id"]?.GetValue<string>() ?? string.Empty, out var shard))
            {
                connection.Shard = shard.Id;
                connection.ShardCount = shard.Count;
            }

            await connection.DispatchAsync("RESUMED", new JsonObject());
        }

        connection.MarkSessionStarted();
        await connection.AnswerHeartbeatsAsync(() => AcknowledgeHeartbeats);
    }

    private async Task AcceptGatewayAsync(HttpContext context, string path)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new GatewayConnection(socket, path, context.Request.QueryString.Value ?? string.Empty, Clock);
        Connections.Enqueue(connection);
        Connected?.Invoke(connection);
        var reading = connection.ReadLoopAsync();
        try
        {
            await (GatewayScript ?? StandardSessionAsync)(connection);
        }
        catch (Exception) when (connection.Closed)
        {
        }
        catch (TimeoutException)
        {
        }

        await reading;
    }

    private async Task HandleRestAsync(HttpContext context)
    {
        var path = "/" + (context.Request.RouteValues["path"]?.ToString() ?? string.Empty);
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var call = new RestCall(context.Request.Method, path, string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text), headers, Clock());
        Calls.Enqueue(call);
        CallReceived?.Invoke(call);

        if (RestLatency > TimeSpan.Zero)
        {
            await Task.Delay(RestLatency);
        }

        if (RestGate is { } gate)
        {
            await gate(call);
        }

        var reply = RestHook?.Invoke(call) ?? DefaultReply(call);
        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (reply.Body is not null)
        {
            context.Response.ContentType = reply.ContentType;
            await context.Response.WriteAsync(reply.Body);
        }

        Interlocked.Increment(ref _answered);
    }

    private async Task ServeFileAsync(HttpContext context)
    {
        if (!_files.TryGetValue(context.Request.RouteValues["path"]?.ToString() ?? string.Empty, out var file))
        {
            context.Response.StatusCode = 404;
            return;
        }

        context.Response.ContentType = file.ContentType;
        context.Response.ContentLength = file.Body.Length;
        await context.Response.Body.WriteAsync(file.Body);
    }

    private RestReply DefaultReply(RestCall call)
    {
        if (call.Method == "GET" && call.Path == "/gateway/bot")
        {
            return new RestReply(200, new JsonObject
            {
                ["url"] = GatewayUrl,
                ["shards"] = RecommendedShards,
                ["session_start_limit"] = new JsonObject { ["total"] = 1000, ["remaining"] = 999, ["reset_after"] = 14_400_000, ["max_concurrency"] = MaxConcurrency },
            }.ToJsonString());
        }

        if (call.Method == "POST" && call.Path.EndsWith("/typing", StringComparison.Ordinal))
        {
            return new RestReply(204);
        }

        if (call.Path.StartsWith("/interactions/", StringComparison.Ordinal))
        {
            return new RestReply(204);
        }

        if (call.Method is "POST" or "PATCH" && (call.Path.StartsWith("/channels/", StringComparison.Ordinal) || call.Path.StartsWith("/webhooks/", StringComparison.Ordinal)))
        {
            var message = call.Body?.DeepClone().AsObject() ?? [];
            message["id"] = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
            message["author"] = new JsonObject { ["id"] = BotUserId, ["bot"] = true };
            return new RestReply(200, message.ToJsonString());
        }

        if (call.Method == "PUT" && call.Path.Contains("/commands", StringComparison.Ordinal))
        {
            return new RestReply(200, call.Body?.ToJsonString() ?? "[]");
        }

        return new RestReply(404, "{\"message\": \"404: Not Found\", \"code\": 0}");
    }
}

/// <summary>One gateway connection, seen from the fake server.</summary>
public sealed class GatewayConnection(WebSocket socket, string path, string query, Func<DateTimeOffset>? clock = null)
{
    private readonly Channel<JsonNode> _received = Channel.CreateUnbounded<JsonNode>();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource _sessionStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _sequence;

    public string Path { get; } = path;

    /// <summary>The shard this connection identified (or resumed) as.</summary>
    public int? Shard { get; internal set; }

    /// <summary>The shard count it identified with.</summary>
    public int? ShardCount { get; internal set; }

    /// <summary>When the connection was accepted, on the fake's clock.</summary>
    public DateTimeOffset OpenedAt { get; } = (clock ?? (() => DateTimeOffset.UtcNow))();

    /// <summary>Completes once READY or RESUMED has been sent (events sent after it follow the session start).</summary>
    public Task SessionStarted => _sessionStarted.Task;

    internal void MarkSessionStarted() => _sessionStarted.TrySetResult();

    /// <summary>When the client sent Identify or Resume (its heartbeat timer started before that), on the fake's clock.</summary>
    public DateTimeOffset? SessionRequestedAt { get; private set; }

    /// <summary>True when, at <paramref name="now"/>, a heartbeat is due that has not arrived.</summary>
    public bool HeartbeatDue(DateTimeOffset now, TimeSpan interval)
    {
        var last = Heartbeats.IsEmpty ? SessionRequestedAt : Heartbeats.Last();
        return last is { } reference && now - reference >= interval;
    }

    public string Query { get; } = query;

    public bool Closed { get; private set; }

    /// <summary>The close status the client sent (null if it just dropped).</summary>
    public int? ClientCloseCode { get; private set; }

    /// <summary>Everything the client sent, in order.</summary>
    public ConcurrentQueue<JsonNode> Log { get; } = new();

    /// <summary>When each heartbeat (op 1) arrived.</summary>
    public ConcurrentQueue<DateTimeOffset> Heartbeats { get; } = new();

    public async Task SendAsync(JsonObject payload)
    {
        await _sendLock.WaitAsync();
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(payload.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Sends a payload split over several WebSocket frames (the client must read until EndOfMessage).</summary>
    public async Task SendFragmentedAsync(JsonObject payload, int pieces)
    {
        var bytes = Encoding.UTF8.GetBytes(payload.ToJsonString());
        var size = (bytes.Length + pieces - 1) / pieces;
        await _sendLock.WaitAsync();
        try
        {
            for (var offset = 0; offset < bytes.Length; offset += size)
            {
                var count = Math.Min(size, bytes.Length - offset);
                await socket.SendAsync(bytes.AsMemory(offset, count), WebSocketMessageType.Text, offset + count >= bytes.Length, CancellationToken.None);
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public Task DispatchAsync(string type, JsonObject data) =>
        SendAsync(new JsonObject { ["op"] = 0, ["t"] = type, ["s"] = Interlocked.Increment(ref _sequence), ["d"] = data });

    public async Task<JsonNode> ReceiveAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await _received.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("the client sent nothing in time");
        }
        catch (ChannelClosedException)
        {
            throw new TimeoutException("the connection closed");
        }
    }

    /// <summary>ACKs heartbeats (when <paramref name="acknowledge"/> says so) until the connection closes.</summary>
    public async Task AnswerHeartbeatsAsync(Func<bool> acknowledge)
    {
        await foreach (var payload in _received.Reader.ReadAllAsync())
        {
            if (payload["op"]?.GetValue<int>() == 1 && acknowledge())
            {
                await SendAsync(new JsonObject { ["op"] = 11 });
            }
        }
    }

    public async Task CloseAsync(int code)
    {
        if (socket.State == WebSocketState.Open)
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, "fake close", CancellationToken.None);
        }
    }

    public void Abort()
    {
        Closed = true;
        socket.Abort();
    }

    internal async Task ReadLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open || socket.State == WebSocketState.CloseSent)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    ClientCloseCode = (int?)result.CloseStatus;
                    break;
                }

                var payload = JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()))!;
                var op = payload["op"]?.GetValue<int>();
                if (op is 2 or 6 && SessionRequestedAt is null)
                {
                    SessionRequestedAt = (clock ?? (() => DateTimeOffset.UtcNow))();
                }

                if (op == 1)
                {
                    Heartbeats.Enqueue((clock ?? (() => DateTimeOffset.UtcNow))());
                }

                Log.Enqueue(payload);

                await _received.Writer.WriteAsync(payload);
            }
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            Closed = true;
            _received.Writer.TryComplete();
        }
    }
}
