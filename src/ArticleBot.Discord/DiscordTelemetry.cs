using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ArticleBot.Discord;

/// <summary>
/// Traces and metrics of the Discord channel, under the names the host's exporter listens to
/// (<c>AddSource("ArticleBot")</c>, <c>AddMeter("ArticleBot")</c>): a span per gateway event handled and per REST
/// call, and counters for reconnects and 429s.
/// </summary>
public static class DiscordTelemetry
{
    /// <summary>The ActivitySource and Meter name.</summary>
    public const string Name = "ArticleBot";

    /// <summary>Spans: <c>discord.event MESSAGE_CREATE</c>, <c>discord.rest POST /channels/{channel}/messages</c>.</summary>
    public static readonly ActivitySource Source = new(Name);

    /// <summary>Counters.</summary>
    public static readonly Meter Meter = new(Name);

    /// <summary>Gateway reconnections (tagged with the shard and whether it resumes or identifies).</summary>
    public static readonly Counter<long> Reconnects = Meter.CreateCounter<long>("articlebot.discord.reconnects", unit: "{reconnect}", description: "Gateway reconnections");

    /// <summary>REST 429 responses (tagged with the route and whether the limit was global).</summary>
    public static readonly Counter<long> RateLimited = Meter.CreateCounter<long>("articlebot.discord.rest.rate_limited", unit: "{response}", description: "Discord REST 429 responses");

    /// <summary>Gateway events handled (tagged with the event type and shard).</summary>
    public static readonly Counter<long> EventsHandled = Meter.CreateCounter<long>("articlebot.discord.events", unit: "{event}", description: "Gateway events handled");
}
