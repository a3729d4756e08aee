using ArticleBot.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArticleBot.Postgres.Articles;

/// <summary>What the feed is doing, for tests and diagnostics.</summary>
public enum ArticleFeedState
{
    /// <summary>Listening, with the copy just brought up to date.</summary>
    Listening,

    /// <summary>A change was heard and copied.</summary>
    Synced,

    /// <summary>The database is out of reach; the next attempt is scheduled (the timer exists when this is raised).</summary>
    Waiting,
}

/// <summary>
/// Keeps this process's copy of the imported articles current. On start, one reconciliation (bounded by 5 s) so
/// even a one-shot command sees every machine's imports; a wrong password or a missing database stop the start
/// (exit 2), a database that is down does not: the bot answers on its last copy. A bot that keeps running
/// (<paramref name="follow"/>: the seeds are watched) then <c>LISTEN</c>s on <see cref="PostgresArticleDatabase.Channel"/>
/// and reconciles on each notification, and after a lost connection reconnects with a doubling wait (from half a
/// second up to <c>Storage:MaxRetryDelaySeconds</c>), reconciles what it missed and listens again.
/// </summary>
public sealed partial class PostgresArticleFeed(
    PostgresArticleDatabase database, ImportedArticleMirror mirror, IOptions<StorageOptions> options, TimeProvider time, ILogger<PostgresArticleFeed> logger, bool follow)
    : BackgroundService
{
    private static readonly TimeSpan s_startCheck = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan s_firstRetry = TimeSpan.FromMilliseconds(500);

    /// <summary>True while the database is known to be out of reach (reported once per outage).</summary>
    private bool _lost;

    /// <summary>Raised as the feed listens, copies a change, or waits to reconnect.</summary>
    public event Action<ArticleFeedState>? StateChanged;

    /// <inheritdoc/>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var changes = await Task.Run(mirror.Reconcile, cancellationToken).WaitAsync(s_startCheck, time, cancellationToken);
            Synced(changes);
        }
        catch (Exception ex) when (PostgresFaults.ConfigurationProblem(ex, database.Location) is { } problem)
        {
            throw new StorageConfigurationException(problem, ex);
        }
        catch (Exception ex) when (PostgresFaults.IsOutOfReach(ex) || ex is TimeoutException)
        {
            database.ClearPool();
            _lost = true;
            Log.StartedFromCopy(logger, database.Location, ex is TimeoutException ? $"no answer within {s_startCheck.TotalSeconds:0} s" : ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The seeds folder cannot be written: answer on what it holds (imports into it fail the same way).
            Log.CopyFailed(logger, ex.Message);
        }

        await base.StartAsync(cancellationToken);
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!follow)
        {
            return;
        }

        var maxDelay = TimeSpan.FromSeconds(options.Value.MaxRetryDelaySeconds);
        var delay = s_firstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.ListenAsync(stoppingToken);
                connection.Notification += (_, _) => { }; // the payload is not needed: every notification means "reconcile"
                Synced(await Task.Run(mirror.Reconcile, stoppingToken)); // what changed while nobody listened
                if (_lost)
                {
                    Log.Back(logger, database.Location);
                    _lost = false;
                }

                delay = s_firstRetry;
                StateChanged?.Invoke(ArticleFeedState.Listening);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                    Synced(await Task.Run(mirror.Reconcile, stoppingToken));
                    StateChanged?.Invoke(ArticleFeedState.Synced);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Out of reach, a password changed under a running bot, the seeds folder not writable, or a bug in
                // one reconciliation: none may stop the bot. Keep answering on the copy, and try again.
                database.ClearPool();
                if (!_lost)
                {
                    Log.Lost(logger, database.Location, ex.Message);
                    _lost = true;
                }

                var wait = TimeSpan.FromTicks(Math.Min((long)(delay.Ticks * (0.75 + (Random.Shared.NextDouble() / 2))), maxDelay.Ticks));
                var pause = Task.Delay(wait, time, stoppingToken); // the timer exists before anyone hears of the wait
                Log.Retrying(logger, wait.TotalSeconds);
                StateChanged?.Invoke(ArticleFeedState.Waiting);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, maxDelay.Ticks));
                try
                {
                    await pause;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    private void Synced(MirrorChanges changes)
    {
        if (changes.Any)
        {
            Log.Copied(logger, database.Location, changes.Written, changes.Deleted, changes.Sent);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6122, EventName = "ArticlesCopied", Level = LogLevel.Information,
            Message = "Imported articles from {Location}: {Written} copied here, {Deleted} removed here, {Sent} sent from here")]
        public static partial void Copied(ILogger logger, string location, int written, int deleted, int sent);

        [LoggerMessage(EventId = 6123, EventName = "ArticlesDatabaseOutOfReachAtStart", Level = LogLevel.Warning,
            Message = "The article database {Location} is out of reach ({Reason}); answering on this machine's last copy of the imported articles")]
        public static partial void StartedFromCopy(ILogger logger, string location, string reason);

        [LoggerMessage(EventId = 6124, EventName = "ArticlesDatabaseLost", Level = LogLevel.Warning,
            Message = "Lost the article database {Location} ({Reason}); answering on this machine's copy and reconnecting")]
        public static partial void Lost(ILogger logger, string location, string reason);

        [LoggerMessage(EventId = 6125, EventName = "ArticlesDatabaseBack", Level = LogLevel.Information, Message = "The article database {Location} is back; listening for imports again")]
        public static partial void Back(ILogger logger, string location);

        [LoggerMessage(EventId = 6127, EventName = "ArticlesCopyFailed", Level = LogLevel.Warning,
            Message = "Could not copy the imported articles into the seeds folder ({Reason}); answering on what it holds")]
        public static partial void CopyFailed(ILogger logger, string reason);

        [LoggerMessage(EventId = 6126, EventName = "ArticlesRetrying", Level = LogLevel.Debug, Message = "Trying the article database again in {Seconds:0.000} s")]
        public static partial void Retrying(ILogger logger, double seconds);
    }
}
