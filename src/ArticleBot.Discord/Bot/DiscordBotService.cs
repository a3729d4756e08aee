using ArticleBot.Discord.Gateway;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArticleBot.Discord.Bot;

/// <summary>
/// The Discord bot as a hosted service: runs this process's gateway shards, hands each event to
/// <see cref="DiscordBot"/> on the thread pool (at most <see cref="DiscordOptions.MaxConcurrentAnswers"/> at once,
/// so the receive loops and heartbeats never wait for an answer), and on shutdown closes the gateway and lets
/// in-flight replies finish. A fatal close (bad token, disallowed intents, shard settings) stops the application;
/// the host reads <see cref="GatewayShards.FatalReason"/> to choose the exit code.
/// </summary>
public sealed partial class DiscordBotService(
    GatewayShards gateway,
    DiscordBot bot,
    IOptions<DiscordOptions> options,
    IOptions<HostOptions> hostOptions,
    IHostApplicationLifetime lifetime,
    ILogger<DiscordBotService> logger) : BackgroundService
{
    private readonly CancellationTokenSource _replies = new();
    private readonly List<Task> _inFlight = [];
    private readonly Lock _gate = new();

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(options.Value.MaxConcurrentAnswers);
        var gatewayRun = gateway.RunAsync(stoppingToken);
        await foreach (var dispatch in gateway.Events.ReadAllAsync(CancellationToken.None))
        {
            if (dispatch.Type is not ("READY" or "MESSAGE_CREATE" or "INTERACTION_CREATE"))
            {
                continue;
            }

            try
            {
                await slots.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            var task = Task.Run(
                async () =>
                {
                    try
                    {
                        await bot.HandleAsync(dispatch, _replies.Token);
                    }
                    finally
                    {
                        slots.Release();
                    }
                },
                CancellationToken.None);
            Track(task);
        }

        await gatewayRun;
        await WaitForRepliesAsync();
        if (gateway.FatalReason is { } reason && !stoppingToken.IsCancellationRequested)
        {
            Log.Stopped(logger, reason);
            lifetime.StopApplication();
        }
    }

    /// <inheritdoc/>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await WaitForRepliesAsync();
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        _replies.Dispose();
        base.Dispose();
    }

    private void Track(Task task)
    {
        lock (_gate)
        {
            _inFlight.RemoveAll(t => t.IsCompleted);
            _inFlight.Add(task);
        }
    }

    /// <summary>In-flight replies may finish within the host's shutdown timeout; after it they are cancelled.</summary>
    private async Task WaitForRepliesAsync()
    {
        Task[] pending;
        lock (_gate)
        {
            pending = [.. _inFlight.Where(t => !t.IsCompleted)];
        }

        if (pending.Length == 0)
        {
            return;
        }

        var all = Task.WhenAll(pending);
        if (await Task.WhenAny(all, Task.Delay(hostOptions.Value.ShutdownTimeout * 0.8)) != all)
        {
            await _replies.CancelAsync();
        }

        try
        {
            await all;
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4301, EventName = "DiscordStopped", Level = LogLevel.Critical, Message = "The Discord bot stopped: {Reason}")]
        public static partial void Stopped(ILogger logger, string reason);
    }
}
