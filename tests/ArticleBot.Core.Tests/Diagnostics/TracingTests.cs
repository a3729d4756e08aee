using System.Diagnostics;
using ArticleBot.Core.Diagnostics;
using ArticleBot.Core.Tests.Fakes;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ArticleBot.Core.Tests.Diagnostics;

/// <summary>One offline question, traced and measured with OpenTelemetry's in-memory exporters.</summary>
public sealed class TracingTests
{
    private static readonly ActivitySource s_test = new("ArticleBot.Tests.Tracing");

    [Fact]
    public async Task OfflineQuestion_TracesQuestionRetrievalToolCallComposeAndCitations_AndCountsTheAnswer()
    {
        // Arrange: exporters for the bot's source and meter; a parent span marks this test's trace (tests run in parallel).
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(ArticleBotTelemetry.Name, s_test.Name).AddInMemoryExporter(spans).Build();
        using var meters = Sdk.CreateMeterProviderBuilder().AddMeter(ArticleBotTelemetry.Name).AddInMemoryExporter(metrics).Build();
        ActivityTraceId trace;

        // Act
        using (var parent = s_test.StartActivity("test"))
        {
            trace = parent!.TraceId;
            var answer = await TestCorpus.Answerer.AskAsync("英偉達的市值突破了多少？", null, TestContext.Current.CancellationToken);
            Assert.True(answer.Grounded);
        }

        tracing.ForceFlush();
        meters.ForceFlush();

        // Assert: question → tool call → retrieval; question → compose; question → citations.
        var mine = spans.Where(s => s.TraceId == trace && s.Source.Name == ArticleBotTelemetry.Name).ToList();
        var question = Assert.Single(mine, s => s.DisplayName == "answer");
        var tool = Assert.Single(mine, s => s.DisplayName == "tool article.search");
        var retrieval = Assert.Single(mine, s => s.DisplayName == "retrieve");
        var compose = Assert.Single(mine, s => s.DisplayName == "compose");
        var citations = Assert.Single(mine, s => s.DisplayName == "citations");
        Assert.True(IsWithin(tool, question, spans), "the tool call is part of the question");
        Assert.Equal(tool.SpanId, retrieval.ParentSpanId);
        Assert.True(IsWithin(compose, question, spans), "composing is part of the question");
        Assert.Equal(question.SpanId, citations.ParentSpanId);
        Assert.Equal("extractive", question.GetTagItem("articlebot.answer.backend"));
        Assert.Equal(true, question.GetTagItem("articlebot.answer.grounded"));

        var answers = Assert.Single(metrics, m => m.Name == "articlebot.answers");
        Assert.True(Sum(answers, "articlebot.backend", "extractive") >= 1);
        Assert.Contains(metrics, m => m.Name == "articlebot.answer.duration");
        Assert.Contains(metrics, m => m.Name == "articlebot.plugin.calls");
    }

    private static bool IsWithin(Activity span, Activity ancestor, List<Activity> all)
    {
        for (var current = span; current is not null; current = all.FirstOrDefault(a => a.SpanId == current.ParentSpanId))
        {
            if (current.SpanId == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }

    private static long Sum(Metric metric, string tag, string value)
    {
        long total = 0;
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            foreach (var pair in point.Tags)
            {
                if (pair.Key == tag && Equals(pair.Value, value))
                {
                    total += point.GetSumLong();
                }
            }
        }

        return total;
    }
}
