using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArticleBot.Mcp;

/// <summary>
/// Keeps web pages of other origins away from <c>mcp --http</c>. Listening on loopback is not enough: a page on
/// attacker.example can point its own name at 127.0.0.1 (DNS rebinding), and its requests then carry
/// <c>Host: attacker.example</c> and <c>Origin: http://attacker.example</c>. The MCP specification says servers MUST
/// validate Origin; so every request needs a loopback <c>Host</c> (localhost, 127.x.x.x, [::1]) and either no
/// <c>Origin</c> (a program, not a browser) or a loopback one, or one of <see cref="ArticleMcpOptions.AllowedOrigins"/>.
/// Anything else gets 403 with the reason.
/// </summary>
public sealed partial class OriginGuard(RequestDelegate next, IOptions<ArticleMcpOptions> options, ILogger<OriginGuard> logger)
{
    /// <summary>Refuses or passes one request.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var origin = context.Request.Headers.Origin.Count > 0 ? context.Request.Headers.Origin.ToString() : null;
        if (Refusal(context.Request.Host.Host, origin, options.Value.AllowedOrigins) is { } reason)
        {
            Log.Refused(logger, reason);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"Forbidden: {reason}\n", context.RequestAborted);
            return;
        }

        await next(context);
    }

    /// <summary>Why a request with this Host and Origin is refused, or null when it may go on.</summary>
    public static string? Refusal(string? host, string? origin, IEnumerable<string> allowedOrigins)
    {
        ArgumentNullException.ThrowIfNull(allowedOrigins);
        if (!IsLoopbackName(host))
        {
            return $"Host '{Cut(host)}' is not a loopback name; this server answers requests to localhost, 127.0.0.1 or [::1] only.";
        }

        if (origin is null)
        {
            return null;
        }

        if (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && IsLoopbackName(uri.Host))
        {
            return null;
        }

        var normalised = origin.TrimEnd('/');
        return allowedOrigins.Any(a => string.Equals(a.Trim().TrimEnd('/'), normalised, StringComparison.OrdinalIgnoreCase))
            ? null
            : $"Origin '{Cut(origin)}' is not allowed; pages of other origins may not call this server (add the origin to Mcp:AllowedOrigins to allow it).";
    }

    private static bool IsLoopbackName(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return false;
        }

        var name = host.Trim('[', ']');
        return string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(name, out var address) && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address));
    }

    private static string Cut(string? text) => text is { Length: > 80 } ? text[..80] + "…" : text ?? string.Empty;

    private static partial class Log
    {
        [LoggerMessage(EventId = 7004, EventName = "McpRequestRefused", Level = LogLevel.Warning, Message = "MCP request refused: {Reason}")]
        public static partial void Refused(ILogger logger, string reason);
    }
}
