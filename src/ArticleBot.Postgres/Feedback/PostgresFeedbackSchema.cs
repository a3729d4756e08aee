using Npgsql;

namespace ArticleBot.Postgres.Feedback;

/// <summary>
/// The ratings tables in PostgreSQL: the SQLite store's schema (answers, votes one per reader hash and answer, meta with
/// the voter salt), as ordered migrations. The table <c>feedback_schema</c> says how many have run. Each process
/// migrates under a transaction-scoped advisory lock, so processes that start together on a new database take turns,
/// and the later ones find the tables made.
/// </summary>
internal static class PostgresFeedbackSchema
{
    /// <summary>Any fixed number: the advisory lock all ArticleBot processes take to migrate.</summary>
    private const long MigrationLock = 0x41_72_74_42_6F_74_46_62; // "ArtBotFb"

    /// <summary>Migration i (0-based) takes the schema from version i to i + 1. Never edit one that has shipped.</summary>
    public static readonly string[] Migrations =
    [
        // 1: answers as they were shown, one vote per reader (a salted hash, never the reader's id) and answer.
        """
        CREATE TABLE answers (
            id         text PRIMARY KEY,
            question   text NOT NULL,
            answer     text NOT NULL,
            citations  text NOT NULL,
            backend    text NOT NULL,
            created_at timestamptz NOT NULL
        );
        CREATE TABLE votes (
            answer_id text NOT NULL REFERENCES answers(id),
            voter     text NOT NULL,
            vote      smallint NOT NULL CHECK (vote IN (-1, 1)),
            at        timestamptz NOT NULL,
            PRIMARY KEY (answer_id, voter)
        );
        CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL);
        """,

        // 2: where the answer was shown, so operators can tell Discord's ratings from the console's.
        """
        ALTER TABLE answers ADD COLUMN surface text NOT NULL DEFAULT 'unknown';
        CREATE INDEX votes_by_answer ON votes(answer_id);
        """,
    ];

    /// <summary>The version a fully migrated database has.</summary>
    public static int Latest => Migrations.Length;

    /// <summary>Brings the database to <paramref name="target"/> (the latest by default) in one transaction; returns the version it had.</summary>
    public static int Migrate(NpgsqlConnection connection, int? target = null) =>
        PostgresMigrations.Run(connection, MigrationLock, "feedback_schema", Migrations, target ?? Latest);

    /// <summary>The database's schema version; null when it has no ratings tables at all (nothing has been written yet).</summary>
    public static int? Version(NpgsqlConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = new NpgsqlCommand("SELECT CASE WHEN to_regclass('feedback_schema') IS NULL THEN -1 ELSE 0 END;", connection);
        if ((int)command.ExecuteScalar()! < 0)
        {
            return null;
        }

        using var version = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM feedback_schema;", connection);
        return (int)version.ExecuteScalar()!;
    }
}
