using System.Diagnostics;
using ArticleBot.Core.Corpus;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArticleBot.Core.Search;

/// <summary>
/// Keeps a running bot's article current: when a seed file is added, changed or removed (by <c>ArticleBot add</c>,
/// another shard, or an editor), the corpus is loaded again and the search re-indexed in the background, then
/// swapped in at once (<see cref="ArticleSearch.Reload"/>); answers keep flowing on the old corpus meanwhile. A
/// file-system watcher wakes it at once; a poll every <c>Corpus:PollSeconds</c> compares the folder's fingerprint
/// with the one loaded, for file systems whose events do not arrive. Several processes sharing one seeds folder each
/// see the change. A folder left unreadable or empty keeps the last good corpus, with a warning.
/// </summary>
public sealed partial class SeedsWatcher(IServiceProvider services, CorpusLoader loader, IOptions<CorpusOptions> options, TimeProvider time, ILogger<SeedsWatcher> logger) : BackgroundService
{
    /// <summary>How long the folder must stay unchanged before it is read: a copy of many files is read once.</summary>
    private static readonly TimeSpan s_settle = TimeSpan.FromMilliseconds(150);

    private readonly SemaphoreSlim _changed = new(0);
    private string? _failedFingerprint;

    /// <summary>Raised after each reload attempt, with the fingerprint now loaded (tests wait on it).</summary>
    public event Action<string?>? Checked;

    /// <summary>
    /// Compares the folder with what was loaded and reloads when it differs; true when it reloaded. Called by the
    /// loop on every event and poll.
    /// </summary>
    public bool CheckOnce()
    {
        var search = services.GetRequiredService<ArticleSearch>();
        var current = loader.Fingerprint();
        if (current == loader.LoadedFingerprint || current == _failedFingerprint)
        {
            return false;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var corpus = loader.Load();
            search.Reload(corpus, time);
            _failedFingerprint = null;
            var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Log.Reloaded(logger, corpus.Documents.Count, corpus.Passages.Count, elapsedMs);
            return true;
        }
        catch (Exception ex) when (ex is CorpusConfigurationException or IOException or UnauthorizedAccessException)
        {
            // Keep answering on the last good corpus; try again when the folder changes once more.
            _failedFingerprint = current;
            Log.ReloadFailed(logger, ex.Message);
            return false;
        }
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.WatchSeeds)
        {
            return;
        }

        await Task.Yield();
        using var watcher = StartWatcher(loader.SeedsFolder);
        var poll = TimeSpan.FromSeconds(settings.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await WaitForChangeAsync(poll, stoppingToken);
                while (await WaitForChangeAsync(s_settle, stoppingToken))
                {
                    // More events: wait until the folder settles.
                }

                CheckOnce();
                Checked?.Invoke(loader.LoadedFingerprint);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A bug in a reload must not stop the watching, nor the bot.
                Log.ReloadFailed(logger, ex.ToString());
            }
        }
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        _changed.Dispose();
        base.Dispose();
    }

    private FileSystemWatcher? StartWatcher(string folder)
    {
        try
        {
            var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
            FileSystemEventHandler changed = (_, _) => Signal();
            watcher.Created += changed;
            watcher.Changed += changed;
            watcher.Deleted += changed;
            watcher.Renamed += (_, _) => Signal();
            watcher.Error += (_, e) => Log.WatcherUnavailable(logger, folder, e.GetException().Message);
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            Log.WatcherUnavailable(logger, folder, ex.Message);
            return null;
        }
    }

    /// <summary>True when a change was signalled within <paramref name="timeout"/> (measured by the time provider).</summary>
    private async Task<bool> WaitForChangeAsync(TimeSpan timeout, CancellationToken stoppingToken)
    {
        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, stoppingToken);
        try
        {
            await _changed.WaitAsync(linked.Token);
            return true;
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private void Signal()
    {
        try
        {
            _changed.Release();
        }
        catch (ObjectDisposedException)
        {
            // Stopping.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1011, EventName = "SeedsReloaded", Level = LogLevel.Information,
            Message = "The seeds changed: re-indexed {Documents} document(s), {Passages} passages in {ElapsedMs} ms")]
        public static partial void Reloaded(ILogger logger, int documents, int passages, long elapsedMs);

        [LoggerMessage(EventId = 1012, EventName = "SeedsReloadFailed", Level = LogLevel.Warning,
            Message = "The seeds changed but could not be read ({Reason}); answering on the last good articles")]
        public static partial void ReloadFailed(ILogger logger, string reason);

        [LoggerMessage(EventId = 1013, EventName = "SeedsWatcherUnavailable", Level = LogLevel.Warning,
            Message = "Cannot watch the seeds folder {Folder} for changes ({Reason}); it is polled instead (Corpus:PollSeconds)")]
        public static partial void WatcherUnavailable(ILogger logger, string folder, string reason);
    }
}
