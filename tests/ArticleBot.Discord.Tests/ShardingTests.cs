using System.Text.Json.Nodes;
using ArticleBot.Discord.Gateway;
using ArticleBot.Discord.Model;
using ArticleBot.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ArticleBot.Discord.Tests;

/// <summary>Shards: one connection each, identified within the session start limit, events routed by guild as Discord routes them.</summary>
public sealed class ShardingTests
{
    private static int Op(JsonNode payload) => payload["op"]!.GetValue<int>();

    /// <summary>The question ids answered (by message_reference) in every channel, with how often.</summary>
    private static Dictionary<string, int> Answers(FakeDiscord discord) => discord.Calls
        .Where(c => c.Method == "POST" && c.Path.EndsWith("/messages", StringComparison.Ordinal) && c.Body?["message_reference"] is not null)
        .GroupBy(c => c.Body!["message_reference"]!["message_id"]!.GetValue<string>())
        .ToDictionary(g => g.Key, g => g.Count());

    /// <summary>A mention in a guild on <paramref name="shard"/> (or a DM when shard is null).</summary>
    private static JsonObject Question(string id, int? shard, int shardCount) =>
        FakeDiscord.Message(id, "ch-" + id, $"<@{FakeDiscord.BotUserId}> 英偉達的市值突破了多少？", guildId: shard is { } s ? FakeDiscord.GuildOnShard(s, shardCount) : null, mentionBot: shard is not null);

    private static Task AllShardsStartedAsync(FakeDiscord discord, params int[] shards) =>
        FakeDiscord.WaitUntilAsync(() => shards.All(s => discord.ShardConnection(s) is not null), $"shards {string.Join(", ", shards)} started");

    [Fact]
    public void ShardFor_IsDiscordsRule()
    {
        Assert.Equal(0, FakeDiscord.ShardFor(null, 4));
        Assert.Equal(2, FakeDiscord.ShardFor(FakeDiscord.GuildOnShard(2, 4, 5), 4));
        Assert.Equal((int)((175928847299117063UL >> 22) % 16), FakeDiscord.ShardFor("175928847299117063", 16));
    }

    [Fact]
    public async Task FourShards_InOneProcess_EachIdentifiesOnce_EventsOnEveryShard_AnsweredExactlyOnce()
    {
        // Arrange: Discord recommends 4 shards (Discord:ShardCount=0 asks) and allows 4 identifies at once.
        await using var bot = await BotHarness.StartAsync(d =>
        {
            d.RecommendedShards = 4;
            d.MaxConcurrency = 4;
        });
        await AllShardsStartedAsync(bot.Discord, 0, 1, 2, 3);

        // Act: three questions in guilds of each shard, and a DM (Discord sends DMs on shard 0).
        var sent = new List<string>();
        for (var shard = 0; shard < 4; shard++)
        {
            for (var i = 0; i < 3; i++)
            {
                var id = $"s{shard}q{i}";
                sent.Add(id);
                await bot.Discord.RouteAsync("MESSAGE_CREATE", Question(id, shard, 4), 4);
            }
        }

        await bot.Discord.RouteAsync("MESSAGE_CREATE", Question("dm", null, 4), 4);
        sent.Add("dm");
        await FakeDiscord.WaitUntilAsync(() => Answers(bot.Discord).Count == sent.Count, "every question answered");

        // Assert: one connection per shard, each identified once with shard [id, 4]; every question answered once.
        Assert.Equal([0, 1, 2, 3], bot.Discord.IdentifiesPerShard.Keys.Order());
        Assert.All(bot.Discord.IdentifiesPerShard.Values, n => Assert.Equal(1, n));
        foreach (var connection in bot.Discord.Connections)
        {
            var shard = connection.Log.First(p => Op(p) == 2)["d"]!["shard"]!.AsArray();
            Assert.Equal(connection.Shard, shard[0]!.GetValue<int>());
            Assert.Equal(4, shard[1]!.GetValue<int>());
        }

        var answers = Answers(bot.Discord);
        Assert.Equal(sent.Order(), answers.Keys.Order());
        Assert.All(answers.Values, n => Assert.Equal(1, n));
        Assert.Single(bot.Discord.CallsTo("PUT", "/applications/")); // commands registered once, not per shard
    }

