using Microsoft.Data.Sqlite;

namespace ArticleBot.Core.Feedback;

/// <summary>
/// The ratings database's schema, as ordered migrations. <c>PRAGMA user_version</c> says how many have run; opening
/// an older file runs the rest, each in its own transaction, so a file from any earlier version upgrades itself.
/// </summary>
internal static class FeedbackSchema
{
    /// <summary>Migration i (0-based) takes the schema from version i to i + 1. Never edit one that has shipped.</summary>
    public static readonly string[] Migrations =
    [
        // 1: answers as they were shown, one vote per reader (a salted hash, never the reader's id) and answer.
        """
        CREATE TABLE answers (
            id         TEXT PRIMARY KEY,
            question   TEXT NOT NULL,
            answer     TEXT NOT NULL,
            citations  TEXT NOT NULL,
            backend    TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE votes (
            answer_id TEXT NOT NULL REFERENCES answers(id),
            voter     TEXT NOT NULL,
            vote      INTEGER NOT NULL CHECK (vote IN (-1, 1)),
            at        TEXT NOT NULL,
            PRIMARY KEY (answer_id, voter)
        );
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """,

        // 2: where the answer was shown, so operators can tell Discord's ratings from the console's.
        """
        ALTER TABLE answers ADD COLUMN surface TEXT NOT NULL DEFAULT 'unknown';
        CREATE INDEX votes_by_answer ON votes(answer_id);
        """,
    ];

    /// <summary>The version a fully migrated file has.</summary>
    public static int Latest => Migrations.Length;

    /// <summary>Brings the file to <paramref name="target"/> (the latest by default); returns the version it had.</summary>
    /// <remarks>
    /// Each step reads the version inside its write transaction: processes that open a new file at once take turns,
    /// and the second finds the first's tables instead of creating them again ("table answers already exists").
    /// </remarks>
    public static int Migrate(SqliteConnection connection, int? target = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var goal = target ?? Latest;
        var from = Version(connection, null);
        if (from >= goal)
        {
            return from;
        }

        while (true)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            var version = Version(connection, transaction);
            if (version >= goal)
            {
                return from;
            }

            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = Migrations[version] + $"\nPRAGMA user_version = {version + 1};";
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    /// <summary>The file's schema version (0 for a new file).</summary>
    public static int Version(SqliteConnection connection, SqliteTransaction? transaction)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
