using System.Net;
using ArticleBot.Core.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ArticleBot.Cli;

/// <summary>
/// Runs ArticleBot as a Model Context Protocol server: over stdio (stdout carries only the protocol, logs go to
/// stderr) until the client closes stdin, or over streamable HTTP on a loopback address until Ctrl+C.
/// </summary>
public static class McpHost
{
    /// <summary>The path the HTTP transport serves.</summary>
    public const string HttpPath = "/mcp";

    /// <summary>Serves MCP over stdin/stdout.</summary>
    public static async Task<int> RunStdioAsync(string[] configurationArgs, CancellationToken cancellationToken)
    {
        try
        {
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { Args = configurationArgs, ContentRootPath = ContentRoot.Resolve() });
            BotHost.Configure(builder, configurationArgs);
            builder.AddSeedsWatcher(); // articles added while the server runs are searched and listed as resources
            builder.AddArticleBotMcpServer().WithArticleBotStdio();
            using var host = builder.Build();
            SettingsCheck.Switches(configurationArgs, host.Services.GetRequiredService<KnownSettings>());
            BotHost.ValidateConfiguration(host);
            host.Services.GetRequiredService<Core.Search.ArticleSearch>(); // a bad seeds folder is reported before the client connects
            await host.RunAsync(cancellationToken);
            return ExitCodes.Success;
        }
        catch (Exception ex) when (BotHost.DescribeConfigurationError(ex) is { } message)
        {
            await Console.Error.WriteLineAsync($"error: {message}");
            return ExitCodes.Usage;
        }
    }

    /// <summary>Serves MCP over streamable HTTP at <c>http://&lt;endpoint&gt;/mcp</c>; only loopback addresses are allowed.</summary>
    public static async Task<int> RunHttpAsync(string[] configurationArgs, IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        try
        {
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = configurationArgs, ContentRootPath = ContentRoot.Resolve() });
            builder.WebHost.UseKestrelCore().UseUrls($"http://{endpoint}");
            builder.Services.AddRoutingCore();
            BotHost.Configure(builder, configurationArgs);
            builder.AddSeedsWatcher(); // articles added while the server runs are searched and listed as resources
            builder.AddArticleBotMcpServer().WithArticleBotHttp();
            await using var app = builder.Build();
            SettingsCheck.Switches(configurationArgs, app.Services.GetRequiredService<KnownSettings>());
            BotHost.ValidateConfiguration(app);
            app.Services.GetRequiredService<Core.Search.ArticleSearch>();
            app.UseMiddleware<ArticleBot.Mcp.OriginGuard>(); // before anything else: a foreign Host or Origin gets 403
            app.UseRouting();
            app.MapMcp(HttpPath);
            await app.StartAsync(cancellationToken);
            await Console.Error.WriteLineAsync($"MCP server listening on http://{endpoint}{HttpPath} (streamable HTTP). Ctrl+C stops it.");
            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Success;
        }
        catch (Exception ex) when (BotHost.DescribeConfigurationError(ex) is { } message)
        {
            await Console.Error.WriteLineAsync($"error: {message}");
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException)
        {
            await Console.Error.WriteLineAsync($"error: cannot listen on {endpoint}: {ex.Message}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>Parses <c>host:port</c> for <c>--http</c>; null (with a message) unless it is a loopback address.</summary>
    public static IPEndPoint? ParseLoopback(string value, out string? error)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.StartsWith("localhost:", StringComparison.OrdinalIgnoreCase) ? "127.0.0.1" + value["localhost".Length..] : value;
        if (!IPEndPoint.TryParse(text, out var endpoint) || endpoint.Port == 0)
        {
            error = $"--http '{value}' is not host:port (e.g. 127.0.0.1:3001).";
            return null;
        }

        if (!IPAddress.IsLoopback(endpoint.Address))
        {
            error = $"--http '{value}' is not a loopback address: the MCP server has no authentication, so it listens on 127.0.0.1 or [::1] only.";
            return null;
        }

        error = null;

        // [::ffff:127.0.0.1] is 127.0.0.1 written as IPv6; an IPv6 socket cannot bind it, an IPv4 one can.
        return endpoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(endpoint.Address.MapToIPv4(), endpoint.Port) : endpoint;
    }
}