    [Fact]
    public async Task AFaultOnOneShard_LeavesTheOthersAnswering_ThenItResumesAlone()
    {
        await using var bot = await BotHarness.StartAsync(d =>
        {
            d.RecommendedShards = 3;
            d.MaxConcurrency = 3;
        });
        await AllShardsStartedAsync(bot.Discord, 0, 1, 2);
        var broken = bot.Discord.ShardConnection(1)!;
        var others = new[] { bot.Discord.ShardConnection(0)!, bot.Discord.ShardConnection(2)! };
        var connectionsBefore = bot.Discord.Connections.Count;

        // Act: shard 1 drops (no close frame); questions keep coming on shards 0 and 2.
        broken.Abort();
        await bot.Discord.RouteAsync("MESSAGE_CREATE", Question("a0", 0, 3), 3);
        await bot.Discord.RouteAsync("MESSAGE_CREATE", Question("a2", 2, 3), 3);
        await FakeDiscord.WaitUntilAsync(() => Answers(bot.Discord).Count == 2, "shards 0 and 2 answer while shard 1 is down");

        // …and shard 1 comes back by resuming its own session, on the resume URL.
        await FakeDiscord.WaitUntilAsync(() => bot.Discord.ShardConnection(1) is { } c && c != broken, "shard 1 resumed");
        await bot.Discord.RouteAsync("MESSAGE_CREATE", Question("a1", 1, 3), 3);
        await FakeDiscord.WaitUntilAsync(() => Answers(bot.Discord).Count == 3, "shard 1 answers again");

        // Assert: only shard 1 reconnected; it resumed (no second identify); the others kept their connections.
        Assert.Equal(connectionsBefore + 1, bot.Discord.Connections.Count);
        var resumed = bot.Discord.ShardConnection(1)!;
        Assert.Equal("/resume", resumed.Path);
        Assert.Contains(resumed.Log, p => Op(p) == 6);
        Assert.All(bot.Discord.IdentifiesPerShard.Values, n => Assert.Equal(1, n));
        Assert.All(others, c => Assert.False(c.Closed));
        Assert.All(Answers(bot.Discord).Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task TwoProcesses_WithDisjointShardIds_ShareTheWork_EachEventAnsweredOnce()
    {
        // Arrange: one bot token, ShardCount 4, two processes (two hosts) running shards {0,1} and {2,3}.
        await using var discord = new FakeDiscord { MaxConcurrency = 4 };
        await using var first = await BotHarness.StartAsync(settings: new() { ["Discord:ShardCount"] = "4", ["Discord:ShardIds:0"] = "0", ["Discord:ShardIds:1"] = "1" }, shared: discord);
        await using var second = await BotHarness.StartAsync(settings: new() { ["Discord:ShardCount"] = "4", ["Discord:ShardIds:0"] = "2", ["Discord:ShardIds:1"] = "3" }, shared: discord, waitForReady: false);
        await AllShardsStartedAsync(discord, 0, 1, 2, 3);

        // Act
        var sent = new List<string>();
        for (var i = 0; i < 16; i++)
        {
            var id = $"p{i}";
            sent.Add(id);
            await discord.RouteAsync("MESSAGE_CREATE", Question(id, i % 4, 4), 4);
        }

        await FakeDiscord.WaitUntilAsync(() => Answers(discord).Count == sent.Count, "every question answered");

        // Assert: each shard identified once, by the process that owns it; each question answered once.
        Assert.All(discord.IdentifiesPerShard.Values, n => Assert.Equal(1, n));
        Assert.Equal([0, 1], first.Gateway.Shards.Select(s => s.Shard.Id));
        Assert.Equal([2, 3], second.Gateway.Shards.Select(s => s.Shard.Id));
        Assert.All(Answers(discord).Values, n => Assert.Equal(1, n));
        Assert.Single(discord.CallsTo("PUT", "/applications/")); // by the process with shard 0
    }

    [Fact]
    public async Task Identifies_OnePerFiveSeconds_PerConcurrencyBucket_OnTheFakeClock()
    {
        // Arrange: 4 shards, max_concurrency 1: every shard shares bucket 0.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var start = time.GetUtcNow();
        await using var bot = await BotHarness.StartAsync(
            d =>
            {
                d.Clock = time.GetUtcNow;
                d.RecommendedShards = 4;
                d.HeartbeatIntervalMs = 600_000; // no second beat in the simulated 20 s: fast fake time cannot fake a zombie
            },
            time: time,
            waitForReady: false); // any shard may go first, and the others wait on the fake clock

        // Act: simulated time passes until every shard has a session.
        var deadline = Environment.TickCount64 + 60_000;
        while (!Enumerable.Range(0, 4).All(s => bot.Discord.ShardConnection(s) is not null))
        {
            Assert.True(Environment.TickCount64 < deadline, "the shards never all started");
            await Task.Delay(10, TestContext.Current.CancellationToken);
            time.Advance(TimeSpan.FromMilliseconds(500));
        }

        // Assert: the k-th identify (in whatever order the shards got their turns) came no earlier than k × 5 s after the start.
        // (Fast-moving fake time may also make a shard resume, on a connection of its own: resumes are not identifies.)
        var identifies = bot.Discord.Connections.Where(c => c.Log.Any(p => Op(p) == 2)).Select(c => c.SessionRequestedAt!.Value).Order().ToArray();
        Assert.Equal(4, identifies.Length);
        for (var k = 0; k < identifies.Length; k++)
        {
            Assert.True(identifies[k] - start >= IdentifyLimiter.Window * k, $"identify {k + 1} came {(identifies[k] - start).TotalSeconds} s after the start");
        }
    }

    [Fact]
    public async Task IdentifyLimiter_BucketsByShardModuloConcurrency_AndWaitsForTheReset()
    {
        var time = new FakeTimeProvider();
        var limiter = new IdentifyLimiter(time);
        limiter.Configure(new SessionStartLimit(1000, 3, 60_000, 2));

        // Shards 0 and 1 are in different buckets: both go at once; shard 2 shares shard 0's bucket.
        Assert.True(limiter.WaitAsync(0, CancellationToken.None).IsCompletedSuccessfully);
        Assert.True(limiter.WaitAsync(1, CancellationToken.None).IsCompletedSuccessfully);
        var third = limiter.WaitAsync(2, CancellationToken.None);
        Assert.False(third.IsCompleted);
        time.Advance(IdentifyLimiter.Window);
        await third.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // The budget (remaining 3) is spent: the next identify waits for reset_after (60 s from Configure).
        var fourth = limiter.WaitAsync(3, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(50));
        Assert.False(fourth.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(10));
        await fourth.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ShardingRequired4011_StopsWithAMessageThatSaysHowToSetShardCount()
    {
        await using var bot = await BotHarness.StartAsync(d => d.RequiredShards = 2, settings: new() { ["Discord:ShardCount"] = "1" }, waitForReady: false);
        var service = bot.Host.Services.GetServices<IHostedService>().OfType<BackgroundService>().Single(s => s.GetType().Namespace == "ArticleBot.Discord.Bot");

        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.Contains("Discord:ShardCount", bot.Gateway.FatalReason, StringComparison.Ordinal);
        Assert.Contains(bot.Logs.Lines, l => l.StartsWith("Critical", StringComparison.Ordinal) && l.Contains("Discord:ShardCount=0", StringComparison.Ordinal));
        Assert.Single(bot.Discord.Connections); // no reconnect loop
    }

    [Fact]
    public async Task InvalidShard4010_NamesTheSettings()
    {
        await using var bot = await BotHarness.StartAsync(d => d.GatewayScript = async c =>
        {
            await c.SendAsync(new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = 41_250 } });
            await c.ReceiveAsync(TimeSpan.FromSeconds(30));
            await c.CloseAsync(4010);
        }, waitForReady: false);
        var service = bot.Host.Services.GetServices<IHostedService>().OfType<BackgroundService>().Single(s => s.GetType().Namespace == "ArticleBot.Discord.Bot");

        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.Contains("Discord:ShardIds", bot.Gateway.FatalReason, StringComparison.Ordinal);
        Assert.Contains("Discord:ShardCount", bot.Gateway.FatalReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShardIdsBeyondTheRecommendedCount_StopAtOnce_NamingTheSetting()
    {
        await using var bot = await BotHarness.StartAsync(d => d.RecommendedShards = 2, settings: new() { ["Discord:ShardIds:0"] = "3" }, waitForReady: false);
        var service = bot.Host.Services.GetServices<IHostedService>().OfType<BackgroundService>().Single(s => s.GetType().Namespace == "ArticleBot.Discord.Bot");

        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.Contains("Discord:ShardIds contains 3", bot.Gateway.FatalReason, StringComparison.Ordinal);
        Assert.Empty(bot.Discord.Connections);
    }
}

/// <summary>Shard settings that cannot work are refused at start, naming the setting.</summary>
public sealed class ShardOptionsTests
{
    [Theory]
    [InlineData(4, new[] { 4 }, "Discord:ShardIds contains 4")]
    [InlineData(0, new[] { -1 }, "Discord:ShardIds contains -1")]
    [InlineData(4, new[] { 1, 1 }, "lists a shard twice")]
    public void BadShardIds_AreRefused(int count, int[] ids, string expected)
    {
        var options = new DiscordOptions { Token = "t", ShardCount = count };
        foreach (var id in ids)
        {
            options.ShardIds.Add(id);
        }

        var result = new Microsoft.Extensions.Hosting.DiscordOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void DisjointShardIds_WithinTheCount_AreAccepted()
    {
        var options = new DiscordOptions { Token = "t", ShardCount = 4 };
        options.ShardIds.Add(2);
        options.ShardIds.Add(3);

        Assert.True(new Microsoft.Extensions.Hosting.DiscordOptionsValidator().Validate(null, options).Succeeded);
    }
}
