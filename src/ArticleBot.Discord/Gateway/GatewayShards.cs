using System.Threading.Channels;
using ArticleBot.Discord.Model;
using ArticleBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArticleBot.Discord.Gateway;

/// <summary>
/// The shards this process runs (<c>Discord:ShardIds</c> of <c>Discord:ShardCount</c>; 0 asks Discord for its
/// recommended count), each a <see cref="GatewayClient"/> with its own connection, started within the session start
/// limit, all feeding one event stream. A fault on one shard is that shard's: it reconnects while the others keep
/// going. A fatal close (bad token, intents, shard settings) on any shard stops them all, since it is a setting
/// every shard shares.
/// </summary>
public sealed partial class GatewayShards(
    IGatewayTransportFactory transports,
    IDiscordRestClient rest,
    IdentifyLimiter identifies,
    DiscordSession session,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILoggerFactory loggers)
{
    private readonly Channel<GatewayDispatch> _events = Channel.CreateUnbounded<GatewayDispatch>();
    private readonly ILogger _logger = loggers.CreateLogger<GatewayShards>();
    private volatile IReadOnlyList<GatewayClient> _shards = [];
    private volatile string? _fatalReason;

    /// <summary>Dispatch events of every shard (in order per shard).</summary>
    public ChannelReader<GatewayDispatch> Events => _events.Reader;

    /// <summary>The running shards.</summary>
    public IReadOnlyList<GatewayClient> Shards => _shards;

    /// <summary>Why the gateway stopped for good (a fatal close or impossible shard settings); null otherwise.</summary>
    public string? FatalReason => _fatalReason;

    /// <summary>Runs every shard of this process until cancelled or a fatal close.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            var info = await GatewayInfoAsync(cancellationToken);
            if (info is null)
            {
                return;
            }

            var count = options.Value.ShardCount > 0 ? options.Value.ShardCount : Math.Max(1, info.Shards);
            var ids = options.Value.ShardIds.Count > 0 ? options.Value.ShardIds.Distinct().Order().ToList() : [.. Enumerable.Range(0, count)];
            if (ids.FirstOrDefault(id => id >= count, -1) is var outOfRange and >= 0)
            {
                _fatalReason = $"Discord:ShardIds contains {outOfRange}, but there are {count} shards (Discord:ShardCount={options.Value.ShardCount}{(options.Value.ShardCount == 0 ? ", Discord's recommendation" : string.Empty)}): ids run from 0 to {count - 1}";
                Log.BadShardIds(_logger, _fatalReason);
                return;
            }

            identifies.Configure(info.SessionStartLimit);
            var url = string.IsNullOrWhiteSpace(options.Value.GatewayUrl) ? info.Url : options.Value.GatewayUrl!;
            var shardList = string.Join(", ", ids);
            Log.Starting(_logger, shardList, count, identifies.MaxConcurrency);
            _shards = [.. ids.Select(id => new GatewayClient(new ShardInfo(id, count), url, transports, identifies, session, _events.Writer, options, time, loggers.CreateLogger<GatewayClient>()))];

            using var all = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var running = _shards.ToDictionary(s => s.RunAsync(all.Token), s => s);
            while (running.Count > 0)
            {
                var ended = await Task.WhenAny(running.Keys);
                var shard = running[ended];
                running.Remove(ended);
                await ended;
                if (shard.FatalReason is { } reason && _fatalReason is null)
                {
                    _fatalReason = reason;
                    await all.CancelAsync(); // the same setting would stop every other shard too
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }

    /// <summary><c>GET /gateway/bot</c>, tried again with backoff until it answers (a network fault is not a reason to quit).</summary>
    private async Task<GatewayBotInfo?> GatewayInfoAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await rest.GetGatewayBotAsync(cancellationToken);
            }
            catch (DiscordRestException ex) when (ex.Status == System.Net.HttpStatusCode.Unauthorized)
            {
                _fatalReason = "authentication failed: check Discord:Token";
                Log.BadShardIds(_logger, _fatalReason);
                return null;
            }
            catch (Exception ex) when (ex is DiscordRestException or HttpRequestException or System.Text.Json.JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                var delay = TimeSpan.FromSeconds(Math.Min(options.Value.MaxReconnectDelaySeconds, Math.Pow(2, Math.Min(attempt, 10))));
                Log.GatewayInfoFailed(_logger, ex.Message, (long)delay.TotalMilliseconds);
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4401, EventName = "GatewayShardsStarting", Level = LogLevel.Information, Message = "Starting shards [{ShardIds}] of {ShardCount} (max_concurrency {MaxConcurrency})")]
        public static partial void Starting(ILogger logger, string shardIds, int shardCount, int maxConcurrency);

        [LoggerMessage(EventId = 4402, EventName = "GatewayShardsFatal", Level = LogLevel.Critical, Message = "The gateway cannot start: {Reason}")]
        public static partial void BadShardIds(ILogger logger, string reason);

        [LoggerMessage(EventId = 4403, EventName = "GatewayInfoFailed", Level = LogLevel.Warning, Message = "GET /gateway/bot failed ({Reason}); trying again in {DelayMs} ms")]
        public static partial void GatewayInfoFailed(ILogger logger, string reason, long delayMs);
    }
}
