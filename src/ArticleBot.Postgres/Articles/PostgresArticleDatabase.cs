using ArticleBot.Core.Storage;
using ArticleBot.Ingest.Storage;
using ArticleBot.Postgres.Feedback;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace ArticleBot.Postgres.Articles;

/// <summary>
/// The imported articles in the database of <c>Storage:ConnectionString</c>: each article's record and seed file text,
/// by Discord server (null: shared), and the texts removed. Every change is announced on <see cref="Channel"/> in the
/// transaction that makes it, so the processes listening hear of it once it is committed, and only then.
/// </summary>
public sealed partial class PostgresArticleDatabase : IDisposable
{
    /// <summary>The <c>NOTIFY</c> channel every change is announced on.</summary>
    public const string Channel = "articlebot_articles";

    private const string Columns = "guild_id, id, sha256, kind, title, byline, published, url, file_name, content_type, encoding, encoding_note, bytes, paragraphs, imported_at";
    private const string SameGuild = "COALESCE(guild_id, '') = COALESCE($1, '')";

    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlConnectionStringBuilder _listenerSettings;
    private readonly ILogger<PostgresArticleDatabase> _logger;
    private readonly Lock _gate = new();
    private bool _ready;

    /// <summary>Creates the access; nothing is opened until the first call.</summary>
    public PostgresArticleDatabase(IOptions<StorageOptions> options, ILogger<PostgresArticleDatabase> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString);
        Location = PostgresFeedbackStore.Describe(builder);
        _dataSource = NpgsqlDataSource.Create(builder);

