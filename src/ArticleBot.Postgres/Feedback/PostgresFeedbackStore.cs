using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ArticleBot.Core.Answering;
using ArticleBot.Core.Citations;
using ArticleBot.Core.Feedback;
using ArticleBot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ArticleBot.Postgres.Feedback;

/// <summary>
/// Readers' ratings in one PostgreSQL database shared by every process on every machine: the SQLite store's schema
/// and semantics (migrations, one vote per salted reader hash and answer, no user ids), so <c>feedback</c> on any
/// machine counts every shard's votes. Writes are idempotent (an answer is inserted once by id, a vote is an upsert),
/// so a write retried after a lost connection, committed or not, counts once.
/// <para>
/// The database may be out of reach (down at start, restarted, a network cut): answers and votes then wait in a
/// bounded queue in this process, in order, and <see cref="SendQueuedAsync"/> sends them when it is back, retrying
/// with a doubling delay. When the queue is full, new ratings are dropped with one warning per outage.
/// </para>
/// </summary>
public sealed partial class PostgresFeedbackStore : IFeedbackStore, IDisposable
{
    private const string ForeignKeyViolation = "23503";
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan s_firstRetry = TimeSpan.FromMilliseconds(500);

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;
    private readonly ILogger<PostgresFeedbackStore> _logger;
    private readonly int _capacity;
    private readonly TimeSpan _maxRetryDelay;
    private readonly ConcurrentQueue<PendingRating> _pending = new();
    private readonly SemaphoreSlim _queued = new(0);
    private readonly Lock _gate = new();
    private int _count;
    private int _outage;     // 1 while the database is known to be out of reach (logged once per outage)
    private int _fullWarned; // 1 once the full queue was reported in this outage
    private string? _salt;

    /// <summary>Creates the store; nothing is opened until the first write, read or <see cref="CheckAsync"/>.</summary>
    public PostgresFeedbackStore(IOptions<StorageOptions> options, TimeProvider time, ILogger<PostgresFeedbackStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString);
        Location = Describe(builder);
        _dataSource = NpgsqlDataSource.Create(builder);
        _capacity = options.Value.QueueCapacity;
        _maxRetryDelay = TimeSpan.FromSeconds(options.Value.MaxRetryDelaySeconds);
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc/>
    public string? Location { get; }

    /// <summary>Ratings waiting for the database.</summary>
    public int Queued => Volatile.Read(ref _count);

