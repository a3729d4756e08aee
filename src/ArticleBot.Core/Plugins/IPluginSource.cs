using Microsoft.SemanticKernel;

namespace ArticleBot.Core.Plugins;

/// <summary>
/// Plugins that come from somewhere other than the plugin folders (e.g. MCP servers). The <see cref="PluginCatalog"/>
/// asks every registered source for its plugins each time it builds a kernel, and rebuilds when a source changes.
/// </summary>
public interface IPluginSource
{
    /// <summary>Raised when the source's plugins or their states changed (a server started, crashed or gave up).</summary>
    event Action? Changed;

    /// <summary>
    /// The source's plugins as they are now: a plugin with its description, or only a description (with the reason)
    /// when there is nothing to call. A plugin whose state is not <see cref="PluginState.Loaded"/> is listed, not offered.
    /// </summary>
    IReadOnlyList<(KernelPlugin? Plugin, PluginInfo Info)> GetPlugins();

    /// <summary>
    /// Completes once the plugins that <see cref="GetPlugins"/> started have come up or failed, so that a listing or a
    /// call can show or use them; at once when nothing is starting. Nothing else waits for it.
    /// </summary>
    Task WhenStartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
