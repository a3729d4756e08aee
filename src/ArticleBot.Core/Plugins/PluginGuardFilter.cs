using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace ArticleBot.Core.Plugins;

/// <summary>A plugin function did not finish within <see cref="PluginOptions.CallTimeoutSeconds"/>.</summary>
public sealed class PluginTimeoutException(string message) : TimeoutException(message);

/// <summary>
/// Bounds every call to a plugin function (not the built-in article plugin) by <see cref="PluginOptions.CallTimeoutSeconds"/>:
/// a hanging plugin fails its call instead of hanging the answer. The abandoned call finishes (or not) on its own.
/// </summary>
public sealed class PluginGuardFilter(IOptions<PluginOptions> options, TimeProvider time) : IFunctionInvocationFilter
{
    /// <inheritdoc/>
    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Function.PluginName == ArticlePlugin.PluginName)
        {
            await next(context);
            return;
        }

        var timeout = TimeSpan.FromSeconds(options.Value.CallTimeoutSeconds);
        var call = next(context);
        var delay = Task.Delay(timeout, time, context.CancellationToken);
        if (await Task.WhenAny(call, delay) != call)
        {
            _ = call.ContinueWith(t => _ = t.Exception, TaskScheduler.Default); // observe a late failure
            throw new PluginTimeoutException(
                $"{context.Function.PluginName}.{context.Function.Name} did not finish within {options.Value.CallTimeoutSeconds} s (Plugins:CallTimeoutSeconds).");
        }

        await call;
    }
}
