using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using ArticleBot.Discord.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace ArticleBot.Discord.Tests;

[Collection(SoakRunsAlone.Name)]
[Trait("Category", "Soak")]
public sealed class FaultSoakTests(ITestOutputHelper output)
{
    private static int Op(JsonNode payload) => payload["op"]!.GetValue<int>();

    [Fact]
    public async Task FiveThousandQuestions_TenSimulatedMinutes_WithDropsReconnectsAnd429sAnd5xx_EachAnsweredOnce()
    {
        // Arrange: fake time for the bot (heartbeats, backoff, rate-limit waits) and the fake's heartbeat stamps.
        const int questions = 5000;
        const int rounds = 50;
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var successes = new ConcurrentDictionary<string, int>();
        var attempts = 0;
        var limited = 0;
        var failed = 0;
        await using var bot = await BotHarness.StartAsync(
            d =>
            {
                d.Clock = time.GetUtcNow;
                d.HeartbeatIntervalMs = 5000; // several beats per connection, so lateness shows
                d.RestHook = call =>
                {
                    if (call.Method != "POST" || !call.Path.EndsWith("/messages", StringComparison.Ordinal) || call.Body?["message_reference"] is not { } reference)
                    {
                        return null;
                    }

                    var n = Interlocked.Increment(ref attempts);
                    if (n % 7 == 0)
                    {
                        Interlocked.Increment(ref limited);
                        return new RestReply(429, "{\"message\":\"You are being rate limited.\",\"retry_after\":1.5,\"global\":false}", new Dictionary<string, string> { ["X-RateLimit-Bucket"] = "msg" });
                    }

                    if (n % 11 == 0)
                    {
                        Interlocked.Increment(ref failed);
                        return new RestReply(502, "{\"message\":\"Bad Gateway\",\"code\":0}");
                    }

                    successes.AddOrUpdate(reference["message_id"]!.GetValue<string>(), 1, (_, c) => c + 1);
                    return null;
                };
            },
            time: time);
        var interval = TimeSpan.FromMilliseconds(bot.Discord.HeartbeatIntervalMs);
        var step = TimeSpan.FromSeconds(1);
        long memoryAfterWarmup = 0;
        var stopwatch = Stopwatch.StartNew();

        // Act: 50 rounds of 100 questions, 12 simulated seconds each; a fault in most rounds.
        for (var round = 0; round < rounds; round++)
        {
            var resumes = bot.Discord.Connections.Sum(c => c.Log.Count(p => Op(p) is 2 or 6));
            switch (round % 5)
            {
                case 1:
                    await bot.Discord.Current!.SendAsync(new JsonObject { ["op"] = 7, ["d"] = null });
                    break;
                case 2:
                    await bot.Discord.Current!.CloseAsync(4000);
                    break;
                case 3:
                    await bot.Discord.Current!.SendAsync(new JsonObject { ["op"] = 9, ["d"] = true });
                    break;
                case 4:
                    bot.Discord.Current!.Abort(); // a dropped connection, no close frame
                    break;
            }

            if (round % 5 != 0)
            {
                await AdvanceUntilAsync(bot.Discord, time, step, interval, () => bot.Discord.Connections.Sum(c => c.Log.Count(p => Op(p) is 2 or 6)) > resumes && bot.Discord.Current is { } c && c.Log.Any(p => Op(p) is 2 or 6), "a new session after the fault");
                await bot.Discord.Current!.SessionStarted.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken); // RESUMED goes out before the new events
            }

            for (var i = 0; i < questions / rounds; i++)
            {
                var q = (round * (questions / rounds)) + i;
                await bot.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message($"q{q}", $"ch{q % 20}", $"<@{FakeDiscord.BotUserId}> 英偉達的市值突破了多少？ #{q}", authorId: $"{3000 + (q % 97)}", mentionBot: true));
            }

            var expected = (round + 1) * (questions / rounds);
            await AdvanceUntilAsync(bot.Discord, time, step, interval, () => successes.Count >= expected, $"round {round} answered", minimumSteps: 12);
            bot.Discord.Calls.Clear(); // the fake's records and the captured log lines would otherwise
            bot.Logs.Lines.Clear();    // dominate the memory figure: it is the bot's memory that must stay flat
            if (round == 4)
            {
                memoryAfterWarmup = GC.GetTotalMemory(forceFullCollection: true);
            }
        }

        await AdvanceUntilAsync(bot.Discord, time, step, interval, () => true, "room for a duplicate to show up", minimumSteps: 30); // a stray retry would fire in these 30 simulated seconds
        stopwatch.Stop();
        var memoryAtEnd = GC.GetTotalMemory(forceFullCollection: true);

        // Assert: each question answered exactly once; heartbeats on time in simulated time; memory flat.
        Assert.Equal(questions, successes.Count);
        Assert.All(successes.Values, count => Assert.Equal(1, count));
        var lateBeats = bot.Discord.Connections.Select(c => c.Heartbeats.ToArray()).Where(b => b.Length > 1)
            .SelectMany(b => b.Zip(b.Skip(1), (x, y) => y - x)).ToList();
        var maxGap = lateBeats.Count == 0 ? TimeSpan.Zero : lateBeats.Max();
        Assert.True(maxGap <= interval + step, $"heartbeat gap {maxGap} > interval {interval} + one step");
        Assert.True(memoryAtEnd < memoryAfterWarmup + (32L * 1024 * 1024), $"memory grew from {memoryAfterWarmup / 1024 / 1024} MB to {memoryAtEnd / 1024 / 1024} MB");
        output.WriteLine($"fault soak: {questions} questions, {successes.Count} answered, duplicates {successes.Values.Count(v => v > 1)}, {limited} 429s and {failed} 502s retried, {bot.Discord.Connections.Count} connections, simulated {rounds * 12 / 60.0:F0}+ min, max heartbeat gap {maxGap.TotalSeconds:F1} s (interval {interval.TotalSeconds:F2} s), managed memory {memoryAfterWarmup / 1024 / 1024} MB → {memoryAtEnd / 1024 / 1024} MB, real {stopwatch.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>
    /// Lets simulated time pass in steps until the condition holds. Before each step every heartbeat that is due must
    /// have arrived, so the heartbeats' fake-time stamps measure the bot's schedule, not the machine's speed.
    /// </summary>
    private static async Task AdvanceUntilAsync(FakeDiscord discord, FakeTimeProvider time, TimeSpan step, TimeSpan interval, Func<bool> condition, string what, int minimumSteps = 0)
    {
        var deadline = Stopwatch.StartNew();
        var steps = 0;
        while (!condition() || steps < minimumSteps)
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(120))
            {
                throw new TimeoutException($"timed out waiting for {what}");
            }

            await Task.Delay(5, TestContext.Current.CancellationToken);
            if (steps < minimumSteps || !condition())
            {
                await discord.WaitForDueHeartbeatsAsync(interval);
                time.Advance(step);
                steps++;
            }
        }
    }
}
