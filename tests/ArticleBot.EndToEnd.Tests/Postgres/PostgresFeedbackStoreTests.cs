using ArticleBot.Core.Answering;
using ArticleBot.Core.Citations;
using ArticleBot.Core.Feedback;
using ArticleBot.Core.Storage;
using ArticleBot.Core.Tests.Fakes;
using ArticleBot.Postgres.Feedback;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ArticleBot.EndToEnd.Tests.Postgres;

/// <summary>The PostgreSQL ratings store against a real server: the SQLite store's semantics, shared by many writers, and faults.</summary>
[Collection(PostgresTests.Name)]
public sealed class PostgresFeedbackStoreTests(PostgresCluster cluster)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static PostgresFeedbackStore Store(string connectionString, CapturingLogger<PostgresFeedbackStore>? logger = null, int capacity = 10_000) => new(
        Options.Create(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = connectionString, QueueCapacity = capacity, MaxRetryDelaySeconds = 1 }),
        TimeProvider.System,
        logger ?? new CapturingLogger<PostgresFeedbackStore>());

    internal static ArticleAnswer Answer(string question = "騰訊春節要分多少紅包？") => new(
        question, "騰訊春節分10億紅包 [1]", Grounded: true, "extractive",
        [new Citation(1, "ai-race-2026.txt#p3", "ai-race-2026.txt", "開頭", 10, 20, "騰訊春節分10億紅包")], []);

    [Fact]
    public async Task Votes_HaveTheSqliteSemantics_OneVotePerReader_HashedNeverStored()
    {
        // Arrange
        var database = await cluster.CreateDatabaseAsync(Ct);
        using var store = Store(database);
        var id = store.RecordAnswer(Answer(), "discord")!;

        // Act
        var first = store.Vote(id, "user-4242", Vote.Down);
        var second = store.Vote(id, "user-4242", Vote.Up);
        var other = store.Vote(id, "user-77", Vote.Down);
        var unknown = store.Vote("no-such-answer", "user-4242", Vote.Up);

        // Assert
        Assert.Equal((VoteOutcome.Recorded, VoteOutcome.Changed, VoteOutcome.Recorded, VoteOutcome.UnknownAnswer), (first, second, other, unknown));
        var rated = Assert.Single(store.RatedAnswers());
        Assert.Equal((1, 1, "discord", "extractive"), (rated.Up, rated.Down, rated.Surface, rated.Backend));
        Assert.Equal("ai-race-2026.txt#p3", Assert.Single(rated.Citations).PassageId);
        Assert.StartsWith("postgres://articlebot@127.0.0.1:", store.Location, StringComparison.Ordinal);
        Assert.DoesNotContain(PostgresCluster.Password, store.Location, StringComparison.Ordinal);
        var voters = await ColumnAsync(database, "SELECT voter FROM votes");
        Assert.Equal(2, voters.Count);
        Assert.All(voters, v => Assert.Matches("^[0-9a-f]{32}$", v));
        Assert.Equal(["2"], await ColumnAsync(database, "SELECT version::text FROM feedback_schema"));
    }

    [Fact]
    public async Task AnEmptyDatabase_HasNoRatings_AndReadingCreatesNothing()
    {
        var database = await cluster.CreateDatabaseAsync(Ct);
        using var store = Store(database);

        Assert.Empty(store.RatedAnswers());
        Assert.Empty(await ColumnAsync(database, "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public'"));
    }

    [Fact]
    [Trait("Category", "Soak")] // a load test (1,000 votes from 16 writers); the killed-database burst below stays in every run
    public async Task TwoProcessesStores_ConcurrentVotes_NoneLost_OneSaltForAll()
    {
        // Two stores (as two processes would have) start together on a new database; 1,000 votes from 16 writers.
        var database = await cluster.CreateDatabaseAsync(Ct);
        using var a = Store(database);
        using var b = Store(database);
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => (i % 2 == 0 ? a : b).RecordAnswer(Answer($"question {i}"), "discord")!, Ct)));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(w => Task.Run(
            () => Enumerable.Range(0, 1000).Where(v => v % 16 == w).Select(v => (v % 2 == 0 ? a : b).Vote(answers[v % 10], $"reader-{v}", v % 3 == 0 ? Vote.Down : Vote.Up)).ToList(),
            Ct)));

        Assert.All(outcomes.SelectMany(o => o), o => Assert.Equal(VoteOutcome.Recorded, o));
        var rated = a.RatedAnswers();
        Assert.Equal(10, rated.Count);
        Assert.Equal(1000, rated.Sum(r => r.Up + r.Down));
        Assert.Equal(334, rated.Sum(r => r.Down));
        Assert.Single(await ColumnAsync(database, "SELECT value FROM meta WHERE key = 'voter_salt'"));

        // The same reader through the other process is still one vote.
        Assert.Equal(VoteOutcome.Changed, b.Vote(answers[0], "reader-0", Vote.Up));
    }

    [Fact]
    public async Task DatabaseKilledAndRestarted_MidBurst_NoVoteLost()
    {
        // Arrange: two stores sending a burst of votes from 8 writers.
        var database = await cluster.CreateDatabaseAsync(Ct);
        var logger = new CapturingLogger<PostgresFeedbackStore>();
        using var a = Store(database, logger);
        using var b = Store(database);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var senders = new[] { a.SendQueuedAsync(stop.Token), b.SendQueuedAsync(stop.Token) };
        var id = a.RecordAnswer(Answer(), "discord")!;
        const int Votes = 1000;
        var next = -1;
        var killed = new TaskCompletionSource();
        var down = new TaskCompletionSource(); // set once the server is dead, not when the kill is asked for: else a loaded machine sent the whole burst first
        var burst = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            var outcomes = new List<VoteOutcome>();
            for (int v; (v = Interlocked.Increment(ref next)) < Votes;)
            {
                if (v == Votes / 4)
                {
                    killed.TrySetResult();
                }

                if (v >= Votes / 2)
                {
                    await down.Task; // the second half goes out while the server is down or restarting
                }

                outcomes.Add((v % 2 == 0 ? a : b).Vote(id, $"reader-{v}", Vote.Up));
            }

            return outcomes;
        }, Ct)).ToList();

        // Act: a crash in the middle of the burst, and a restart.
        await killed.Task;
        await cluster.KillAsync();
        down.SetResult();
        var outcomes = (await Task.WhenAll(burst)).SelectMany(o => o).ToList();
        await cluster.StartAsync();
        await ArticleBot.Discord.Tests.Fakes.FakeDiscord.WaitUntilAsync(() => a.Queued == 0 && b.Queued == 0, "the waiting votes sent");

        // Assert: every vote counted once; the outage was reported once, and its end.
        Assert.Equal(Votes, outcomes.Count);
        Assert.All(outcomes, o => Assert.Contains(o, new[] { VoteOutcome.Recorded, VoteOutcome.Queued }));
        Assert.Contains(VoteOutcome.Queued, outcomes);
        Assert.Equal(Votes, Assert.Single(a.RatedAnswers()).Up);
        Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("out of reach", StringComparison.Ordinal));
        Assert.Contains(logger.Entries, e => e.Message.Contains("is back", StringComparison.Ordinal));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.WhenAll(senders));
    }

    [Fact]
    public async Task WrongPassword_AndMissingDatabase_AreConfigurationErrors_NamingTheSetting()
    {
        var database = await cluster.CreateDatabaseAsync(Ct);
        var name = new NpgsqlConnectionStringBuilder(database).Database!;
        using var wrongPassword = Store(cluster.ConnectionString(name, password: "not-the-password-31337"));
        using var missing = Store(cluster.ConnectionString("no_such_database"));

        var login = await Assert.ThrowsAsync<StorageConfigurationException>(() => wrongPassword.CheckAsync(TimeSpan.FromSeconds(30), Ct));
        var absent = await Assert.ThrowsAsync<StorageConfigurationException>(() => missing.CheckAsync(TimeSpan.FromSeconds(30), Ct));

        Assert.StartsWith("Storage:ConnectionString", login.Message, StringComparison.Ordinal);
        Assert.Contains("password", login.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password-31337", login.Message, StringComparison.Ordinal);
        Assert.StartsWith("Storage:ConnectionString", absent.Message, StringComparison.Ordinal);
        Assert.Contains("no_such_database", absent.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", absent.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(PostgresCluster.Password, absent.Message, StringComparison.Ordinal);
    }

    internal static async Task<List<string>> ColumnAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var values = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}

/// <summary>The store's behaviour with no server at all (a refused port): these run without PostgreSQL.</summary>
public sealed class PostgresFeedbackStoreOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Refused() =>
        $"Host=127.0.0.1;Port={StorageSettingsTests.ClosedPort()};Database=articlebot;Username=articlebot;Password=x";

    [Fact]
    public async Task LostDatabase_IsTriedAgain_AfterADoublingDelay_UpToTheCap()
    {
        // Arrange: a vote waits; the sender runs on fake time. Cap 4 s: waits of about 0.5, 1, 2, 4, 4 s (±25 %).
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var logger = new CapturingLogger<PostgresFeedbackStore>();
        using var store = new PostgresFeedbackStore(
            Options.Create(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = Refused(), MaxRetryDelaySeconds = 4 }),
            time,
            logger);
        Assert.Equal(VoteOutcome.Queued, store.Vote("answer", "reader", Vote.Up));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var sender = store.SendQueuedAsync(stop.Token);

        // Act: each time the sender says how long it waits, move the clock that far.
        var waits = new List<double>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await ArticleBot.Discord.Tests.Fakes.FakeDiscord.WaitUntilAsync(() => Retries(logger).Count == attempt, $"retry {attempt} scheduled");
            waits.Add(Retries(logger)[^1]);
            time.Advance(TimeSpan.FromSeconds(waits[^1] + 0.001)); // the log rounds to the millisecond
        }

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sender);

        // Assert
        double[] expected = [0.5, 1, 2, 4, 4];
        Assert.All(waits.Zip(expected), w => Assert.InRange(w.First, Math.Min(w.Second * 0.75, 4) - 0.01, Math.Min(w.Second * 1.25, 4) + 0.01));
        Assert.Equal(1, store.Queued);
        Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
    }

    [Fact]
    public void QueueFull_NewRatingsDropped_WithOneWarning()
    {
        var logger = new CapturingLogger<PostgresFeedbackStore>();
        using var store = PostgresFeedbackStoreTests.Store(Refused(), logger, capacity: 3);

        var id = store.RecordAnswer(PostgresFeedbackStoreTests.Answer(), "discord");
        var outcomes = Enumerable.Range(0, 5).Select(i => store.Vote(id!, $"reader-{i}", Vote.Up)).ToList();

        Assert.NotNull(id);
        Assert.Equal([VoteOutcome.Queued, VoteOutcome.Queued, VoteOutcome.Unavailable, VoteOutcome.Unavailable, VoteOutcome.Unavailable], outcomes);
        Assert.Equal(3, store.Queued);
        Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Storage:QueueCapacity", StringComparison.Ordinal));
        Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("out of reach", StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Entries, e => e.Message.Contains("reader-", StringComparison.Ordinal));
    }

    private static List<double> Retries(CapturingLogger<PostgresFeedbackStore> logger) =>
        [.. logger.Entries.Where(e => e.Message.Contains("trying the database again in", StringComparison.Ordinal))
            .Select(e => double.Parse(e.Message.Split(" in ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture))];
}
