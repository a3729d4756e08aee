using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArticleBot.Core.Plugins;

/// <summary>
/// Hot reload for long-running hosts (chat, Discord): watches the plugin folders and, once they have been quiet for
/// <see cref="PluginOptions.ReloadDebounceMilliseconds"/>, reloads every plugin. Adding, replacing or removing a
/// plugin folder takes effect without a restart.
/// </summary>
public sealed partial class PluginWatcher(PluginCatalog catalog, IOptions<PluginOptions> options, TimeProvider time, ILogger<PluginWatcher> logger) : BackgroundService
{
    private readonly SemaphoreSlim _changed = new(0);
    private readonly List<FileSystemWatcher> _watchers = [];

    /// <summary>
    /// Arms the watchers before the host's start returns. ExecuteAsync runs on the thread pool, so arming them there
    /// left a gap after start (longer under load, while the plugins load) in which a plugin dropped into a folder was
    /// never seen.
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.WatchForChanges)
        {
            foreach (var directory in catalog.Directories())
            {
                try
                {
                    _watchers.Add(Watch(directory));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // A folder that cannot be made or watched (a file in the way, no permission, the inotify limit)
                    // costs hot reload for that folder only; the bot keeps answering.
                    Log.FolderNotWatched(logger, directory, e.Message);
                }
            }
        }

        return base.StartAsync(cancellationToken);
    }

    private FileSystemWatcher Watch(string directory)
    {
        Directory.CreateDirectory(directory);
        var watcher = new FileSystemWatcher(directory) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
        FileSystemEventHandler onChange = (_, e) =>
        {
            Log.PluginFolderChanged(logger, e.FullPath);
            try
            {
                _changed.Release();
            }
            catch (ObjectDisposedException)
            {
                // An event raised while the host disposes the watcher: nothing is left to reload.
            }
        };
        watcher.Created += onChange;
        watcher.Changed += onChange;
        watcher.Deleted += onChange;
        watcher.Renamed += (sender, e) => onChange(sender, e);
        try
        {
            watcher.EnableRaisingEvents = true;
        }
        catch
        {
            watcher.Dispose();
            throw;
        }

        return watcher;
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WatchForChanges)
        {
            return;
        }

        _ = catalog.Plugins; // load now, so the first question does not pay for it
        try
        {
            var debounce = TimeSpan.FromMilliseconds(options.Value.ReloadDebounceMilliseconds);
            while (!stoppingToken.IsCancellationRequested)
            {
                await _changed.WaitAsync(stoppingToken);

                // Debounce: a build writes many files; reload once they stop changing.
                while (await WaitAsync(_changed, debounce, stoppingToken))
                {
                }

                catalog.Reload();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        _watchers.ForEach(w => w.Dispose());
        _watchers.Clear();
        _changed.Dispose();
        base.Dispose();
    }

    private async Task<bool> WaitAsync(SemaphoreSlim signal, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var wait = signal.WaitAsync(timer.Token);
        var quiet = Task.Delay(timeout, time, timer.Token);
        var first = await Task.WhenAny(wait, quiet);
        await timer.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        return first == wait && wait.Status == TaskStatus.RanToCompletion;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5002, EventName = "PluginFolderChanged", Level = LogLevel.Debug, Message = "Plugin folder changed: {Path}")]
        public static partial void PluginFolderChanged(ILogger logger, string path);

        [LoggerMessage(EventId = 5003, EventName = "PluginFolderNotWatched", Level = LogLevel.Warning, Message = "Plugin folder {Path} is not watched for changes (restart to pick up new plugins there): {Reason}")]
        public static partial void FolderNotWatched(ILogger logger, string path, string reason);
    }
}