    /// <summary>The database without its password, for messages: <c>postgres://user@host:port/database</c>.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var user = string.IsNullOrEmpty(builder.Username) ? string.Empty : builder.Username + "@";
        return $"postgres://{user}{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
    }

    /// <summary>
    /// Connects once, on start: the schema is migrated and the salt read. A wrong password, an unknown user or a
    /// database that does not exist are configuration errors (<see cref="StorageConfigurationException"/>: exit 2);
    /// a database that is down or out of reach is not: the bot starts, and ratings wait until it is back.
    /// </summary>
    public async Task CheckAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(limit.Token);
            EnsureReady(connection);
        }
        catch (Exception ex) when (ConfigurationProblem(ex) is { } problem)
        {
            throw new StorageConfigurationException(problem, ex);
        }
        catch (Exception ex) when (IsOutOfReach(ex) || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            StartOutage(ex is OperationCanceledException ? $"no answer within {timeout.TotalSeconds:0} s" : ex.Message);
        }
    }

    /// <inheritdoc/>
    public string? RecordAnswer(ArticleAnswer answer, string surface)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentException.ThrowIfNullOrWhiteSpace(surface);
        var row = new PendingAnswer(
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), answer.Question, answer.Text,
            JsonSerializer.Serialize(answer.Citations, s_json), answer.Backend, surface, _time.GetUtcNow());
        return Write(row) is VoteOutcome.Unavailable ? null : row.Id;
    }

    /// <inheritdoc/>
    public VoteOutcome Vote(string answerId, string voterId, Vote vote)
    {
        ArgumentNullException.ThrowIfNull(answerId);
        ArgumentNullException.ThrowIfNull(voterId);
        return Write(new PendingVote(answerId, voterId, (short)vote, _time.GetUtcNow()));
    }

    /// <summary>
    /// Every answer with at least one vote, from every process, the worst rated first. Reading only reads: a database
    /// without the tables has no ratings yet, and an older schema is read as it is.
    /// </summary>
    /// <exception cref="FeedbackUnavailableException">The database cannot be reached or read; the message names it and the cause.</exception>
    public IReadOnlyList<RatedAnswer> RatedAnswers()
    {
        try
        {
            using var connection = _dataSource.OpenConnection();
            var version = PostgresFeedbackSchema.Version(connection);
            if (version > PostgresFeedbackSchema.Latest)
            {
                throw new FeedbackUnavailableException($"the ratings database {Location} has schema {version}, newer than this version reads ({PostgresFeedbackSchema.Latest}); use the newer ArticleBot");
            }

            return version is null or 0 ? [] : Read(connection, surface: version >= 2);
        }
        catch (Exception ex) when (ex is NpgsqlException or JsonException or InvalidCastException)
        {
            throw new FeedbackUnavailableException($"cannot read the ratings database {Location} (Storage:ConnectionString): {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Sends queued ratings whenever there are some, until <paramref name="cancellationToken"/> fires. A database out of
    /// reach is tried again after half a second, then a doubling wait (with jitter) up to <c>Storage:MaxRetryDelaySeconds</c>.
    /// </summary>
    public async Task SendQueuedAsync(CancellationToken cancellationToken)
    {
        var delay = s_firstRetry;
        while (!cancellationToken.IsCancellationRequested)
        {
            await _queued.WaitAsync(cancellationToken);
            var sent = 0;
            while (_pending.TryPeek(out var next))
            {
                try
                {
                    using var connection = _dataSource.OpenConnection();
                    EnsureReady(connection);
                    Apply(connection, next);
                }
                catch (Exception ex) when (IsOutOfReach(ex) || ConfigurationProblem(ex) is not null)
                {
                    StartOutage(ex.Message);
                    var wait = TimeSpan.FromTicks(Math.Min((long)(delay.Ticks * (0.75 + (Random.Shared.NextDouble() / 2))), _maxRetryDelay.Ticks));
                    var pause = Task.Delay(wait, _time, cancellationToken); // the timer exists before the log line says it does
                    Log.Retrying(_logger, Queued, wait.TotalSeconds);
                    await pause;
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _maxRetryDelay.Ticks));
                    continue;
                }
                catch (PostgresException ex) when (ex.SqlState == ForeignKeyViolation)
                {
                    Log.DroppedUnknownAnswer(_logger); // a vote on an answer no process recorded: a forged or very old button
                }
                catch (NpgsqlException ex)
                {
                    Log.DroppedRejected(_logger, ex.Message); // the database refuses this one row; the others still go
                }

                _pending.TryDequeue(out _);
                Interlocked.Decrement(ref _count);
                sent++;
                delay = s_firstRetry;
            }

            if (sent > 0 && Interlocked.Exchange(ref _outage, 0) == 1)
            {
                Interlocked.Exchange(ref _fullWarned, 0);
                Log.Back(_logger, Location ?? string.Empty, sent);
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _dataSource.Dispose();
        _queued.Dispose();
    }

    /// <summary>Writes at once while the database answers and nothing waits; otherwise joins the queue, behind what waits.</summary>
    private VoteOutcome Write(PendingRating row)
    {
        if (Queued == 0)
        {
            try
            {
                using var connection = _dataSource.OpenConnection();
                EnsureReady(connection);
                return Apply(connection, row);
            }
            catch (PostgresException ex) when (ex.SqlState == ForeignKeyViolation)
            {
                return VoteOutcome.UnknownAnswer;
            }
            catch (Exception ex) when (IsOutOfReach(ex) || ConfigurationProblem(ex) is not null)
            {
                StartOutage(ex.Message);
            }
            catch (NpgsqlException ex)
            {
                Log.Unusable(_logger, Location ?? string.Empty, ex.Message);
                return VoteOutcome.Unavailable;
            }
        }

        return Enqueue(row);
    }

    private VoteOutcome Enqueue(PendingRating row)
    {
        if (Interlocked.Increment(ref _count) > _capacity)
        {
            Interlocked.Decrement(ref _count);
            if (Interlocked.Exchange(ref _fullWarned, 1) == 0)
            {
                Log.QueueFull(_logger, _capacity, Location ?? string.Empty);
            }

            return VoteOutcome.Unavailable;
        }

        _pending.Enqueue(row);
        _queued.Release();
        return VoteOutcome.Queued;
    }

    private VoteOutcome Apply(NpgsqlConnection connection, PendingRating row)
    {
        switch (row)
        {
            case PendingAnswer answer:
            {
                using var command = new NpgsqlCommand(
                    "INSERT INTO answers (id, question, answer, citations, backend, created_at, surface) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING;",
                    connection);
                command.Parameters.Add(new() { Value = answer.Id });
                command.Parameters.Add(new() { Value = answer.Question });
                command.Parameters.Add(new() { Value = answer.Answer });
                command.Parameters.Add(new() { Value = answer.Citations });
                command.Parameters.Add(new() { Value = answer.Backend });
                command.Parameters.Add(new() { Value = answer.At });
                command.Parameters.Add(new() { Value = answer.Surface });
                command.ExecuteNonQuery();
                return VoteOutcome.Recorded;
            }

            case PendingVote vote:
            {
                // xmax is 0 on a row this statement inserted, the updating transaction's id on a row it updated.
                using var command = new NpgsqlCommand(
                    "INSERT INTO votes (answer_id, voter, vote, at) VALUES ($1, $2, $3, $4) ON CONFLICT (answer_id, voter) DO UPDATE SET vote = excluded.vote, at = excluded.at RETURNING (xmax = 0);",
                    connection);
                command.Parameters.Add(new() { Value = vote.AnswerId });
                command.Parameters.Add(new() { Value = Hash(vote.VoterId) });
                command.Parameters.Add(new() { Value = vote.Vote });
                command.Parameters.Add(new() { Value = vote.At });
                return (bool)command.ExecuteScalar()! ? VoteOutcome.Recorded : VoteOutcome.Changed;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(row), row.GetType().Name, "not a rating");
        }
    }

    /// <summary>Migrates and reads the salt, once per process (other processes may be doing the same).</summary>
    private void EnsureReady(NpgsqlConnection connection)
    {
        if (Volatile.Read(ref _salt) is not null)
        {
            return;
        }

        lock (_gate)
        {
            if (_salt is not null)
            {
                return;
            }

            var from = PostgresFeedbackSchema.Migrate(connection);
            if (from != PostgresFeedbackSchema.Latest)
            {
                Log.Migrated(_logger, Location ?? string.Empty, from, PostgresFeedbackSchema.Latest);
            }

            using (var insert = new NpgsqlCommand("INSERT INTO meta (key, value) VALUES ('voter_salt', $1) ON CONFLICT (key) DO NOTHING;", connection))
            {
                insert.Parameters.Add(new() { Value = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)) });
                insert.ExecuteNonQuery();
            }

            using var read = new NpgsqlCommand("SELECT value FROM meta WHERE key = 'voter_salt';", connection);
            Volatile.Write(ref _salt, (string)read.ExecuteScalar()!);
        }
    }

    /// <summary>The same hash as the SQLite store's: the database's own salt and the reader's id, never the id itself.</summary>
    private string Hash(string voterId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_salt + "\n" + voterId)))[..32];

    private static List<RatedAnswer> Read(NpgsqlConnection connection, bool surface)
    {
        var rated = new List<RatedAnswer>();
        using var command = new NpgsqlCommand(
            $"""
            SELECT a.id, a.question, a.answer, a.citations, a.backend, {(surface ? "a.surface" : "'unknown'")},
                   COUNT(*) FILTER (WHERE v.vote > 0)::integer, COUNT(*) FILTER (WHERE v.vote < 0)::integer, MAX(v.at)
            FROM answers a JOIN votes v ON v.answer_id = a.id
            GROUP BY a.id
            ORDER BY SUM(v.vote) ASC, MAX(v.at) DESC;
            """,
            connection);
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
                reader.GetFieldValue<DateTimeOffset>(8)));
        }

        return rated;
    }

    private static bool IsOutOfReach(Exception exception) => PostgresFaults.IsOutOfReach(exception);

    /// <summary>What the operator must fix, naming the setting (never showing its value), or null when it is something else.</summary>
    internal string? ConfigurationProblem(Exception exception) => PostgresFaults.ConfigurationProblem(exception, Location ?? string.Empty);

    private void StartOutage(string reason)
    {
        // The pool's other connections went down with the server: drop them, so the next attempt opens a new one.
        _dataSource.Clear();
        if (Interlocked.Exchange(ref _outage, 1) == 0)
        {
            Log.OutOfReach(_logger, Location ?? string.Empty, reason, _capacity);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6101, EventName = "RatingsDatabaseOutOfReach", Level = LogLevel.Warning,
            Message = "The ratings database {Location} is out of reach ({Reason}); answers go on, and up to {Capacity} ratings wait here until it is back")]
        public static partial void OutOfReach(ILogger logger, string location, string reason, int capacity);

        [LoggerMessage(EventId = 6102, EventName = "RatingsDatabaseBack", Level = LogLevel.Information, Message = "The ratings database {Location} is back: {Sent} waiting ratings sent")]
        public static partial void Back(ILogger logger, string location, int sent);

        [LoggerMessage(EventId = 6103, EventName = "RatingsQueueFull", Level = LogLevel.Warning,
            Message = "{Capacity} ratings are waiting for the ratings database {Location} (Storage:QueueCapacity): new ratings are dropped until it is back")]
        public static partial void QueueFull(ILogger logger, int capacity, string location);

        [LoggerMessage(EventId = 6104, EventName = "RatingsRetrying", Level = LogLevel.Debug, Message = "{Queued} ratings waiting; trying the database again in {Seconds:0.000} s")]
        public static partial void Retrying(ILogger logger, int queued, double seconds);

        [LoggerMessage(EventId = 6105, EventName = "RatingDroppedUnknownAnswer", Level = LogLevel.Debug, Message = "A waiting vote was for an answer no process recorded; dropped")]
        public static partial void DroppedUnknownAnswer(ILogger logger);

        [LoggerMessage(EventId = 6106, EventName = "RatingDroppedRejected", Level = LogLevel.Warning, Message = "The ratings database refused a waiting rating ({Reason}); dropped")]
        public static partial void DroppedRejected(ILogger logger, string reason);

        [LoggerMessage(EventId = 6107, EventName = "RatingsDatabaseUnusable", Level = LogLevel.Warning, Message = "The ratings database {Location} refused a rating ({Reason}); answers go on without it")]
        public static partial void Unusable(ILogger logger, string location, string reason);

        [LoggerMessage(EventId = 6108, EventName = "RatingsDatabaseMigrated", Level = LogLevel.Information, Message = "Upgraded the ratings database {Location} from schema {From} to {To}")]
        public static partial void Migrated(ILogger logger, string location, int from, int to);
    }
}
