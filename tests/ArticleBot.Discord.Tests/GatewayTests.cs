using System.Text.Json.Nodes;
using ArticleBot.Discord.Tests.Fakes;
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
        await FakeDiscord.WaitUntilAsync(() => bot.Discord.Connections.First().Closed, "the invalid session closed");
        await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.Single(bot.Discord.Connections); // waits before reconnecting
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
        await using var bot = await BotHarness.StartAsync();

        await bot.Discord.Current!.CloseAsync(code);
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

        await bot.Discord.Current!.CloseAsync(code);
        await FakeDiscord.WaitUntilAsync(() => lifetime.ApplicationStopping.IsCancellationRequested, "the application stops");
        await Task.Delay(300, TestContext.Current.CancellationToken);

        Assert.Single(bot.Discord.Connections);
        Assert.Contains(bot.Logs.Lines, l => l.Contains($"closed with {code}", StringComparison.Ordinal) && l.StartsWith("Critical", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HelloThatNeverComes_TimesOut_AndReconnects()
    {
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
            settings: new() { ["Discord:HelloTimeoutSeconds"] = "1" });

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
        // Arrange: heartbeats every 150 ms; every REST call takes 10 s, so the reply hangs for 10 s.
        await using var bot = await BotHarness.StartAsync(d => d.HeartbeatIntervalMs = 150);
        var connection = bot.Discord.Current!;
        bot.Discord.RestLatency = TimeSpan.FromSeconds(10);

        // Act
        await bot.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("s1", "cs", $"<@{FakeDiscord.BotUserId}> 騰訊紅包？", mentionBot: true));
        await FakeDiscord.WaitUntilAsync(() => bot.MessagesIn("cs").Count == 1, "the reply is being sent");
        var sent = bot.MessagesIn("cs")[0].At;
        var window = (Start: sent, End: sent + TimeSpan.FromSeconds(8)); // the reply is still waiting for its response
        await FakeDiscord.WaitUntilAsync(() => connection.Heartbeats.Count(t => t >= window.Start && t <= window.End) >= 10, "ten heartbeats while the reply hangs");

        // Assert: heartbeats kept their rhythm while the reply was blocked.
        var beats = connection.Heartbeats.Where(t => t >= window.Start && t <= window.End).ToArray();
        var maxGap = beats.Zip(beats.Skip(1), (a, b) => b - a).Max();
        Assert.True(maxGap < TimeSpan.FromSeconds(2), $"max gap {maxGap.TotalMilliseconds} ms"); // blocked, it would be 10 s
        Assert.Single(bot.Discord.Connections);
        bot.Discord.RestLatency = TimeSpan.Zero;
    }
}
