using Microsoft.Extensions.Logging;

namespace ArticleBot.Core.Hosting;

/// <summary>Log messages of the core, with their event ids in one place (1000s: corpus, 2000s: search).</summary>
internal static partial class Log
{
    /// <summary>Milliseconds since a <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> value.</summary>
    public static long Since(long started) => (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    [LoggerMessage(EventId = 1010, EventName = "CorpusLoaded", Level = LogLevel.Information,
        Message = "Loaded {Documents} seed document(s) from {SeedsPath} into {Passages} passages in {ElapsedMs} ms")]
    public static partial void CorpusLoaded(ILogger logger, int documents, string seedsPath, int passages, long elapsedMs);

    [LoggerMessage(EventId = 2001, EventName = "IndexBuilt", Level = LogLevel.Information,
        Message = "Index of {Passages} passages {How} in {ElapsedMs} ms")]
    public static partial void IndexBuilt(ILogger logger, int passages, string how, long elapsedMs);

    [LoggerMessage(EventId = 3001, EventName = "ModelFallback", Level = LogLevel.Warning,
        Message = "Answering with the extractive answerer instead of the model: {Reason}")]
    public static partial void ModelFallback(ILogger logger, string reason);

    [LoggerMessage(EventId = 3002, EventName = "ModelFailure", Level = LogLevel.Debug, Message = "The model request failed")]
    public static partial void ModelFailure(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5001, EventName = "PluginsLoaded", Level = LogLevel.Information, Message = "Plugins reloaded: {Loaded} loaded, {Failed} failed")]
    public static partial void PluginsLoaded(ILogger logger, int loaded, int failed);

    [LoggerMessage(EventId = 5002, EventName = "PluginFolderChanged", Level = LogLevel.Debug, Message = "Plugin folder changed: {Path}")]
    public static partial void PluginFolderChanged(ILogger logger, string path);

    [LoggerMessage(EventId = 2002, EventName = "LexiconBuilt", Level = LogLevel.Information,
        Message = "Built the English lexicon ({Keys} keys) in {ElapsedMs} ms")]
    public static partial void LexiconBuilt(ILogger logger, int keys, long elapsedMs);
}
