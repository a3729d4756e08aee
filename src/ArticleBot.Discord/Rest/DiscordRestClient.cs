using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArticleBot.Discord.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArticleBot.Discord.Rest;

/// <summary>A Discord REST error: <c>{code, message}</c> with the HTTP status.</summary>
public sealed class DiscordRestException(HttpStatusCode status, int? code, string message)
    : Exception($"Discord REST {(int)status}{(code is null ? string.Empty : $" (code {code})")}: {message}")
{
    /// <summary>The HTTP status.</summary>
    public HttpStatusCode Status { get; } = status;

    /// <summary>Discord's JSON error code (10062 unknown interaction, 50013 missing permissions, …).</summary>
    public int? Code { get; } = code;
}

/// <summary>The REST calls the bot makes.</summary>
public interface IDiscordRestClient
{
    /// <summary><c>GET /gateway/bot</c>: the gateway URL, the recommended shard count and the session start limit.</summary>
    Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken);

    /// <summary><c>POST /channels/{id}/messages</c>; returns the created message.</summary>
    Task<JsonElement> CreateMessageAsync(string channelId, JsonObject message, CancellationToken cancellationToken);

    /// <summary><c>PATCH /channels/{id}/messages/{id}</c>.</summary>
    Task EditMessageAsync(string channelId, string messageId, JsonObject message, CancellationToken cancellationToken);

    /// <summary><c>POST /channels/{id}/typing</c>.</summary>
    Task TriggerTypingAsync(string channelId, CancellationToken cancellationToken);

    /// <summary><c>PUT /applications/{app}[/guilds/{guild}]/commands</c>: bulk overwrite.</summary>
    Task OverwriteCommandsAsync(string applicationId, string? guildId, JsonArray commands, CancellationToken cancellationToken);

    /// <summary><c>POST /interactions/{id}/{token}/callback</c>.</summary>
    Task RespondToInteractionAsync(string interactionId, string token, JsonObject response, CancellationToken cancellationToken);

    /// <summary><c>PATCH /webhooks/{app}/{token}/messages/@original</c>.</summary>
    Task EditOriginalResponseAsync(string applicationId, string token, JsonObject message, CancellationToken cancellationToken);

    /// <summary><c>POST /webhooks/{app}/{token}</c>: a follow-up message.</summary>
    Task<JsonElement> CreateFollowupAsync(string applicationId, string token, JsonObject message, CancellationToken cancellationToken);
}

/// <summary>
/// Discord REST over an <see cref="HttpClient"/> from IHttpClientFactory: <c>Authorization: Bot …</c>, a
/// <c>DiscordBot (url, version)</c> User-Agent, JSON bodies, and the <see cref="RateLimiter"/> around every call
/// (429s wait for <c>retry_after</c> and are sent again; 5xx is sent again after a capped, jittered exponential
/// backoff on the injected clock). A request is never dropped: it is retried until it succeeds, fails with a 4xx,
/// or is cancelled.
/// </summary>
public sealed partial class DiscordRestClient(HttpClient http, RateLimiter limiter, IOptions<DiscordOptions> options, TimeProvider time, ILogger<DiscordRestClient> logger) : IDiscordRestClient
{
    /// <summary>The User-Agent Discord requires.</summary>
    public const string UserAgent = "DiscordBot (https://github.com/articlebot/articlebot, 1.0)";

    /// <summary>The first pause after a 5xx; it doubles with each further 5xx, up to <see cref="ServerErrorMaxDelay"/>.</summary>
    public static readonly TimeSpan ServerErrorBaseDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest pause between two attempts after 5xx.</summary>
    public static readonly TimeSpan ServerErrorMaxDelay = TimeSpan.FromSeconds(30);

