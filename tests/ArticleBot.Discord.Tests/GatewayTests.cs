using System.Text.Json.Nodes;
using ArticleBot.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ArticleBot.Discord.Tests;

/// <summary>The gateway's classic failure modes (docs/discord-protocol.md §8), each scripted on the fake.</summary>
public sealed class GatewayTests
{
    private static int Op(JsonNode payload) => payload["op"]!.GetValue<int>();

    [Fact]
    public async Task ZombieConnection_IsClosedWithANon1000Code_AndResumed()
    {
        // Arrange: heartbeats every 100 ms, never acknowledged.
        await using var bot = await BotHarness.StartAsync(d =>
        {
            d.HeartbeatIntervalMs = 100;
            d.AcknowledgeHeartbeats = false;
        });

        // Act
        try
        {
            await FakeDiscord.WaitUntilAsync(() => bot.Discord.Connections.Count >= 2 && bot.Discord.Connections.Last().Log.Any(p => Op(p) == 6), "a resume on a new connection");
        }
        catch (TimeoutException)
        {
            Assert.Fail(string.Join("\n", bot.Logs.Lines.Where(l => l.Contains("Gateway", StringComparison.Ordinal)).Take(30)));
        }

        // Assert
        var first = bot.Discord.Connections.First();
        await FakeDiscord.WaitUntilAsync(() => first.Closed, "the zombie closed");
        Assert.NotEqual(1000, first.ClientCloseCode);
        Assert.NotEqual(1001, first.ClientCloseCode);
        var second = bot.Discord.Connections.ElementAt(1);
        Assert.Equal("/resume", second.Path);
        Assert.Equal("?v=10&encoding=json", second.Query);
        var resume = second.Log.First(p => Op(p) == 6)["d"]!;
        Assert.Equal("session-1", resume["session_id"]!.GetValue<string>());
        Assert.DoesNotContain(second.Log, p => Op(p) == 2);
    }

    [Fact]
    public async Task ServerHeartbeatRequest_IsAnsweredAtOnce()
    {
        await using var bot = await BotHarness.StartAsync();
        var connection = bot.Discord.Current!;
        var before = connection.Heartbeats.Count;

        await connection.SendAsync(new JsonObject { ["op"] = 1, ["d"] = null });

        await FakeDiscord.WaitUntilAsync(() => connection.Heartbeats.Count > before, "an immediate heartbeat");
    }

    [Fact]
    public async Task Reconnect_Op7_ResumesOnTheResumeUrl_TwiceInARow()
    {
        await using var bot = await BotHarness.StartAsync();

        await bot.Discord.Current!.SendAsync(new JsonObject { ["op"] = 7, ["d"] = null });
        await FakeDiscord.WaitUntilAsync(() => bot.Discord.Connections.Count == 2 && bot.Discord.Connections.Last().Log.Any(p => Op(p) == 6), "first resume");
        await bot.Discord.Current!.CloseAsync(4000);
        await FakeDiscord.WaitUntilAsync(() => bot.Discord.Connections.Count == 3 && bot.Discord.Connections.Last().Log.Any(p => Op(p) == 6), "second resume");

        var connections = bot.Discord.Connections.ToArray();
        Assert.All(connections.Skip(1), c => Assert.Equal("/resume", c.Path));
        Assert.All(connections, c => Assert.Equal("?v=10&encoding=json", c.Query));
        Assert.Single(bot.Discord.CallsTo("GET", "/gateway/bot"));
    }

    [Fact]
    public async Task InvalidSession_Resumable_Resumes()
    {
        await using var bot = await BotHarness.StartAsync();

        await bot.Discord.Current!.SendAsync(new JsonObject { ["op"] = 9, ["d"] = true });
        await FakeDiscord.WaitUntilAsync(() => bot.Discord.Connections.Count == 2 && !bot.Discord.Connections.Last().Log.IsEmpty, "a new connection");

        var second = bot.Discord.Connections.Last();
        await FakeDiscord.WaitUntilAsync(() => second.Log.Any(p => Op(p) is 2 or 6), "identify or resume");
        Assert.Contains(second.Log, p => Op(p) == 6);
        Assert.Equal("/resume", second.Path);
    }

