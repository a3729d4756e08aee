using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace ArticleBot.Core.Plugins;

/// <summary>A plugin function did not finish within <see cref="PluginOptions.CallTimeoutSeconds"/>.</summary>
public sealed class PluginTimeoutException(string message) : TimeoutException(message);

/// <summary>
/// Bounds every call to a plugin function (not the built-in article plugin) by <see cref="PluginOptions.CallTimeoutSeconds"/>,
/// synchronous or not: the function runs on a thread of its own (<see cref="PluginThread"/>), so even one that spins
/// or sleeps without awaiting fails its call in time instead of hanging the answer. Its plugin is then marked failed
/// (<see cref="PluginHealth"/>) until plugins are reloaded, since its thread may still be running. An MCP server's tools
/// are bounded by their connection instead, which kills and restarts the server (<see cref="Mcp.McpToolFunctions.ServerKey"/>).
/// </summary>
public sealed class PluginGuardFilter(IOptions<PluginOptions> options, PluginHealth health, TimeProvider time) : IFunctionInvocationFilter
{
    /// <inheritdoc/>
    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Function.PluginName == ArticlePlugin.PluginName || context.Function.Metadata.AdditionalProperties.ContainsKey(Mcp.McpToolFunctions.ServerKey))
        {
            await next(context);
            return;
        }

        var plugin = context.Function.PluginName ?? string.Empty;
        if (health.Failure(plugin) is { } failure)
        {
            throw new PluginTimeoutException(failure + ".");
        }

        var timeout = TimeSpan.FromSeconds(options.Value.CallTimeoutSeconds);
        try
        {
            await PluginThread.RunAsync(async () => { await next(context); return true; }, timeout, time, context.CancellationToken);
        }
        catch (TimeoutException ex) when (ex is not PluginTimeoutException)
        {
            var reason = $"{plugin}.{context.Function.Name} did not finish within {options.Value.CallTimeoutSeconds} s (Plugins:CallTimeoutSeconds); {plugin} is out of service until plugins are reloaded";
            health.MarkFailed(plugin, reason);
            throw new PluginTimeoutException(reason + ".");
        }
    }
}