        // The listening connection is idle for hours: a keepalive query finds a connection the network cut silently
        // (no error would ever reach a connection that only waits), unless the operator set one.
        _listenerSettings = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Pooling = false };
        if (_listenerSettings.KeepAlive == 0)
        {
            _listenerSettings.KeepAlive = 30;
        }

        _logger = logger;
    }

    /// <summary>The database without its password, for messages: <c>postgres://user@host:port/database</c>.</summary>
    public string Location { get; }

    /// <summary>
    /// The article as the database keeps it: its times in whole microseconds (PostgreSQL's precision), so this
    /// process's copy and every other machine's are the same, byte for byte.
    /// </summary>
    public static StoredArticle AsKept(StoredArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        static DateTimeOffset Microseconds(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % 10), TimeSpan.Zero);
        return article with { ImportedAt = Microseconds(article.ImportedAt), Published = article.Published is { } published ? Microseconds(published) : null };
    }

    /// <summary>The articles of one server (<paramref name="guildId"/>; null: the shared ones), oldest first, without their text.</summary>
    public IReadOnlyList<StoredArticle> List(string? guildId)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand($"SELECT {Columns} FROM imported_articles WHERE {SameGuild} ORDER BY imported_at, id;", connection);
        command.Parameters.Add(Text(guildId));
        return ReadArticles(command, withText: false).Select(r => r.Article).ToList();
    }

    /// <summary>
    /// Adds an article (and forgets that its text was ever removed); returns null when it was added, or the article
    /// already there with the same text or id (for a server's article, also a shared one with the same text), untouched.
    /// </summary>
    public StoredArticle? Add(StoredArticle article, string seedText)
    {
        ArgumentNullException.ThrowIfNull(article);
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        if (article.GuildId is not null)
        {
            // A server answers on the shared articles too: the same text in its own store would be a duplicate.
            using var shared = new NpgsqlCommand($"SELECT {Columns} FROM imported_articles WHERE COALESCE(guild_id, '') = '' AND sha256 = $1 LIMIT 1;", connection);
            shared.Parameters.Add(Text(article.Sha256));
            if (ReadArticles(shared, withText: false).Select(r => r.Article).FirstOrDefault() is { } existing)
            {
                return existing;
            }
        }

        if (Insert(connection, article, seedText, unlessRemoved: false) == 0)
        {
            using var existing = new NpgsqlCommand($"SELECT {Columns} FROM imported_articles WHERE {SameGuild} AND (sha256 = $2 OR id = $3) ORDER BY sha256 = $2 DESC LIMIT 1;", connection);
            existing.Parameters.Add(Text(article.GuildId));
            existing.Parameters.Add(Text(article.Sha256));
            existing.Parameters.Add(Text(article.Id));
            return ReadArticles(existing, withText: false).Select(r => r.Article).FirstOrDefault() ?? article;
        }

        Execute(connection, $"DELETE FROM removed_articles WHERE {SameGuild} AND sha256 = $2;", article.GuildId, article.Sha256);
        Notify(connection);
        transaction.Commit();
        return null;
    }

    /// <summary>
    /// Adds an article a process kept from before it used this database, unless the same text was removed since, or is
    /// there already; true when it was added.
    /// </summary>
    public bool AddKept(StoredArticle article, string seedText)
    {
        ArgumentNullException.ThrowIfNull(article);
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        if (Insert(connection, article, seedText, unlessRemoved: true) == 0)
        {
            return false;
        }

        Notify(connection);
        transaction.Commit();
        return true;
    }

    /// <summary>Removes an article and remembers its text as removed; returns it, or null when the server has no article of that id.</summary>
    public StoredArticle? Remove(string? guildId, string id)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var delete = new NpgsqlCommand($"DELETE FROM imported_articles WHERE {SameGuild} AND id = $2 RETURNING {Columns};", connection);
        delete.Parameters.Add(Text(guildId));
        delete.Parameters.Add(Text(id));
        if (ReadArticles(delete, withText: false).Select(r => r.Article).FirstOrDefault() is not { } removed)
        {
            return null;
        }

        using (var remember = new NpgsqlCommand(
            "INSERT INTO removed_articles (guild_id, sha256, removed_at) VALUES ($1, $2, now()) ON CONFLICT ((COALESCE(guild_id, '')), sha256) DO UPDATE SET removed_at = excluded.removed_at;",
            connection))
        {
            remember.Parameters.Add(Text(guildId));
            remember.Parameters.Add(Text(removed.Sha256));
            remember.ExecuteNonQuery();
        }

        Notify(connection);
        transaction.Commit();
        return removed;
    }

    /// <summary>What the database holds, in brief: every article's server, id and text hash, and the removed texts.</summary>
    public ArticleSnapshot Snapshot()
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead); // both lists from one moment
        var articles = new Dictionary<(string Guild, string Id), string>();
        using (var command = new NpgsqlCommand("SELECT COALESCE(guild_id, ''), id, sha256 FROM imported_articles;", connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                articles[(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
            }
        }

        var removed = new HashSet<(string Guild, string Sha256)>();
        using (var command = new NpgsqlCommand("SELECT COALESCE(guild_id, ''), sha256 FROM removed_articles;", connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                removed.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        transaction.Commit();
        return new ArticleSnapshot(articles, removed);
    }

    /// <summary>One article with its seed file text, or null when it is gone.</summary>
    public (StoredArticle Article, string SeedText)? Load(string? guildId, string id)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand($"SELECT {Columns}, seed_text FROM imported_articles WHERE {SameGuild} AND id = $2;", connection);
        command.Parameters.Add(Text(guildId));
        command.Parameters.Add(Text(id));
        return ReadArticles(command, withText: true).Select(r => ((StoredArticle, string)?)(r.Article, r.SeedText!)).FirstOrDefault();
    }

    /// <summary>A connection of its own (not pooled) that listens on <see cref="Channel"/>, with keepalives.</summary>
    public async Task<NpgsqlConnection> ListenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_listenerSettings.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            EnsureReady(connection);
            await using var listen = new NpgsqlCommand($"LISTEN {Channel};", connection);
            await listen.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Drops the pool's connections after an outage, so the next call opens a new one.</summary>
    public void ClearPool() => _dataSource.Clear();

    /// <inheritdoc/>
    public void Dispose() => _dataSource.Dispose();

    private NpgsqlConnection Open()
    {
        var connection = _dataSource.OpenConnection();
        try
        {
            EnsureReady(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Migrates once per process (other processes may be doing the same).</summary>
    private void EnsureReady(NpgsqlConnection connection)
    {
        if (Volatile.Read(ref _ready))
        {
            return;
        }

        lock (_gate)
        {
            if (_ready)
            {
                return;
            }

            var from = PostgresArticleSchema.Migrate(connection);
            if (from != PostgresArticleSchema.Latest)
            {
                Log.Migrated(_logger, Location, from, PostgresArticleSchema.Latest);
            }

            Volatile.Write(ref _ready, true);
        }
    }

    private static int Insert(NpgsqlConnection connection, StoredArticle article, string seedText, bool unlessRemoved)
    {
        var guard = unlessRemoved
            ? $" WHERE NOT EXISTS (SELECT 1 FROM removed_articles WHERE {SameGuild} AND sha256 = $3)"
            : string.Empty;
        using var command = new NpgsqlCommand(
            $"INSERT INTO imported_articles ({Columns}, seed_text) SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16{guard} ON CONFLICT DO NOTHING;",
            connection);
        command.Parameters.Add(Text(article.GuildId));
        command.Parameters.Add(Text(article.Id));
        command.Parameters.Add(Text(article.Sha256));
        command.Parameters.Add(Text(article.Kind));
        command.Parameters.Add(Text(article.Title));
        command.Parameters.Add(Text(article.Byline));
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)article.Published?.ToUniversalTime() ?? DBNull.Value });
        command.Parameters.Add(Text(article.Url));
        command.Parameters.Add(Text(article.FileName));
        command.Parameters.Add(Text(article.ContentType));
        command.Parameters.Add(Text(article.Encoding));
        command.Parameters.Add(Text(article.EncodingNote));
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = article.Bytes });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = article.Paragraphs });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = article.ImportedAt.ToUniversalTime() });
        command.Parameters.Add(Text(seedText));
        return command.ExecuteNonQuery();
    }

    private static List<(StoredArticle Article, string? SeedText)> ReadArticles(NpgsqlCommand command, bool withText)
    {
        var rows = new List<(StoredArticle, string?)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            string? Nullable(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            rows.Add((new StoredArticle(
                reader.GetString(1), reader.GetString(3), Nullable(4), Nullable(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
                Nullable(7), Nullable(8), Nullable(9), Nullable(10), Nullable(11), reader.GetString(2),
                reader.GetInt64(12), reader.GetInt32(13), reader.GetFieldValue<DateTimeOffset>(14), Nullable(0)),
                withText ? reader.GetString(15) : null));
        }

        return rows;
    }

    private static void Notify(NpgsqlConnection connection) => Execute(connection, $"SELECT pg_notify('{Channel}', '');");

    private static void Execute(NpgsqlConnection connection, string sql, params string?[] values)
    {
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(Text(value));
        }

        command.ExecuteNonQuery();
    }

    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    private static partial class Log
    {
        [LoggerMessage(EventId = 6121, EventName = "ArticlesDatabaseMigrated", Level = LogLevel.Information, Message = "Upgraded the articles tables of {Location} from schema {From} to {To}")]
        public static partial void Migrated(ILogger logger, string location, int from, int to);
    }
}

/// <summary>The database's articles in brief (server id, "" for shared; article id → text hash) and its removed texts.</summary>
public sealed record ArticleSnapshot(IReadOnlyDictionary<(string Guild, string Id), string> Articles, IReadOnlySet<(string Guild, string Sha256)> Removed);
