using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using ArticleBot.Discord.Tests.Fakes;

namespace ArticleBot.Discord.Tests;

/// <summary>
/// Spans and counters under "ArticleBot". The listeners see every test's telemetry (the source is static), so each
/// assertion looks for what only this test produced: its own channel, or a count that only grows.
/// </summary>
[Collection(SoakRunsAlone.Name)] // alone: the 429 and reconnect counts are then this test's own
public sealed class TelemetryTests
{
    [Fact]
    public async Task EventsAndRestCalls_AreSpans_ReconnectsAnd429s_AreCounted()
    {
        // Arrange: listeners on the "ArticleBot" source and meter; the fake answers the first message POST with a 429.
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == DiscordTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var counts = new ConcurrentDictionary<string, long>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == DiscordTelemetry.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, _, _) => counts.AddOrUpdate(instrument.Name, value, (_, n) => n + value));
        meters.Start();
        var limited = 0;
        await using var bot = await BotHarness.StartAsync(d => d.RestHook = call =>
            call.Path == "/channels/tel/messages" && Interlocked.Increment(ref limited) == 1
                ? new RestReply(429, "{\"message\":\"You are being rate limited.\",\"retry_after\":0.01,\"global\":false}", new Dictionary<string, string> { ["X-RateLimit-Bucket"] = "t" })
                : null);

        // Act: a question (answered after a 429), then a reconnect.
        await bot.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("t1", "tel", $"<@{FakeDiscord.BotUserId}> 騰訊紅包？", mentionBot: true));
        await FakeDiscord.WaitUntilAsync(() => bot.Discord.Answered >= bot.Discord.Calls.Count && bot.MessagesIn("tel").Count == 2, "the answer, after the 429");
        await bot.Discord.Current!.SendAsync(new JsonObject { ["op"] = 7, ["d"] = null });
        await FakeDiscord.WaitUntilAsync(() => bot.Discord.Connections.Count == 2 && bot.Discord.Current?.SessionStarted.IsCompleted == true, "resumed");
        await FakeDiscord.WaitUntilAsync(() => spans.Any(s => s.OperationName == "discord.event MESSAGE_CREATE" && (string?)s.GetTagItem("discord.channel") == "tel"), "the event's span ended");
        meters.RecordObservableInstruments();

        // Assert
        Assert.Contains(spans, s => s.OperationName == "discord.rest POST /channels/{channel}/messages" && s.GetTagItem("http.response.status_code") is 200 && s.Kind == ActivityKind.Client);
        Assert.Contains(spans, s => s.OperationName == "discord.event READY" && s.GetTagItem("discord.shard") is 0);
        Assert.True(counts.GetValueOrDefault("articlebot.discord.rest.rate_limited") >= 1, "the 429 was counted");
        Assert.True(counts.GetValueOrDefault("articlebot.discord.reconnects") >= 1, "the reconnect was counted");
        Assert.True(counts.GetValueOrDefault("articlebot.discord.events") >= 2, "events were counted");
    }
}