    /// <inheritdoc/>
    public async Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken)
    {
        var body = await SendAsync(HttpMethod.Get, "/gateway/bot", "-", "/gateway/bot", null, cancellationToken);
        var info = body.ValueKind == JsonValueKind.Object ? body.Deserialize(DiscordJsonContext.Default.GatewayBotInfo) : null;
        return info is { Url.Length: > 0 } ? info : throw new DiscordRestException(HttpStatusCode.OK, null, "GET /gateway/bot returned no url");
    }

    /// <inheritdoc/>
    public Task<JsonElement> CreateMessageAsync(string channelId, JsonObject message, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "/channels/{channel}/messages", channelId, $"/channels/{channelId}/messages", message, cancellationToken);

    /// <inheritdoc/>
    public Task EditMessageAsync(string channelId, string messageId, JsonObject message, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Patch, "/channels/{channel}/messages/{message}", channelId, $"/channels/{channelId}/messages/{messageId}", message, cancellationToken);

    /// <inheritdoc/>
    public Task TriggerTypingAsync(string channelId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "/channels/{channel}/typing", channelId, $"/channels/{channelId}/typing", null, cancellationToken);

    /// <inheritdoc/>
    public Task OverwriteCommandsAsync(string applicationId, string? guildId, JsonArray commands, CancellationToken cancellationToken) =>
        guildId is null
            ? SendAsync(HttpMethod.Put, "/applications/{app}/commands", applicationId, $"/applications/{applicationId}/commands", commands, cancellationToken)
            : SendAsync(HttpMethod.Put, "/applications/{app}/guilds/{guild}/commands", guildId, $"/applications/{applicationId}/guilds/{guildId}/commands", commands, cancellationToken);

    /// <inheritdoc/>
    public Task RespondToInteractionAsync(string interactionId, string token, JsonObject response, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "/interactions/{id}/{token}/callback", interactionId, $"/interactions/{interactionId}/{token}/callback", response, cancellationToken, authorize: false);

    /// <inheritdoc/>
    public Task EditOriginalResponseAsync(string applicationId, string token, JsonObject message, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Patch, "/webhooks/{app}/{token}/messages/@original", applicationId + token, $"/webhooks/{applicationId}/{token}/messages/@original", message, cancellationToken, authorize: false);

    /// <inheritdoc/>
    public Task<JsonElement> CreateFollowupAsync(string applicationId, string token, JsonObject message, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "/webhooks/{app}/{token}", applicationId + token, $"/webhooks/{applicationId}/{token}", message, cancellationToken, authorize: false);

    private async Task<JsonElement> SendAsync(HttpMethod method, string route, string majorParameter, string path, JsonNode? body, CancellationToken cancellationToken, bool authorize = true)
    {
        var routeKey = $"{method.Method} {route}";
        var serverErrors = 0;
        var json = body?.ToJsonString();
        using var activity = DiscordTelemetry.Source.StartActivity("discord.rest " + routeKey, System.Diagnostics.ActivityKind.Client);
        activity?.SetTag("http.request.method", method.Method);
        activity?.SetTag("http.route", route);
        while (true)
        {
            using var lease = await limiter.AcquireAsync(routeKey, majorParameter, cancellationToken);
            using var request = new HttpRequestMessage(method, options.Value.ApiBaseUrl.TrimEnd('/') + path);
            request.Headers.UserAgent.ParseAdd(UserAgent);
            if (authorize)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Value.Token);
            }

            if (json is not null)
            {
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            using var response = await http.SendAsync(request, cancellationToken);
            var info = RateLimitInfo.From(response.Headers);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var (retryAfter, global) = ParseTooManyRequests(text);
                lease.Record(retryAfter is null ? info : info with { RetryAfter = retryAfter }, limited: true, globalBody: global);
                DiscordTelemetry.RateLimited.Add(1, new KeyValuePair<string, object?>("http.route", routeKey), new KeyValuePair<string, object?>("discord.rate_limit.global", global || info.Global));
                activity?.AddEvent(new System.Diagnostics.ActivityEvent("rate limited"));
                Log.RateLimited(logger, routeKey, (retryAfter ?? info.RetryAfter ?? RateLimiter.DefaultCooldown).TotalMilliseconds, global || info.Global);
                continue; // waits in AcquireAsync, then sends again: never dropped
            }

            lease.Record(info, limited: false);
            if ((int)response.StatusCode >= 500)
            {
                // Discord's 5xx are transient (a deploy, an overloaded node): wait, then send the same body again.
                lease.Dispose(); // other requests of the bucket need not wait for this one's backoff
                var delay = ServerErrorBackoff(serverErrors++);
                Log.ServerError(logger, routeKey, (int)response.StatusCode, serverErrors, (long)delay.TotalMilliseconds);
                await Task.Delay(delay, time, cancellationToken);
                continue;
            }

            activity?.SetTag("http.response.status_code", (int)response.StatusCode);
            if (!response.IsSuccessStatusCode)
            {
                activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error);
                var (code, message) = ParseError(text);
                throw new DiscordRestException(response.StatusCode, code, message ?? response.ReasonPhrase ?? "error");
            }

            return string.IsNullOrWhiteSpace(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    /// <summary>base × 2^attempt, capped, times a jitter in [0.5, 1) so clients that failed together do not retry together.</summary>
    internal static TimeSpan ServerErrorBackoff(int attempt)
    {
        var exponential = ServerErrorBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 16));
        var capped = Math.Min(ServerErrorMaxDelay.TotalMilliseconds, exponential);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (Random.Shared.NextDouble() * 0.5)));
    }

    private static (TimeSpan? RetryAfter, bool Global) ParseTooManyRequests(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            TimeSpan? retryAfter = root.TryGetProperty("retry_after", out var r) && r.TryGetDouble(out var seconds) ? TimeSpan.FromSeconds(seconds) : null;
            var global = root.TryGetProperty("global", out var g) && g.ValueKind == JsonValueKind.True;
            return (retryAfter, global);
        }
        catch (JsonException)
        {
            return (null, false); // an HTML 429 (Cloudflare): the limiter applies its default cooldown
        }
    }

    private static (int? Code, string? Message) ParseError(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            return (root.TryGetProperty("code", out var c) && c.TryGetInt32(out var code) ? code : null,
                root.TryGetProperty("message", out var m) ? m.GetString() : null);
        }
        catch (JsonException)
        {
            return (null, text.Length > 200 ? text[..200] : text);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4101, EventName = "RestRateLimited", Level = LogLevel.Information, Message = "Rate limited on {Route}: waiting {RetryAfterMs} ms (global: {Global})")]
        public static partial void RateLimited(ILogger logger, string route, double retryAfterMs, bool global);

        [LoggerMessage(EventId = 4102, EventName = "RestServerError", Level = LogLevel.Warning, Message = "Discord answered {Route} with {Status} (attempt {Attempt}): sending it again in {DelayMs} ms")]
        public static partial void ServerError(ILogger logger, string route, int status, int attempt, long delayMs);
    }
}
