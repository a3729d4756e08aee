using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ArticleBot.Core.Answering;
using ArticleBot.Core.Citations;
using ArticleBot.Core.Corpus;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArticleBot.Core.Feedback;

/// <summary>
/// Readers' ratings of answers, in an embedded SQLite file: the answers as shown (question, text, citations,
/// backend) and one vote per reader and answer. Readers are kept only as a salted hash, enough to count one vote
/// each. Writes are in WAL mode with full sync, so a crash loses nothing committed. A file that is locked, corrupt or
/// unwritable never stops the bot: the rating is refused (<see cref="VoteOutcome.Unavailable"/>) and the problem is
/// logged once, until the store works again.
/// </summary>
public sealed partial class SqliteFeedbackStore : IFeedbackStore
{
    private const int Busy = 5;   // SQLITE_BUSY
    private const int Locked = 6; // SQLITE_LOCKED
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    private readonly string? _path;
    private readonly int _busyTimeoutSeconds;
    private readonly TimeProvider _time;
    private readonly ILogger<SqliteFeedbackStore> _logger;
    private readonly Lock _gate = new();

    // SQLite takes one writer at a time: writers of this process queue here instead of racing for the file lock
    // (which, under load, can outlast the busy timeout); other processes are still met by the timeout.
    private readonly Lock _writer = new();
    private string? _salt;
    private int _problemLogged;

    /// <summary>Creates the store; the file is opened (and created or migrated) on first use.</summary>
    public SqliteFeedbackStore(IOptions<FeedbackOptions> options, IOptions<CorpusOptions> corpus, IHostEnvironment environment, TimeProvider time, ILogger<SqliteFeedbackStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(environment);
        _path = ResolvePath(options.Value.DatabasePath, corpus.Value.CachePath, environment.ContentRootPath);
        _busyTimeoutSeconds = options.Value.BusyTimeoutSeconds;
        _time = time;
        _logger = logger;
    }

    /// <summary>The database file, or null when ratings are off (no path and no cache folder).</summary>
    public string? DatabasePath => _path;

    /// <inheritdoc/>
    public string? Location => _path;

