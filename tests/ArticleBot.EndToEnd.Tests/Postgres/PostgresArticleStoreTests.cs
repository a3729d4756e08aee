using ArticleBot.Core.Storage;
using ArticleBot.Core.Tests.Fakes;
using ArticleBot.Ingest;
using ArticleBot.Ingest.Extraction;
using ArticleBot.Ingest.Storage;
using ArticleBot.Postgres.Articles;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace ArticleBot.EndToEnd.Tests.Postgres;

/// <summary>
/// Imported articles in a real PostgreSQL: each <see cref="Machine"/> is what one process has (its own seeds folder,
/// its own access to the database), so two of them are two machines sharing one database.
/// </summary>
[Collection(PostgresTests.Name)]
public sealed class PostgresArticleStoreTests(PostgresCluster cluster)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static ExtractedArticle Article(string title, params string[] paragraphs) =>
        new(ArticleKind.Web, title, "Ana Ruiz", new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero), paragraphs, "utf-8");

    [Fact]
    public async Task RoundTrip_KeepsTextAndMetadata_ByServer_AndCopiesIntoTheOtherMachinesSeeds()
    {
        // Arrange: two machines on a new database.
        var database = await cluster.CreateDatabaseAsync(Ct);
        using var a = new Machine(database);
        using var b = new Machine(database);

        // Act
        var shared = a.Store.Add(Article("Harbour bridge reopens", "The bridge reopened after repairs costing 48 million euros."), "https://example.com/bridge", null, "text/html");
        var own = a.Store.ForGuild("1234").Add(Article("Library opens late", "The library now opens until midnight."), null, "library.docx", null);
        var copied = b.Mirror.Reconcile();

        // Assert: the database lists each where it belongs, with everything the import knew.
        var listed = Assert.Single(b.Store.List());
        Assert.Equal(shared, listed);
        Assert.Equal(("Harbour bridge reopens", "Ana Ruiz", "https://example.com/bridge", "web"), (listed.Title, listed.Byline, listed.Url, listed.Kind));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero), listed.Published);
        Assert.Null(listed.GuildId);
        Assert.Equal(own, Assert.Single(b.Store.ForGuild("1234").List()));
        Assert.Equal("1234", own.GuildId);
        Assert.Empty(b.Store.ForGuild("99").List());
        Assert.Equal(new MirrorChanges(2, 0, 0), copied);

        // The other machine's seeds hold the same files, byte for byte, where its index reads them.
        foreach (var article in new[] { shared, own })
        {
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(a.Seeds, article.SeedPath), Ct), await File.ReadAllTextAsync(Path.Combine(b.Seeds, article.SeedPath), Ct));
        }

        Assert.Equal(a.Local.List(), b.Local.List());
        Assert.Equal(new MirrorChanges(0, 0, 0), b.Mirror.Reconcile());
    }

    [Fact]
    public async Task A_SharedArticlesText_ImportedInAServer_IsADuplicate_FromAnyMachine()
    {
        var database = await cluster.CreateDatabaseAsync(Ct);
        using var a = new Machine(database);
        using var b = new Machine(database);
        var shared = a.Store.Add(Article("Harbour bridge reopens", "The bridge reopened after repairs costing 48 million euros."), "https://example.com/bridge", null, "text/html");

        var refused = Assert.Throws<ImportRefusedException>(() => b.Store.ForGuild("1234").Add(Article("Harbour bridge reopens", "The bridge reopened after repairs costing 48 million euros."), null, "bridge.md", null));

        Assert.Equal(RefusalReason.Duplicate, refused.Reason);
        Assert.Contains(shared.Id, refused.Message, StringComparison.Ordinal);
        Assert.Empty(b.Store.ForGuild("1234").List());
    }

    [Fact]
    public async Task ConcurrentImports_OfOneArticle_StoreItOnce_TheOthersAreDuplicates_AndRemovalReachesEveryCopy()
    {
        var database = await cluster.CreateDatabaseAsync(Ct);
        using var a = new Machine(database);
        using var b = new Machine(database);
        var text = Article("Tolls fall to zero", "Tolls fall to zero for bicycles from Monday.");

        // Act: eight imports of the same text at once, from both machines.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
        {
            try
            {
                return (i % 2 == 0 ? a : b).Store.Add(text, null, "tolls.txt", null).Id;
            }
            catch (ImportRefusedException refused) when (refused.Reason == RefusalReason.Duplicate)
            {
                return "duplicate";
            }
        }, Ct)));

        // Assert
        Assert.Equal(7, outcomes.Count(o => o == "duplicate"));
        var id = Assert.Single(outcomes, o => o != "duplicate");
        Assert.Equal(["1"], await ColumnAsync(database, "SELECT COUNT(*)::text FROM imported_articles"));
        a.Mirror.Reconcile();
        b.Mirror.Reconcile();
        Assert.Equal(id, Assert.Single(a.Local.List()).Id);
        Assert.Equal(id, Assert.Single(b.Local.List()).Id);

        // Removed on one machine: gone from the other's copy, and its copy is not sent back.
        var removed = b.Store.Remove(id);
        Assert.Equal(new MirrorChanges(0, 1, 0), a.Mirror.Reconcile());
        Assert.Empty(a.Local.List());
        Assert.Empty(a.Store.List());
        Assert.Equal(RefusalReason.NotFound, Assert.Throws<ImportRefusedException>(() => a.Store.Remove(removed.Id)).Reason);

        // Imported again: it is back everywhere.
        a.Store.Add(text, null, "tolls.txt", null);
        Assert.Equal(new MirrorChanges(1, 0, 0), b.Mirror.Reconcile());
    }

    [Fact]
    public async Task ArticlesKeptBeforeTheDatabase_AreSentToIt_UnlessRemovedThere()
    {
        // Arrange: a machine that imported with the SQLite default, then moved to the database.
        var database = await cluster.CreateDatabaseAsync(Ct);
        using var a = new Machine(database);
        using var b = new Machine(database);
        var kept = a.Local.Add(Article("Kept before", "This was imported before the database was used."), null, "kept.txt", null);
        var keptByServer = a.Local.ForGuild("77").Add(Article("Kept by a server", "A server imported this one."), null, "server.txt", null);

        // Act
        var sent = a.Mirror.Reconcile();
        b.Mirror.Reconcile();
        b.Store.Remove(kept.Id);
        var stale = new Machine(database, a.Seeds); // a process of machine a that still has the removed article
        var afterRemoval = stale.Mirror.Reconcile();

        // Assert
        Assert.Equal(new MirrorChanges(0, 0, 2), sent);
        Assert.Equal(keptByServer.Id, Assert.Single(b.Local.ForGuild("77").List()).Id);
        Assert.Equal(new MirrorChanges(0, 1, 0), afterRemoval);
        Assert.Empty(b.Store.List());
        Assert.Empty(a.Local.List());
        stale.Dispose();
    }

    [Fact]
    public async Task Listen_CopiesAnImportOnTheOtherMachine_AsItIsCommitted()
    {
        var database = await cluster.CreateDatabaseAsync(Ct);
        using var a = new Machine(database);
        using var b = new Machine(database);
        using var feed = b.Feed(new FakeTimeProvider(), out var states);
        await feed.StartAsync(Ct);
        await states.NextAsync(ArticleFeedState.Listening);

        var article = a.Store.Add(Article("Ferry timetable changes", "The night ferry now leaves at eleven."), null, "ferry.txt", null);
        await states.NextAsync(ArticleFeedState.Synced);

        Assert.Equal(article, Assert.Single(b.Local.List()) with { GuildId = null });
        await feed.StopAsync(Ct);
    }

    [Fact]
    public async Task DatabaseRestarted_TheFeedReconnectsWithBackoff_AndCatchesUpOnWhatItMissed()
    {
        // Arrange: machine b listens; its waits run on a fake clock, advanced only when it says it waits.
        var database = await cluster.CreateDatabaseAsync(Ct);
        using var a = new Machine(database);
        using var b = new Machine(database);
        var time = new FakeTimeProvider();
        using var feed = b.Feed(time, out var states);
        await feed.StartAsync(Ct);
        await states.NextAsync(ArticleFeedState.Listening);

        // Act: the server is killed (every connection cut) and started again; an import lands while b is away.
        await cluster.KillAsync();
        await states.NextAsync(ArticleFeedState.Waiting);
        Assert.Equal(RefusalReason.StoreUnavailable, Assert.Throws<ImportRefusedException>(() => a.Store.Add(Article("Lost", "Nothing reaches a stopped database."), null, "lost.txt", null)).Reason);
        Assert.Empty(a.Local.List());
        await cluster.StartAsync();
        var missed = a.Store.Add(Article("Market moves indoors", "The winter market moves into the old station hall."), null, "market.txt", null);
        var retries = 0;
        ArticleFeedState state;
        do
        {
            time.Advance(TimeSpan.FromSeconds(1)); // the longest wait (Storage:MaxRetryDelaySeconds = 1)
            retries++;
            state = await states.NextAsync();
        }
        while (state == ArticleFeedState.Waiting);

        // Assert: listening again, with the missed import copied, and what comes next heard as before.
        Assert.Equal(ArticleFeedState.Listening, state);
        Assert.Equal(missed.Id, Assert.Single(b.Local.List()).Id);
        a.Store.Add(Article("Bus lanes", "Two new bus lanes open on the ring road."), null, "bus.txt", null);
        await states.NextAsync(ArticleFeedState.Synced);
        Assert.Equal(2, b.Local.List().Count);
        Assert.InRange(retries, 1, 20);
        Assert.Single(b.Logger.Entries, e => e.Message.Contains("Lost the article database", StringComparison.Ordinal));
        Assert.Contains(b.Logger.Entries, e => e.Message.Contains("is back", StringComparison.Ordinal));
        await feed.StopAsync(Ct);
    }

    [Fact]
    public async Task WrongPassword_StopsTheStart_NamingTheSetting()
    {
        var database = await cluster.CreateDatabaseAsync(Ct);
        var wrong = new NpgsqlConnectionStringBuilder(database) { Password = "wrong-" + PostgresCluster.Password }.ConnectionString;
        using var machine = new Machine(wrong);
        using var feed = machine.Feed(new FakeTimeProvider(), out _);

        var error = await Assert.ThrowsAsync<StorageConfigurationException>(() => feed.StartAsync(Ct));

        Assert.StartsWith("Storage:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(PostgresCluster.Password, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TablesOfANewerVersion_StopTheStart_AndAreNotWritten()
    {
        var database = await cluster.CreateDatabaseAsync(Ct);
        await ColumnAsync(database, "CREATE TABLE article_schema (version integer NOT NULL); INSERT INTO article_schema VALUES (99); SELECT 'made'");
        using var machine = new Machine(database);
        using var feed = machine.Feed(new FakeTimeProvider(), out _);

        var error = await Assert.ThrowsAsync<StorageConfigurationException>(() => feed.StartAsync(Ct));

        Assert.Contains("newer than this version of ArticleBot reads", error.Message, StringComparison.Ordinal);
        Assert.Empty(await ColumnAsync(database, "SELECT tablename::text FROM pg_tables WHERE tablename = 'imported_articles'"));
    }

    // Unpooled: a test that drops or alters tables must not leave a pooled connection behind.
    private static Task<List<string>> ColumnAsync(string connectionString, string sql) =>
        PostgresFeedbackStoreTests.ColumnAsync(connectionString + ";Pooling=false", sql);
}

/// <summary>Database down at start: no server needed, so this always runs.</summary>
public sealed class PostgresArticleStoreOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DatabaseDownAtStart_TheCopyStays_ImportsAreRefusedAndChangeNothing()
    {
        // Arrange: nothing listens on the port; the copy holds one article from an earlier run.
        using var machine = new Machine($"Host=127.0.0.1;Port={StorageSettingsTests.ClosedPort()};Database=articlebot;Username=articlebot;Password=x;Timeout=5");
        var earlier = machine.Local.Add(PostgresArticleStoreTests.Article("Earlier", "Copied from the database in an earlier run."), null, "earlier.txt", null);
        using var feed = machine.Feed(new FakeTimeProvider(), out _);

        // Act
        await feed.StartAsync(Ct);
        var refused = Assert.Throws<ImportRefusedException>(() => machine.Store.Add(PostgresArticleStoreTests.Article("New", "Cannot be stored now."), null, "new.txt", null));

        // Assert
        Assert.Equal(RefusalReason.StoreUnavailable, refused.Reason);
        Assert.Contains("Storage:ConnectionString", refused.Message, StringComparison.Ordinal);
        Assert.Equal([earlier], machine.Store.List()); // listed from the copy
        Assert.Equal([earlier], machine.Local.List());
        Assert.Contains(machine.Logger.Entries, e => e.Message.Contains("answering on this machine's last copy", StringComparison.Ordinal));
        await feed.StopAsync(Ct);
    }
}

