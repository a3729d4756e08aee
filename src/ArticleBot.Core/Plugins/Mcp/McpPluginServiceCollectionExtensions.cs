using ArticleBot.Core.Plugins;
using ArticleBot.Core.Plugins.Mcp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers MCP servers as plugins (<c>Plugins:McpServers</c>).</summary>
public static class McpPluginServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="McpPluginSource"/>: a plugin source for the <see cref="PluginCatalog"/> whose servers start on
    /// first use, in the background, and are killed when the host stops. Binds <see cref="McpPluginOptions"/> (section <c>Plugins</c>).
    /// </summary>
    public static IServiceCollection AddMcpPlugins(this IServiceCollection services)
    {
        services.AddSettings<McpPluginOptions>(McpPluginOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<McpPluginOptions>, McpPluginOptionsValidator>());
        services.TryAddSingleton<McpPluginSource>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPluginSource, McpPluginSource>(sp => sp.GetRequiredService<McpPluginSource>()));
        services.AddHostedService(sp => sp.GetRequiredService<McpPluginSource>());
        return services;
    }
}
