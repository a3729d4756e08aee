using System.Reflection;
using ArticleBot.Mcp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ModelContextProtocol.Protocol;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers ArticleBot's Model Context Protocol server (the caller picks the transport).</summary>
public static class ArticleMcpServiceCollectionExtensions
{
    /// <summary>
    /// Adds the MCP server with the article tools (<see cref="ArticleTools"/>) and the seed articles as resources
    /// (<see cref="ArticleResources"/>). Needs <c>AddArticleBotCore</c>. Binds section <c>Mcp</c>
    /// (<see cref="ArticleMcpOptions"/>). Follow with <c>WithStdioServerTransport()</c> or <c>WithHttpTransport()</c>.
    /// </summary>
    public static IMcpServerBuilder AddArticleBotMcpServer(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSettings<ArticleMcpOptions>(ArticleMcpOptions.SectionName);
        services.TryAddSingleton<ArticleTools>();
        services.TryAddSingleton<ArticleResources>();
        var version = typeof(ArticleTools).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0.0";
        return services
            .AddMcpServer(options =>
            {
                options.ServerInfo = new Implementation { Name = "articlebot", Title = "ArticleBot", Version = version.Split('+')[0] };
                options.ServerInstructions = "Answers questions about one news article (Chinese) and cites it. Use ask for an answer with citations; "
                    + "search to find passages; read article:// resources for the whole text and passage://<id> for one passage. "
                    + "Every citation's quote is the article's text at [start, end).";
            })
            .WithListToolsHandler((request, _) => ValueTask.FromResult(request.Services!.GetRequiredService<ArticleTools>().List()))
            .WithCallToolHandler(async (request, cancellationToken) =>
                await request.Services!.GetRequiredService<ArticleTools>().CallAsync(request.Params!.Name, request.Params.Arguments, cancellationToken))
            .WithListResourcesHandler((request, _) => ValueTask.FromResult(request.Services!.GetRequiredService<ArticleResources>().List()))
            .WithListResourceTemplatesHandler((_, _) => ValueTask.FromResult(ArticleResources.Templates()))
            .WithReadResourceHandler((request, _) => ValueTask.FromResult(request.Services!.GetRequiredService<ArticleResources>().Read(request.Params!.Uri)));
    }
}
