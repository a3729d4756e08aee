using System.Globalization;
using System.Text.Json;
using ArticleBot.Discord.Tests.Fakes;

namespace ArticleBot.EndToEnd.Tests.Postgres;

/// <summary>
/// Two Discord processes (four shards) on one PostgreSQL database: a burst of 1,000 clicks on their rating buttons,
/// with the database killed a third of the way in and restarted after the burst. `feedback --json` then counts all
/// 1,000: the votes that met a dead database waited in their process and were sent when it came back.
/// </summary>
[Collection(PostgresTests.Name)]
public sealed class ShardVoteSoakTests(PostgresCluster cluster)
{
    private const int Shards = 4;
    private const int Votes = 1000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    [Trait("Category", "Soak")]
    public async Task TwoProcesses_AThousandVotes_DatabaseKilledMidBurst_FeedbackCountsAll()
    {
        // Arrange: the built executable twice, shards {0,1} and {2,3}; one answer with buttons on each shard.
        var database = await cluster.CreateDatabaseAsync(Ct);
        await using var discord = new FakeDiscord { MaxConcurrency = Shards };
        Dictionary<string, string> Settings(int a, int b) => SharedDatabaseTests.Postgres(database,
            ("Logging__LogLevel__Default", "Information"),
            ("Discord__Token", FakeDiscord.Token),
            ("Discord__ApiBaseUrl", discord.ApiBaseUrl),
            ("Discord__UserCooldownSeconds", "0"),
            ("Discord__ShardCount", Shards.ToString(CultureInfo.InvariantCulture)),
            ("Discord__ShardIds__0", a.ToString(CultureInfo.InvariantCulture)),
            ("Discord__ShardIds__1", b.ToString(CultureInfo.InvariantCulture)),
            ("Storage__MaxRetryDelaySeconds", "2"));
        using var first = BotProcess.Start(["discord"], environment: Settings(0, 1));
        using var second = BotProcess.Start(["discord"], environment: Settings(2, 3));
        var outputs = new[] { first.StandardError.ReadToEndAsync(Ct), first.StandardOutput.ReadToEndAsync(Ct), second.StandardError.ReadToEndAsync(Ct), second.StandardOutput.ReadToEndAsync(Ct) };
        try
        {
            await FakeDiscord.WaitUntilAsync(() => Enumerable.Range(0, Shards).All(s => discord.ShardConnection(s) is not null), "four shards started");
            var guilds = Enumerable.Range(0, Shards).Select(s => FakeDiscord.GuildOnShard(s, Shards)).ToArray();
            for (var s = 0; s < Shards; s++)
            {
                await discord.RouteAsync("MESSAGE_CREATE", FakeDiscord.Message($"q{s}", $"ch{s}", $"<@{FakeDiscord.BotUserId}> 英偉達的市值突破了多少？", guildId: guilds[s], mentionBot: true), Shards);
            }

            await FakeDiscord.WaitUntilAsync(() => Enumerable.Range(0, Shards).All(s => discord.CallsTo("POST", $"/channels/ch{s}/messages").Any()), "an answer on every shard");
            var buttons = Enumerable.Range(0, Shards)
                .Select(s => discord.CallsTo("POST", $"/channels/ch{s}/messages").First().Body!["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>())
                .ToArray();

            // Act: 1,000 readers click "Helpful", spread over the four answers (so over both processes).
            for (var v = 0; v < Votes; v++)
            {
                if (v == Votes / 3)
                {
                    await cluster.KillAsync();
                }

                var click = FakeDiscord.ButtonClick($"v{v}", buttons[v % Shards], userId: (900_000 + v).ToString(CultureInfo.InvariantCulture), channelId: $"ch{v % Shards}");
                click["guild_id"] = guilds[v % Shards];
                await discord.RouteAsync("INTERACTION_CREATE", click, Shards);
            }

            await FakeDiscord.WaitUntilAsync(() => discord.CallsTo("POST", "/interactions/v").Count() == Votes, "every click acknowledged");
            await cluster.StartAsync();

            // Assert: every vote reaches the database, through whichever process took it.
            var counted = 0;
            string report = string.Empty;
            await FakeDiscord.WaitUntilAsync(() =>
            {
                var run = BotProcess.RunAsync(["feedback", "--json"], environment: SharedDatabaseTests.Postgres(database, ("Logging__LogLevel__Default", "Warning")), cancellationToken: Ct).GetAwaiter().GetResult();
                report = run.Stdout;
                counted = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Sum(l => JsonDocument.Parse(l).RootElement.GetProperty("up").GetInt32());
                return counted >= Votes;
            }, "all 1,000 votes in the database");
            Assert.Equal(Votes, counted);
            Assert.Equal(Shards, report.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        }
        finally
        {
            foreach (var process in new[] { first, second })
            {
                using var kill = System.Diagnostics.Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
                await kill.WaitForExitAsync(Ct);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(120));
            await first.WaitForExitAsync(timeout.Token);
            await second.WaitForExitAsync(timeout.Token);
            await cluster.StartIfStoppedAsync();
        }

        var logs = string.Concat(await Task.WhenAll(outputs));
        Assert.Contains("out of reach", logs, StringComparison.Ordinal);
        Assert.Contains("is back", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(PostgresCluster.Password, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeDiscord.Token, logs, StringComparison.Ordinal);
    }
}
