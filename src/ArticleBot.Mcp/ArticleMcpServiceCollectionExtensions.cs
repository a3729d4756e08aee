using System.Reflection;
using ArticleBot.Mcp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ModelContextProtocol;
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
        builder.AddArticleImport();
        services.TryAddSingleton<ImportTools>();
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
            .WithMessageFilters(filters => filters.AddIncomingFilter(RequestGuard.Filter))
            .WithListToolsHandler((request, cancellationToken) => request.Services!.GetRequiredService<ArticleTools>().ListAsync(cancellationToken))
            .WithCallToolHandler(async (request, cancellationToken) => request.Params is { } call
                ? await request.Services!.GetRequiredService<ArticleTools>().CallAsync(call.Name, call.Arguments, cancellationToken)
                : throw new McpProtocolException("Invalid params: tools/call needs params {\"name\": \"<tool>\", \"arguments\": {…}}.", McpErrorCode.InvalidParams))
            .WithListResourcesHandler((request, _) => ValueTask.FromResult(request.Services!.GetRequiredService<ArticleResources>().List()))
            .WithListResourceTemplatesHandler((_, _) => ValueTask.FromResult(ArticleResources.Templates()))
            .WithReadResourceHandler((request, _) => ValueTask.FromResult(request.Services!.GetRequiredService<ArticleResources>().Read(request.Params?.Uri ?? string.Empty)))

            // No prompts, but an empty list rather than "method not found": some clients stop at the first error.
            .WithListPromptsHandler((_, _) => ValueTask.FromResult(new ListPromptsResult { Prompts = [] }))
            .WithGetPromptHandler((request, _) => throw new McpProtocolException($"Invalid params: there is no prompt '{request.Params?.Name}' (the server offers none).", McpErrorCode.InvalidParams));
    }

    /// <summary>
    /// Serves streamable HTTP (map it with <c>MapMcp</c> behind <see cref="OriginGuard"/>), with request bodies capped
    /// at <see cref="ArticleMcpOptions.MaxRequestBytes"/>.
    /// </summary>
    public static IMcpServerBuilder WithArticleBotHttp(this IMcpServerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<ArticleMcpOptions>>((kestrel, mcp) => kestrel.Limits.MaxRequestBodySize = mcp.Value.MaxRequestBytes);
        return builder.WithHttpTransport();
    }

    /// <summary>
    /// Serves the single stdio session on <see cref="JsonRpcLineTransport"/> (every malformed line answered by the
    /// JSON-RPC specification), over stdin/stdout unless <see cref="StdioStreams"/> are registered (tests use pipes).
    /// </summary>
    public static IMcpServerBuilder WithArticleBotStdio(this IMcpServerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(_ => new StdioStreams(Console.OpenStandardInput(), Console.OpenStandardOutput()));
        builder.Services.AddHostedService<StdioSession>();
        return builder;
    }
}
