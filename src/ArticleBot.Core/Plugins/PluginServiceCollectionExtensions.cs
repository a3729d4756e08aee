using ArticleBot.Core.ArticleTools;
using ArticleBot.Core.Claims;
using ArticleBot.Core.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.SemanticKernel;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers the plugins: the built-in article plugin, the plugin folders, and the kernel that holds them.</summary>
public static class PluginServiceCollectionExtensions
{
    /// <summary>
    /// Adds the article plugin (as a <see cref="KernelPlugin"/>), the <see cref="PluginCatalog"/> with its current
    /// <see cref="Kernel"/>, per-call timeouts and tracing of every function call. Binds:
    /// <code>
    /// "Plugins": { "Directories": [], "IncludeDefaultDirectory": true, "CallTimeoutSeconds": 10, "WatchForChanges": true }
    /// </code>
    /// </summary>
    public static IHostApplicationBuilder AddArticlePlugins(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSettings<PluginOptions>(PluginOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddArticleTools();
        services.AddClaims();
        services.TryAddSingleton<ArticlePlugin>();
        services.AddSingleton(sp => KernelPluginFactory.CreateFromObject(sp.GetRequiredService<ArticlePlugin>(), ArticlePlugin.PluginName));

        // Filters run in registration order: the span first, so it holds the timeout and the numbering.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFunctionInvocationFilter, ToolCallTelemetryFilter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFunctionInvocationFilter, PluginGuardFilter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFunctionInvocationFilter, ToolArgumentFilter>());
        services.TryAddSingleton<PluginHealth>();
        services.AddMcpPlugins();
        services.TryAddSingleton<PluginCatalog>();
        services.TryAddSingleton<IKernelSource>(sp => sp.GetRequiredService<PluginCatalog>());
        services.TryAddSingleton<PluginInvoker>();

        // The kernel is the catalog's current snapshot: it changes when plugins are reloaded.
        services.TryAddTransient(sp => sp.GetRequiredService<IKernelSource>().Kernel);
        return builder;
    }

    /// <summary>Adds hot reload of plugins (for long-running hosts: the chat and Discord).</summary>
    public static IHostApplicationBuilder AddPluginWatcher(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHostedService<PluginWatcher>();
        return builder;
    }
}
