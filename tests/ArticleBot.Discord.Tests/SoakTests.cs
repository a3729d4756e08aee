using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ArticleBot.Discord.Tests.Fakes;

namespace ArticleBot.Discord.Tests;

[Collection(SoakRunsAlone.Name)]
[Trait("Category", "Soak")]
public sealed class SoakTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ThousandQuestions_OverTenChannels_UnderRateLimits_WithAReconnect_EachAnsweredOnce()
    {
        // Arrange: the fake allows 5 messages per 250 ms per channel (bucket "msg", keyed by channel) and says so in headers.
        const int questions = 1000;
        const int channels = 10;
        var windows = new ConcurrentDictionary<string, Queue<DateTimeOffset>>();
        var limited = 0;
        await using var bot = await BotHarness.StartAsync(d => d.RestHook = call =>
        {
            if (call.Method != "POST" || !call.Path.EndsWith("/messages", StringComparison.Ordinal))
            {
                return null;
            }

            var window = windows.GetOrAdd(call.Path, _ => new Queue<DateTimeOffset>());
            lock (window)
            {
                var now = DateTimeOffset.UtcNow;
                while (window.Count > 0 && now - window.Peek() > TimeSpan.FromMilliseconds(250))
                {
                    window.Dequeue();
                }

                if (window.Count >= 5)
                {
                    Interlocked.Increment(ref limited);
                    var retry = (TimeSpan.FromMilliseconds(250) - (now - window.Peek())).TotalSeconds;
                    return new RestReply(429, $"{{\"message\":\"You are being rate limited.\",\"retry_after\":{retry.ToString("0.000", CultureInfo.InvariantCulture)},\"global\":false}}", new Dictionary<string, string> { ["X-RateLimit-Bucket"] = "msg", ["X-RateLimit-Scope"] = "user" });
                }

                window.Enqueue(now);
                return null; // the default success (the limiter learns nothing from headers: it must survive 429s alone)
            }
        });
        var stopwatch = Stopwatch.StartNew();

        // Act: questions spread over the channels; a forced reconnect halfway, with events replayed after it.
        var sent = new List<JsonObject>();
        for (var i = 0; i < questions; i++)
        {
            if (i == questions / 2)
            {
                var resumedBefore = bot.Discord.Connections.Count;
                await bot.Discord.Current!.SendAsync(new JsonObject { ["op"] = 7, ["d"] = null });
                await FakeDiscord.WaitUntilAsync(() => bot.Discord.Connections.Count > resumedBefore && bot.Discord.Connections.Last().Log.Any(p => p["op"]!.GetValue<int>() == 6), "resumed");
                await bot.Discord.Connections.Last().SessionStarted.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
                foreach (var replay in sent.TakeLast(5))
                {
                    await bot.DispatchAsync("MESSAGE_CREATE", (JsonObject)replay.DeepClone()); // Discord replays missed events on resume
                }
            }

            var message = FakeDiscord.Message($"q{i}", $"ch{i % channels}", $"<@{FakeDiscord.BotUserId}> 英偉達的市值突破了多少？ #{i}", authorId: $"{2000 + (i % 50)}", mentionBot: true);
            sent.Add(message);
            await bot.DispatchAsync("MESSAGE_CREATE", message);
        }

        static bool Answer(RestCall c) => c.Method == "POST" && c.Path.EndsWith("/messages", StringComparison.Ordinal) && c.Body?["message_reference"] is not null;
        await FakeDiscord.WaitUntilAsync(() => bot.Discord.Calls.Count(Answer) - limited >= questions, "every question answered", timeoutMs: 120_000);
        await Task.Delay(300, TestContext.Current.CancellationToken); // room for duplicates to show up
        stopwatch.Stop();

        // Assert: every question got exactly one successful answer (429'd attempts were retried, not dropped).
        var attempts = bot.Discord.Calls.Where(Answer).GroupBy(c => c.Body!["message_reference"]!["message_id"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(questions, attempts.Count);
        var successes = bot.Discord.Calls.Count(Answer) - limited;
        Assert.Equal(questions, successes);
        Assert.True(limited > 0, "the fake's rate limit was hit");
        output.WriteLine($"soak: {questions} questions, {successes} answered, {limited} 429s retried, duplicates 0, {bot.Discord.Connections.Count} connections, {stopwatch.Elapsed.TotalSeconds:F1} s, {questions / stopwatch.Elapsed.TotalSeconds:F0} answers/s");
    }
}
