using System.Diagnostics;
using System.Diagnostics.Metrics;
using ArticleBot.Core.Diagnostics;

namespace ArticleBot.Core.Answering;

/// <summary>
/// The answer metrics on the <c>ArticleBot</c> meter: answers, abstentions and fallbacks by backend, and how long an
/// answer takes. <c>articlebot.backend</c> is the backend asked first; a fallback is counted under it, with its reason.
/// </summary>
internal static class AnswerMetrics
{
    private static readonly Counter<long> s_answers = ArticleBotTelemetry.Meter.CreateCounter<long>(
        "articlebot.answers", unit: "{answer}", description: "Questions answered.");

    private static readonly Counter<long> s_abstentions = ArticleBotTelemetry.Meter.CreateCounter<long>(
        "articlebot.abstentions", unit: "{answer}", description: "Answers with no verified citation (the article does not say).");

    private static readonly Counter<long> s_fallbacks = ArticleBotTelemetry.Meter.CreateCounter<long>(
        "articlebot.fallbacks", unit: "{answer}", description: "Answers where the extractive answerer stood in for the model.");

    private static readonly Histogram<double> s_duration = ArticleBotTelemetry.Meter.CreateHistogram<double>(
        "articlebot.answer.duration", unit: "s", description: "Time from question to finished answer.");

    /// <summary>Records one finished answer.</summary>
    public static void Record(ArticleAnswer answer, string backend, TimeSpan elapsed)
    {
        var tags = new TagList { { "articlebot.backend", backend }, { "articlebot.answered_by", answer.Backend } };
        s_answers.Add(1, tags);
        s_duration.Record(elapsed.TotalSeconds, tags);
        if (!answer.Grounded)
        {
            s_abstentions.Add(1, tags);
        }

        if (answer.Fallback is not null)
        {
            s_fallbacks.Add(1, new TagList { { "articlebot.backend", backend }, { "articlebot.fallback.reason", ReasonKind(answer.Fallback) } });
        }
    }

    /// <summary>A short, bounded label for a fallback reason (the full text goes on the span, not on a metric).</summary>
    private static string ReasonKind(string reason) => reason switch
    {
        _ when reason.Contains("without searching", StringComparison.Ordinal) => "no_search",
        _ when reason.Contains("kept calling tools", StringComparison.Ordinal) => "tool_loop",
        _ when reason.Contains("tool calls failed", StringComparison.Ordinal) => "tool_failure",
        _ when reason.Contains("empty answer", StringComparison.Ordinal) => "empty",
        _ when reason.Contains("in time", StringComparison.Ordinal) => "timeout",
        _ => "model_error",
    };
}