    [Fact]
    public async Task InvalidSession_NotResumable_IdentifiesAfresh_AfterARandomPause()
    {
        // Arrange: fake time, so the 1-5 s pause costs nothing.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bot = await BotHarness.StartAsync(time: time);

        // Act
        await bot.Discord.Current!.SendAsync(new JsonObject { ["op"] = 9, ["d"] = false });
        await FakeDiscord.WaitUntilAsync(() => bot.Logs.Lines.Any(l => l.Contains("reconnecting to identify", StringComparison.Ordinal)), "the bot decided to wait, then identify");
        Assert.Single(bot.Discord.Connections); // the pause is on the fake clock, which has not moved
        time.Advance(TimeSpan.FromSeconds(6));
        await FakeDiscord.WaitUntilAsync(() => bot.Discord.Connections.Count == 2 && bot.Discord.Connections.Last().Log.Any(p => Op(p) is 2 or 6), "a new session");

        // Assert
        var second = bot.Discord.Connections.Last();
        Assert.Equal("/gateway", second.Path);
        Assert.Contains(second.Log, p => Op(p) == 2);
        Assert.DoesNotContain(second.Log, p => Op(p) == 6);
    }

    [Theory]
    [InlineData(4007)]
    [InlineData(4009)]
    public async Task SessionEndingCloseCodes_IdentifyAfresh(int code)
    {
        // Fake time, so the pause before identifying again (1-5 s, as after a non-resumable invalid session) costs nothing.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bot = await BotHarness.StartAsync(time: time);

        await bot.Discord.Current!.CloseAsync(code);
        await FakeDiscord.WaitUntilAsync(() => bot.Logs.Lines.Any(l => l.Contains("reconnecting to identify", StringComparison.Ordinal)), "the bot decided to wait, then identify");
        Assert.Single(bot.Discord.Connections); // the pause is on the fake clock, which has not moved
        time.Advance(TimeSpan.FromSeconds(6));
        await FakeDiscord.WaitUntilAsync(() => bot.Discord.Connections.Count == 2 && bot.Discord.Connections.Last().Log.Any(p => Op(p) is 2 or 6), "a new connection");

        Assert.Contains(bot.Discord.Connections.Last().Log, p => Op(p) == 2);
        Assert.Equal("/gateway", bot.Discord.Connections.Last().Path);
    }

    [Theory]
    [InlineData(4004)]
    [InlineData(4014)]
    [InlineData(4013)]
    public async Task FatalCloseCodes_StopWithoutReconnecting(int code)
    {
        await using var bot = await BotHarness.StartAsync();
        var lifetime = (IHostApplicationLifetime)bot.Host.Services.GetService(typeof(IHostApplicationLifetime))!;

        var service = bot.Host.Services.GetServices<IHostedService>().OfType<BackgroundService>().Single(s => s.GetType().Namespace == "ArticleBot.Discord.Bot");

        await bot.Discord.Current!.CloseAsync(code);
        await FakeDiscord.WaitUntilAsync(() => lifetime.ApplicationStopping.IsCancellationRequested, "the application stops");
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken); // the gateway loop has ended: no reconnect can follow

        Assert.Single(bot.Discord.Connections);
        Assert.Contains(bot.Logs.Lines, l => l.Contains($"closed with {code}", StringComparison.Ordinal) && l.StartsWith("Critical", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HelloThatNeverComes_TimesOut_AndReconnects()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var scripts = 0;
        await using var bot = await BotHarness.StartAsync(
            d => d.GatewayScript = async c =>
            {
                if (Interlocked.Increment(ref scripts) == 1)
                {
                    // Silent: no Hello. Whatever the client sends is ignored until it gives up and drops the connection.
                    while (true)
                    {
                        await c.ReceiveAsync(TimeSpan.FromSeconds(30));
                    }
                }

                await d.StandardSessionAsync(c);
            },
            settings: new() { ["Discord:HelloTimeoutSeconds"] = "1" },
            time: time,
            waitForReady: false);

        // Fake time: the hello timeout and the pause before reconnecting pass as the test moves the clock, in steps
        // (each waits a little for the bot to act on the last), until a new session is identified.
        await FakeDiscord.WaitUntilAsync(() => !bot.Discord.Connections.IsEmpty, "the first connection");
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (!(bot.Discord.Connections.Count >= 2 && bot.Discord.Connections.Last().Log.Any(p => Op(p) == 2)))
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(120), "no new session after the silent connection");
            await Task.Delay(10, TestContext.Current.CancellationToken);
            time.Advance(TimeSpan.FromMilliseconds(250));
        }

