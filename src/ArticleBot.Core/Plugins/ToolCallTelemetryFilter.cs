using System.Diagnostics;
using System.Diagnostics.Metrics;
using ArticleBot.Core.Diagnostics;
using Microsoft.SemanticKernel;

namespace ArticleBot.Core.Plugins;

/// <summary>
/// A span for each kernel function call (a model's tool call, the offline answerer's search, a hand-made
/// <c>call</c>), and the plugin call and failure counters. Registered first, so its span holds the other filters.
/// </summary>
public sealed class ToolCallTelemetryFilter : IFunctionInvocationFilter
{
    private static readonly Counter<long> s_calls = ArticleBotTelemetry.Meter.CreateCounter<long>(
        "articlebot.plugin.calls", unit: "{call}", description: "Plugin function calls.");

    private static readonly Counter<long> s_failures = ArticleBotTelemetry.Meter.CreateCounter<long>(
        "articlebot.plugin.failures", unit: "{call}", description: "Plugin function calls that threw.");

    /// <inheritdoc/>
    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var plugin = context.Function.PluginName ?? string.Empty;
        var function = context.Function.Name;
        var tags = new TagList { { "articlebot.plugin", plugin }, { "articlebot.function", function } };
        s_calls.Add(1, tags);
        using var activity = ArticleBotTelemetry.Source.StartActivity($"tool {plugin}.{function}");
        activity?.SetTag("articlebot.plugin", plugin);
        activity?.SetTag("articlebot.function", function);
        try
        {
            await next(context);
        }
        catch (Exception ex)
        {
            s_failures.Add(1, tags);
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }
}
