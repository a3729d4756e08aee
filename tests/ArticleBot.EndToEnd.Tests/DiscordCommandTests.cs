using ArticleBot.Discord.Tests.Fakes;

namespace ArticleBot.EndToEnd.Tests;

/// <summary><c>ArticleBot discord</c>, configured like a user would, against a fake Discord on 127.0.0.1.</summary>
public sealed class DiscordCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Discord_WithoutToken_ExitsWith2_SayingHowToSetIt()
    {
        var run = await BotProcess.RunAsync(["discord"], cancellationToken: Ct);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Discord:Token", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("user-secrets", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discord_OutOfRangeSetting_NamesTheSetting_NotTheCSharpMember()
    {
        var run = await BotProcess.RunAsync(["discord", "--Discord:MaxConcurrentAnswers=0"], environment: new Dictionary<string, string> { ["Discord__Token"] = FakeDiscord.Token }, cancellationToken: Ct);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Discord:MaxConcurrentAnswers must be between 1 and 64 (got 0)", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("The field", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeDiscord.Token, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discord_AnswersAMention_ThenStopsCleanlyOnSigterm_WithoutLeakingTheToken()
    {
        // Arrange
        await using var discord = new FakeDiscord();
        using var process = BotProcess.Start(["discord"], environment: new Dictionary<string, string>
        {
            ["Discord__Token"] = FakeDiscord.Token,
            ["Discord__ApiBaseUrl"] = discord.ApiBaseUrl,
            ["Logging__LogLevel__Default"] = "Trace",
            ["Logging__LogLevel__ArticleBot"] = "Trace",
        });
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        await FakeDiscord.WaitUntilAsync(() => discord.CallsTo("PUT", "/applications/").Any(), "READY and command registration", 30_000);

        // Act
        await discord.Current!.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("e1", "c1", $"<@{FakeDiscord.BotUserId}> 英偉達的市值突破了多少？", mentionBot: true));
        await FakeDiscord.WaitUntilAsync(() => discord.CallsTo("POST", "/channels/c1/messages").Any(), "the answer", 30_000);
        using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(Ct);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);

        // Assert: stopped by SIGTERM, gracefully: 143 (the unit counts it as a clean stop).
        Assert.Equal(143, process.ExitCode);
        Assert.Contains("5萬億", discord.CallsTo("POST", "/channels/c1/messages").First().Body!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        var logs = await stderr + await stdout;
        Assert.Contains("READY", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeDiscord.Token, logs, StringComparison.Ordinal);
        // The fake reads the close frame on its own loop, which may get to it just after the process has gone.
        await FakeDiscord.WaitUntilAsync(() => discord.Connections.First().ClientCloseCode is not null, "the close frame", 10_000);
        Assert.Equal(1000, discord.Connections.First().ClientCloseCode);
    }

    [Fact]
    [Trait("Category", "Soak")] // two bot processes and a fault: the single-process Discord tests above stay in every run
    public async Task TwoProcesses_ShareFourShards_EachQuestionAnsweredOnce_AFaultOnOneShardLeavesTheOthersAnswering()
    {
        // Arrange: one token, ShardCount 4; the built executable runs twice, with ShardIds {0,1} and {2,3}.
        await using var discord = new FakeDiscord { MaxConcurrency = 4 };
        Dictionary<string, string> Settings(int a, int b) => new()
        {
            ["Discord__Token"] = FakeDiscord.Token,
            ["Discord__ApiBaseUrl"] = discord.ApiBaseUrl,
            ["Discord__UserCooldownSeconds"] = "0",
            ["Discord__MaxReconnectDelaySeconds"] = "1",
            ["Discord__ShardCount"] = "4",
            ["Discord__ShardIds__0"] = a.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Discord__ShardIds__1"] = b.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        using var first = BotProcess.Start(["discord"], environment: Settings(0, 1));
        using var second = BotProcess.Start(["discord"], environment: Settings(2, 3));
        var outputs = new[] { first.StandardError.ReadToEndAsync(Ct), first.StandardOutput.ReadToEndAsync(Ct), second.StandardError.ReadToEndAsync(Ct), second.StandardOutput.ReadToEndAsync(Ct) };
        try
        {
            await FakeDiscord.WaitUntilAsync(() => Enumerable.Range(0, 4).All(s => discord.ShardConnection(s) is not null), "four shards started", 120_000);

            // Act: four questions per shard, spread over servers of every shard, and a DM (shard 0).
            var sent = new List<string>();
            async Task AskAsync(string id, int? shard)
            {
                sent.Add(id);
                var guild = shard is { } s ? FakeDiscord.GuildOnShard(s, 4, sent.Count) : null;
                await discord.RouteAsync("MESSAGE_CREATE", FakeDiscord.Message(id, "ch-" + id, $"<@{FakeDiscord.BotUserId}> 英偉達的市值突破了多少？", guildId: guild, mentionBot: shard is not null), 4);
            }

            for (var i = 0; i < 16; i++)
            {
                await AskAsync($"q{i}", i % 4);
            }

            await AskAsync("dm", null);
            await FakeDiscord.WaitUntilAsync(() => Answers(discord).Count == sent.Count, "every question answered", 120_000);

            // A fault on shard 2 (dropped, no close frame): the other shards answer while it resumes.
            var broken = discord.ShardConnection(2)!;
            broken.Abort();
            await AskAsync("after0", 0);
            await AskAsync("after3", 3);
            await FakeDiscord.WaitUntilAsync(() => Answers(discord).ContainsKey("after0") && Answers(discord).ContainsKey("after3"), "shards 0 and 3 answer during the fault", 120_000);
            await FakeDiscord.WaitUntilAsync(() => discord.ShardConnection(2) is { } c && c != broken, "shard 2 resumed", 120_000);
            await AskAsync("after2", 2);
            await FakeDiscord.WaitUntilAsync(() => Answers(discord).Count == sent.Count, "shard 2 answers again", 120_000);

            // Assert: each shard identified once (by its own process); every question answered exactly once.
            Assert.Equal([0, 1, 2, 3], discord.IdentifiesPerShard.Keys.Order());
            Assert.All(discord.IdentifiesPerShard.Values, n => Assert.Equal(1, n));
            Assert.All(Answers(discord).Values, n => Assert.Equal(1, n));
            Assert.Single(discord.CallsTo("PUT", "/applications/")); // only the process with shard 0 registers commands
        }
        finally
        {
            foreach (var process in new[] { first, second })
            {
                using var kill = System.Diagnostics.Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                await kill.WaitForExitAsync(Ct);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(120));
            await first.WaitForExitAsync(timeout.Token);
            await second.WaitForExitAsync(timeout.Token);
        }

        Assert.Equal(143, first.ExitCode); // stopped by SIGTERM
        Assert.Equal(143, second.ExitCode);
        Assert.DoesNotContain(FakeDiscord.Token, string.Concat(await Task.WhenAll(outputs)), StringComparison.Ordinal);
    }

    /// <summary>The question ids answered (by message_reference), with how often.</summary>
    private static Dictionary<string, int> Answers(FakeDiscord discord) => discord.Calls
        .Where(c => c.Method == "POST" && c.Path.EndsWith("/messages", StringComparison.Ordinal) && c.Body?["message_reference"] is not null)
        .GroupBy(c => c.Body!["message_reference"]!["message_id"]!.GetValue<string>())
        .ToDictionary(g => g.Key, g => g.Count());

    [Fact]
    public async Task Discord_DisallowedIntents_StopsWithExit1_AndAClearMessage()
    {
        await using var discord = new FakeDiscord();
        discord.GatewayScript = async c =>
        {
            await c.SendAsync(new System.Text.Json.Nodes.JsonObject { ["op"] = 10, ["d"] = new System.Text.Json.Nodes.JsonObject { ["heartbeat_interval"] = 41250 } });
            await c.ReceiveAsync(TimeSpan.FromSeconds(10));
            await c.CloseAsync(4014);
        };

        var run = await BotProcess.RunAsync(["discord"], environment: new Dictionary<string, string>
        {
            ["Discord__Token"] = FakeDiscord.Token,
            ["Discord__ApiBaseUrl"] = discord.ApiBaseUrl,
            ["Discord__MessageContentIntent"] = "true",
        }, cancellationToken: Ct);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("4014", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Message Content", run.Stderr, StringComparison.Ordinal);
        Assert.Single(discord.Connections);
    }
}
