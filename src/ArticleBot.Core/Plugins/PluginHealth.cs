using System.Collections.Concurrent;

namespace ArticleBot.Core.Plugins;

/// <summary>
/// Plugins taken out of service while the bot runs: a function that overran its time budget leaves its thread
/// behind, so its plugin is marked failed (with the reason) and refuses further calls until plugins are reloaded.
/// </summary>
public sealed class PluginHealth
{
    private readonly ConcurrentDictionary<string, string> _failed = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Why the plugin was taken out of service, or null when it is in service.</summary>
    public string? Failure(string plugin) => _failed.GetValueOrDefault(plugin);

    /// <summary>Takes a plugin out of service until the next reload.</summary>
    public void MarkFailed(string plugin, string reason) => _failed.TryAdd(plugin, reason);

    /// <summary>Puts every plugin back in service (a reload loads them afresh).</summary>
    public void Clear() => _failed.Clear();
}