/// <summary>What one process on one machine has: a seeds folder, the database access, the store, the copy.</summary>
internal sealed class Machine : IDisposable
{
    private readonly bool _ownsSeeds;

    public Machine(string connectionString, string? seeds = null)
    {
        _ownsSeeds = seeds is null;
        Seeds = seeds ?? Directory.CreateTempSubdirectory("articlebot-machine-").FullName;
        Options = Microsoft.Extensions.Options.Options.Create(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = connectionString, MaxRetryDelaySeconds = 1 });
        Database = new PostgresArticleDatabase(Options, new CapturingLogger<PostgresArticleDatabase>());
        Local = new ArticleStore(Seeds, 16 * 1024 * 1024, TimeProvider.System);
        Mirror = new ImportedArticleMirror(Database, Local);
        Store = new PostgresArticleStore(Database, Local, Mirror);
    }

    public string Seeds { get; }

    public IOptions<StorageOptions> Options { get; }

    public PostgresArticleDatabase Database { get; }

    public ArticleStore Local { get; }

    public ImportedArticleMirror Mirror { get; }

    public PostgresArticleStore Store { get; }

    public CapturingLogger<PostgresArticleFeed> Logger { get; } = new();

    /// <summary>A following feed whose every state change is queued in <paramref name="states"/>.</summary>
    public PostgresArticleFeed Feed(TimeProvider time, out FeedStates states)
    {
        var feed = new PostgresArticleFeed(Database, Mirror, Options, time, Logger, follow: true);
        states = new FeedStates();
        feed.StateChanged += states.Add;
        return feed;
    }

    public void Dispose()
    {
        Database.Dispose();
        if (_ownsSeeds)
        {
            Directory.Delete(Seeds, recursive: true);
        }
    }
}

/// <summary>The feed's states in order, awaited one by one (with a bound only a hang reaches).</summary>
internal sealed class FeedStates
{
    private readonly System.Threading.Channels.Channel<ArticleFeedState> _states = System.Threading.Channels.Channel.CreateUnbounded<ArticleFeedState>();

    public void Add(ArticleFeedState state) => _states.Writer.TryWrite(state);

    public async Task<ArticleFeedState> NextAsync() =>
        await _states.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(60));

    /// <summary>Waits for <paramref name="expected"/>, skipping other states.</summary>
    public async Task NextAsync(ArticleFeedState expected)
    {
        while (await NextAsync() != expected)
        {
        }
    }
}
