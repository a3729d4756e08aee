using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ArticleBot.Core.Diagnostics;

/// <summary>
/// The bot's one activity source and one meter, both named <see cref="Name"/>, so a single
/// <c>AddSource("ArticleBot")</c>/<c>AddMeter("ArticleBot")</c> exports everything the bot reports (every project
/// uses these names). Creating spans and instruments costs next to nothing while nobody listens.
/// </summary>
public static class ArticleBotTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "ArticleBot";

    /// <summary>The source of the bot's spans: the question, retrieval, tool calls, composing, citations.</summary>
    public static ActivitySource Source { get; } = new(Name);

    /// <summary>The meter of the bot's metrics.</summary>
    public static Meter Meter { get; } = new(Name);
}
