using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace ArticleBot.Mcp;

/// <summary>
/// The single MCP session of <c>ArticleBot mcp</c> over stdio (or any pair of streams): runs the server on a
/// <see cref="JsonRpcLineTransport"/> until the client closes its end, then stops the host.
/// </summary>
public sealed class StdioSession(
    StdioStreams streams,
    IOptions<McpServerOptions> serverOptions,
    IOptions<ArticleMcpOptions> options,
    ILoggerFactory loggers,
    IServiceProvider services,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var transport = new JsonRpcLineTransport(streams.Input, streams.Output, options.Value.MaxRequestBytes, loggers);
            await using var server = McpServer.Create(transport, serverOptions.Value, loggers, services);
            await server.RunAsync(stoppingToken);
        }
        finally
        {
            lifetime.StopApplication();
        }
    }
}

/// <summary>The streams an <see cref="StdioSession"/> talks over: stdin and stdout, or a test's pipes.</summary>
/// <param name="Input">Where requests come from.</param>
/// <param name="Output">Where answers go.</param>
public sealed record StdioStreams(Stream Input, Stream Output);
