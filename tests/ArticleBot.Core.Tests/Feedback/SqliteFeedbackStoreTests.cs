using ArticleBot.Core.Answering;
using ArticleBot.Core.Citations;
using ArticleBot.Core.Corpus;
using ArticleBot.Core.Feedback;
using ArticleBot.Core.Tests.Fakes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ArticleBot.Core.Tests.Feedback;

public sealed class SqliteFeedbackStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("articlebot-feedback-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    private string DatabasePath => Path.Combine(_folder, "feedback.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static ArticleAnswer Answer(string question = "騰訊春節要分多少紅包？") => new(
        question,
        "騰訊宣布2月1日上線春節活動,用戶上元寶App分10億現金紅包[1]",
        true,
        "extractive",
        [new Citation(1, "ai-race-2026#p6", "seeds/ai-race-2026.txt", null, 10, 20, "騰訊宣布2月1日上線春節活動")],
        []);

    private SqliteFeedbackStore Store(string? path = null, int busyTimeout = 2, CapturingLogger<SqliteFeedbackStore>? logger = null) => new(
        Options.Create(new FeedbackOptions { DatabasePath = path ?? DatabasePath, BusyTimeoutSeconds = busyTimeout }),
        Options.Create(new CorpusOptions { CachePath = string.Empty }),
        new HostingEnvironment { ContentRootPath = _folder },
        _time,
        logger ?? new CapturingLogger<SqliteFeedbackStore>());

    [Fact]
    public void Vote_OnARecordedAnswer_IsListedWithTheAnswerAndItsCitations()
    {
        // Arrange
        var store = Store();
        var id = store.RecordAnswer(Answer(), "discord")!;

        // Act
        var outcome = store.Vote(id, "user-1", Vote.Down);

        // Assert
        Assert.Equal(VoteOutcome.Recorded, outcome);
        var rated = Assert.Single(store.RatedAnswers());
        Assert.Equal(("騰訊春節要分多少紅包？", "extractive", "discord", 0, 1, Vote.Down), (rated.Question, rated.Backend, rated.Surface, rated.Up, rated.Down, rated.Verdict));
        Assert.Equal("ai-race-2026#p6", Assert.Single(rated.Citations).PassageId);
        Assert.Equal(_time.GetUtcNow(), rated.LastVoteAt);
    }

    [Fact]
    public void SameReaderVotingAgain_CountsOnce_AndTheLastVoteStands()
    {
        var store = Store();
        var id = store.RecordAnswer(Answer(), "console")!;

        var first = store.Vote(id, "user-1", Vote.Down);
        var second = store.Vote(id, "user-1", Vote.Up);

        Assert.Equal((VoteOutcome.Recorded, VoteOutcome.Changed), (first, second));
        var rated = Assert.Single(store.RatedAnswers());
        Assert.Equal((1, 0), (rated.Up, rated.Down));
    }

    [Fact]
    public void UnknownAnswer_IsNotRecorded()
    {
        var store = Store();

        Assert.Equal(VoteOutcome.UnknownAnswer, store.Vote("no-such-id", "user-1", Vote.Up));
        Assert.Empty(store.RatedAnswers());
    }

    [Fact]
    public void Votes_SurviveANewProcess_AndReadersAreStoredOnlyAsSaltedHashes()
    {
        // Arrange: one store records, another (as after a restart) votes and reads.
        var id = Store().RecordAnswer(Answer(), "discord")!;

        // Act
        var outcome = Store().Vote(id, "reader-4242424242", Vote.Up);
        SqliteConnection.ClearAllPools();

        // Assert
        Assert.Equal(VoteOutcome.Recorded, outcome);
        Assert.Equal(1, Assert.Single(Store().RatedAnswers()).Up);
        var bytes = File.ReadAllBytes(DatabasePath).Concat(File.Exists(DatabasePath + "-wal") ? File.ReadAllBytes(DatabasePath + "-wal") : []).ToArray();
        Assert.DoesNotContain("reader-4242424242", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentVotes_FromManyReaders_AreAllCounted()
    {
        var store = Store();
        var id = store.RecordAnswer(Answer(), "discord")!;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => store.Vote(id, $"user-{i}", i % 4 == 0 ? Vote.Down : Vote.Up))));

        Assert.All(outcomes, o => Assert.Equal(VoteOutcome.Recorded, o));
        var rated = Assert.Single(store.RatedAnswers());
        Assert.Equal((30, 10), (rated.Up, rated.Down));
    }

    [Fact]
    public async Task TwentyProcessesVotingAtOnceOnANewFile_LoseNoVote()
    {
        // Arrange: 20 stores, as 20 processes have (each its own connections, salt and migration check), start together
        // on a file that does not exist yet; each records an answer and takes 3 votes on it.
        const int Processes = 20, Votes = 3;
        var stores = Enumerable.Range(0, Processes).Select(_ => Store(busyTimeout: new FeedbackOptions().BusyTimeoutSeconds)).ToList(); // the default wait
        using var start = new Barrier(Processes);

        // Act
        var outcomes = await Task.WhenAll(stores.Select((store, p) => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait(TestContext.Current.CancellationToken);
                var id = store.RecordAnswer(Answer($"question {p}"), "console");
                return Enumerable.Range(0, Votes).Select(v => id is null ? VoteOutcome.Unavailable : store.Vote(id, $"reader {p}-{v}", Vote.Up)).ToList();
            },
            TestContext.Current.CancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)));

        // Assert
        Assert.All(outcomes.SelectMany(o => o), o => Assert.Equal(VoteOutcome.Recorded, o));
        Assert.Equal(Processes * Votes, Store().RatedAnswers().Sum(r => r.Up));
    }

    [Fact]
    public void OlderSchema_IsReadAsItIs_AndMigratesOnTheFirstWrite_KeepingItsRatings()
    {
        // Arrange: a file made by the first schema version, with a rated answer in it.
        OldFileWithOneRating();
        var logger = new CapturingLogger<SqliteFeedbackStore>();
        var store = Store(logger: logger);

        // Act
        var read = store.RatedAnswers();
        var versionAfterRead = UserVersion();
        store.RecordAnswer(Answer(), "console");
        var afterWrite = store.RatedAnswers();

        // Assert: reading changed nothing; the write upgraded the file, and the old rating is still there.
        Assert.Equal(("old", "unknown", 1), (Assert.Single(read).Id, read[0].Surface, read[0].Down));
        Assert.Equal(1, versionAfterRead);
        Assert.Equal(FeedbackSchema.Latest, UserVersion());
        Assert.Equal("old", Assert.Single(afterWrite).Id);
        Assert.Contains(logger.Entries, e => e.Message.Contains($"from schema 1 to {FeedbackSchema.Latest}", StringComparison.Ordinal));
    }

    [Fact]
    public void Reading_NeverWrites_NoMigrationNoSaltNoNewFile()
    {
        // Arrange
        var missing = Path.Combine(_folder, "never.db");
        OldFileWithOneRating();
        var before = File.ReadAllBytes(DatabasePath);

        // Act
        var none = Store(missing).RatedAnswers();
        var old = Store().RatedAnswers();

        // Assert
        Assert.Empty(none);
        Assert.False(File.Exists(missing), "reading created the file");
        Assert.Single(old);
        Assert.Equal(before, File.ReadAllBytes(DatabasePath));
        Assert.False(File.Exists(DatabasePath + "-wal"));
    }

    [Fact]
    public void Reading_WhileAnotherProcessWrites_ListsTheRatings()
    {
        // Arrange: a rated answer; then another process holds the write lock for longer than this store waits.
        var id = Store().RecordAnswer(Answer(), "discord")!;
        Store().Vote(id, "user-1", Vote.Up);
        using var other = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        other.Open();
        using var begin = other.CreateCommand();
        begin.CommandText = "BEGIN EXCLUSIVE;";
        begin.ExecuteNonQuery();

        // Act: a reader needs no lock a writer holds (it used to insert the salt first, and found "No ratings yet").
        var rated = Store(busyTimeout: 1).RatedAnswers();

        // Assert
        Assert.Equal(1, Assert.Single(rated).Up);
    }

    [Theory]
    [InlineData("folder", "is a folder")]
    [InlineData("corrupt", "cannot read the ratings database")]
    [InlineData("newer", "newer than this version reads")]
    public void Reading_AnUnusableFile_Throws_NamingTheFileAndTheCause(string kind, string expected)
    {
        switch (kind)
        {
            case "folder":
                Directory.CreateDirectory(DatabasePath);
                break;
            case "corrupt":
                File.WriteAllBytes(DatabasePath, System.Text.Encoding.ASCII.GetBytes(new string('x', 8192)));
                break;
            default:
                using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
                {
                    connection.Open();
                    FeedbackSchema.Migrate(connection);
                    using var bump = connection.CreateCommand();
                    bump.CommandText = $"PRAGMA user_version = {FeedbackSchema.Latest + 1};";
                    bump.ExecuteNonQuery();
                }

                break;
        }

        var error = Assert.Throws<FeedbackUnavailableException>(() => Store().RatedAnswers());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(DatabasePath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CorruptFile_RefusesRatings_LogsOnce_AndNeverThrowsOnAWrite()
    {
        // Arrange
        File.WriteAllBytes(DatabasePath, System.Text.Encoding.ASCII.GetBytes(new string('x', 8192)));
        var logger = new CapturingLogger<SqliteFeedbackStore>();
        var store = Store(logger: logger);

        // Act
        var id = store.RecordAnswer(Answer(), "discord");
        var vote = store.Vote("any", "user-1", Vote.Up);

        // Assert
        Assert.Null(id);
        Assert.Equal(VoteOutcome.Unavailable, vote);
        var warning = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains(DatabasePath, warning.Message, StringComparison.Ordinal);
    }

    private void OldFileWithOneRating()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        FeedbackSchema.Migrate(connection, target: 1);
        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO answers (id, question, answer, citations, backend, created_at) VALUES ('old', 'q', 'a', '[]', 'extractive', '2026-01-01T00:00:00.0000000+00:00');
            INSERT INTO votes (answer_id, voter, vote, at) VALUES ('old', 'h', -1, '2026-01-01T00:00:00.0000000+00:00');
            """;
        insert.ExecuteNonQuery();
    }

    private int UserVersion()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return FeedbackSchema.Version(connection, null);
    }

    [Fact]
    public void LockedFile_RefusesTheRating_LogsOnce_ThenWorksWhenReleased()
    {
        // Arrange: another process holds the write lock for longer than this store waits (1 s).
        var logger = new CapturingLogger<SqliteFeedbackStore>();
        var store = Store(busyTimeout: 1, logger: logger);
        var id = store.RecordAnswer(Answer(), "discord")!;
        using var other = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        other.Open();
        using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE;";
            begin.ExecuteNonQuery();
        }

        // Act
        var whileLocked = new[] { store.Vote(id, "user-1", Vote.Up), store.Vote(id, "user-2", Vote.Up) };
        using (var commit = other.CreateCommand())
        {
            commit.CommandText = "COMMIT;";
            commit.ExecuteNonQuery();
        }

        var afterwards = store.Vote(id, "user-1", Vote.Up);

        // Assert
        Assert.All(whileLocked, o => Assert.Equal(VoteOutcome.Unavailable, o));
        Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal(VoteOutcome.Recorded, afterwards);
    }

    [Fact]
    public void NoPathAndNoCache_RatingsAreOff()
    {
        var store = new SqliteFeedbackStore(
            Options.Create(new FeedbackOptions()),
            Options.Create(new CorpusOptions { CachePath = string.Empty }),
            new HostingEnvironment { ContentRootPath = _folder },
            _time,
            new CapturingLogger<SqliteFeedbackStore>());

        Assert.Null(store.DatabasePath);
        Assert.Null(store.RecordAnswer(Answer(), "console"));
    }

    [Fact]
    public void DefaultPath_IsUnderTheCacheFolder()
    {
        Assert.Equal(Path.Combine(_folder, ".cache", "feedback.db"), SqliteFeedbackStore.ResolvePath(null, ".cache", _folder));
        Assert.Equal(Path.Combine(_folder, "votes.db"), SqliteFeedbackStore.ResolvePath("votes.db", ".cache", _folder));
    }
}