        // The silent first connection was given up on; a later one (on a loaded machine, maybe not the second) got READY.
        var connections = bot.Discord.Connections.ToArray();
        Assert.True(connections.Length >= 2);
        Assert.True(connections[0].Closed, "the silent connection was closed");
        Assert.Contains(connections[^1].Log, p => Op(p) == 2);
    }

    [Fact]
    public async Task FragmentedFrames_AreReadWhole()
    {
        await using var bot = await BotHarness.StartAsync();
        var message = FakeDiscord.Message("f1", "cf", $"<@{FakeDiscord.BotUserId}> 英偉達的市值突破了多少？" + new string(' ', 5000), mentionBot: true);

        await bot.Discord.Current!.SendFragmentedAsync(new JsonObject { ["op"] = 0, ["t"] = "MESSAGE_CREATE", ["s"] = 2, ["d"] = message }, pieces: 7);
        await FakeDiscord.WaitUntilAsync(() => bot.MessagesIn("cf").Count == 1, "the answer");
    }

    [Fact]
    public async Task SlowReplies_DoNotDelayHeartbeats()
    {
        // Arrange: fake time; heartbeats every 5 s; the reply's REST call is held until the test releases it.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var interval = TimeSpan.FromSeconds(5);
        var step = TimeSpan.FromSeconds(1);
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await BotHarness.StartAsync(
            d =>
            {
                d.Clock = time.GetUtcNow;
                d.HeartbeatIntervalMs = (int)interval.TotalMilliseconds;
                d.RestGate = call => call.Path == "/channels/cs/messages" ? held.Task : Task.CompletedTask;
            },
            time: time);
        var connection = bot.Discord.Current!;

        // Act: while the reply hangs, ten intervals pass on the bot's clock.
        await bot.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("s1", "cs", $"<@{FakeDiscord.BotUserId}> 騰訊紅包？", mentionBot: true));
        await FakeDiscord.WaitUntilAsync(() => bot.MessagesIn("cs").Count == 1, "the reply is being sent (and held)");
        var start = time.GetUtcNow();
        for (var elapsed = TimeSpan.Zero; elapsed < interval * 10; elapsed += step)
        {
            // A beat that is due must arrive, and be acknowledged (else the next beat would see a zombie), before time moves on.
            await bot.Discord.WaitForDueHeartbeatsAsync(interval);
            await FakeDiscord.WaitUntilAsync(() => bot.Logs.Lines.Count(l => l.Contains("Heartbeat acknowledged", StringComparison.Ordinal)) >= TotalBeats(bot), "the ACKs reached the bot");
            time.Advance(step);
        }

        // Assert: the heartbeats kept their rhythm on the bot's clock.
        var during = connection.Heartbeats.Where(t => t >= start).ToArray();
        Assert.True(during.Length >= 9, $"{during.Length} heartbeats in ten intervals");
        Assert.All(during.Zip(during.Skip(1), (a, b) => b - a), gap => Assert.True(gap <= interval + step, $"gap {gap}"));
        Assert.Single(bot.Discord.Connections);
        held.SetResult();
        await FakeDiscord.WaitUntilAsync(() => bot.Discord.Answered == bot.Discord.Calls.Count, "the held reply answered");
    }

    private static int TotalBeats(BotHarness bot) => bot.Discord.Connections.Sum(c => c.Heartbeats.Count);
}