    /// <inheritdoc/>
    public string? RecordAnswer(ArticleAnswer answer, string surface)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentException.ThrowIfNullOrWhiteSpace(surface);
        var id = NewId();
        var done = Write(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO answers (id, question, answer, citations, backend, created_at, surface) VALUES ($id, $q, $a, $c, $b, $t, $s);";
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$q", answer.Question);
            command.Parameters.AddWithValue("$a", answer.Text);
            command.Parameters.AddWithValue("$c", JsonSerializer.Serialize(answer.Citations, s_json));
            command.Parameters.AddWithValue("$b", answer.Backend);
            command.Parameters.AddWithValue("$t", Now());
            command.Parameters.AddWithValue("$s", surface);
            command.ExecuteNonQuery();
            return true;
        });
        return done ? id : null;
    }

    /// <inheritdoc/>
    public VoteOutcome Vote(string answerId, string voterId, Vote vote)
    {
        ArgumentNullException.ThrowIfNull(answerId);
        ArgumentNullException.ThrowIfNull(voterId);
        var outcome = VoteOutcome.Unavailable;
        Write(connection =>
        {
            using var transaction = connection.BeginTransaction();
            using var exists = connection.CreateCommand();
            exists.Transaction = transaction;
            exists.CommandText = "SELECT (SELECT COUNT(*) FROM answers WHERE id = $id), (SELECT COUNT(*) FROM votes WHERE answer_id = $id AND voter = $v);";
            exists.Parameters.AddWithValue("$id", answerId);
            exists.Parameters.AddWithValue("$v", Hash(voterId));
            using (var reader = exists.ExecuteReader())
            {
                reader.Read();
                if (reader.GetInt64(0) == 0)
                {
                    outcome = VoteOutcome.UnknownAnswer;
                    return true;
                }

                outcome = reader.GetInt64(1) == 0 ? VoteOutcome.Recorded : VoteOutcome.Changed;
            }

            using var upsert = connection.CreateCommand();
            upsert.Transaction = transaction;
            upsert.CommandText = "INSERT INTO votes (answer_id, voter, vote, at) VALUES ($id, $v, $vote, $t) ON CONFLICT(answer_id, voter) DO UPDATE SET vote = excluded.vote, at = excluded.at;";
            upsert.Parameters.AddWithValue("$id", answerId);
            upsert.Parameters.AddWithValue("$v", Hash(voterId));
            upsert.Parameters.AddWithValue("$vote", (int)vote);
            upsert.Parameters.AddWithValue("$t", Now());
            upsert.ExecuteNonQuery();
            transaction.Commit();
            return true;
        });
        return outcome;
    }

    /// <summary>
    /// Every answer with at least one vote, the worst rated first; empty when there is no ratings file yet or ratings
    /// are off. Reading only reads: the file is never created, migrated or written (an older schema is read as it is).
    /// </summary>
    /// <inheritdoc/>
    /// <exception cref="FeedbackUnavailableException">
    /// The file exists but cannot be read: a folder, not a database, corrupt, unreadable, locked past the busy timeout,
    /// or written by a newer version. The message names the file and the cause.
    /// </exception>
    public IReadOnlyList<RatedAnswer> RatedAnswers()
    {
        if (_path is null)
        {
            return [];
        }

        if (Directory.Exists(_path))
        {
            throw new FeedbackUnavailableException($"the ratings database {_path} is a folder, not a file (Feedback:DatabasePath, Corpus:CachePath)");
        }

        if (!File.Exists(_path))
        {
            return [];
        }

        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = _path,
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
                DefaultTimeout = _busyTimeoutSeconds,
            }.ToString());
            connection.Open();
            Execute(connection, FormattableString.Invariant($"PRAGMA busy_timeout = {_busyTimeoutSeconds * 1000};"));
            var version = FeedbackSchema.Version(connection, null);
            if (version > FeedbackSchema.Latest)
            {
                throw new FeedbackUnavailableException($"the ratings database {_path} has schema {version}, newer than this version reads ({FeedbackSchema.Latest}); use the newer ArticleBot");
            }

            return version == 0 ? [] : Read(connection, surface: version >= 2);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException or JsonException or FormatException)
        {
            throw new FeedbackUnavailableException($"cannot read the ratings database {_path}: {ex.Message}", ex);
        }
    }

    private static List<RatedAnswer> Read(SqliteConnection connection, bool surface)
    {
        var rated = new List<RatedAnswer>();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT a.id, a.question, a.answer, a.citations, a.backend, {(surface ? "a.surface" : "'unknown'")},
                   SUM(CASE WHEN v.vote > 0 THEN 1 ELSE 0 END), SUM(CASE WHEN v.vote < 0 THEN 1 ELSE 0 END), MAX(v.at)
            FROM answers a JOIN votes v ON v.answer_id = a.id
            GROUP BY a.id
            ORDER BY SUM(v.vote) ASC, MAX(v.at) DESC;
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rated.Add(new RatedAnswer(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                JsonSerializer.Deserialize<List<Citation>>(reader.GetString(3), s_json) ?? [],
                reader.GetString(4),
                reader.GetString(5),
                reader.GetInt32(6),
                reader.GetInt32(7),
                DateTimeOffset.Parse(reader.GetString(8), CultureInfo.InvariantCulture)));
        }

        return rated;
    }

    /// <summary>Where the file goes: the configured path, else <c>feedback.db</c> in the cache folder, else nowhere.</summary>
    internal static string? ResolvePath(string? databasePath, string? cachePath, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(databasePath))
        {
            return Path.GetFullPath(databasePath, contentRoot);
        }

        return string.IsNullOrWhiteSpace(cachePath) ? null : Path.Combine(Path.GetFullPath(cachePath, contentRoot), "feedback.db");
    }

    private bool Write(Func<SqliteConnection, bool> work)
    {
        lock (_writer)
        {
            return Run(work);
        }
    }

    /// <summary>Runs one unit of work on a fresh connection; false (logged) when the file cannot be used.</summary>
    private bool Run(Func<SqliteConnection, bool> work)
    {
        if (_path is null)
        {
            LogProblem("ratings are off: set Feedback:DatabasePath or Corpus:CachePath");
            return false;
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var connection = Open(_path);
                var result = work(connection);
                Interlocked.Exchange(ref _problemLogged, 0); // working again: the next problem is news
                return result;
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode is Busy or Locked
                && System.Diagnostics.Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(_busyTimeoutSeconds))
            {
                // SQLite answers "busy" at once, without waiting, where waiting could deadlock (two processes that both
                // read a new file and both want to switch it to WAL): the unit of work starts again, a moment later,
                // until the busy timeout is spent. Nothing of it was committed.
                Thread.Sleep(Random.Shared.Next(5, 20 * Math.Min(attempt, 10)));
            }
            catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException or JsonException or FormatException)
            {
                LogProblem($"{_path}: {ex.Message}");
                return false;
            }
        }
    }

    private SqliteConnection Open(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,

            // Microsoft.Data.Sqlite retries a busy file until the command timeout: that is the wait for a lock.
            DefaultTimeout = _busyTimeoutSeconds,
        }.ToString());
        try
        {
            connection.Open();

            // SQLite's own busy handler first: it retries within milliseconds of the lock's release, where the
            // provider's retry sleeps 150 ms between tries, so that 20 processes voting at once on a new file lost
            // votes to "database is locked" within the 2 s.
            Execute(connection, FormattableString.Invariant($"PRAGMA busy_timeout = {_busyTimeoutSeconds * 1000};"));
            if (!string.Equals(Scalar(connection, "PRAGMA journal_mode;"), "wal", StringComparison.OrdinalIgnoreCase))
            {
                // Once per file (WAL is kept in the file): switching needs every other connection out of the way.
                Execute(connection, "PRAGMA journal_mode = WAL;");
            }

            Execute(connection, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;");
            lock (_gate)
            {
                // Migrations and the salt are settled once per process; other processes may share the file.
                if (_salt is null)
                {
                    var from = FeedbackSchema.Migrate(connection);
                    if (from != FeedbackSchema.Latest)
                    {
                        Log.Migrated(_logger, path, from, FeedbackSchema.Latest);
                    }

                    _salt = Salt(connection);
                }
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The file's own random salt, made on first use: hashes from one file cannot be matched with another's.</summary>
    private static string Salt(SqliteConnection connection)
    {
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT OR IGNORE INTO meta (key, value) VALUES ('voter_salt', $salt); SELECT value FROM meta WHERE key = 'voter_salt';";
        insert.Parameters.AddWithValue("$salt", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));
        return (string)insert.ExecuteScalar()!;
    }

    private string Hash(string voterId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_salt + "\n" + voterId)))[..32];

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    private static string? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()?.ToString();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private void LogProblem(string reason)
    {
        if (Interlocked.Exchange(ref _problemLogged, 1) == 0)
        {
            Log.Unavailable(_logger, reason);
        }
        else
        {
            Log.StillUnavailable(_logger, reason);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6001, EventName = "FeedbackUnavailable", Level = LogLevel.Warning,
            Message = "Ratings cannot be recorded ({Reason}); answers go on without them")]
        public static partial void Unavailable(ILogger logger, string reason);

        [LoggerMessage(EventId = 6002, EventName = "FeedbackStillUnavailable", Level = LogLevel.Debug, Message = "Ratings still cannot be recorded: {Reason}")]
        public static partial void StillUnavailable(ILogger logger, string reason);

        [LoggerMessage(EventId = 6003, EventName = "FeedbackMigrated", Level = LogLevel.Information, Message = "Upgraded the ratings database {Path} from schema {From} to {To}")]
        public static partial void Migrated(ILogger logger, string path, int from, int to);
    }
}
