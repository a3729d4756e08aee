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
    public static int Migrate(SqliteConnection connection, int? target = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"), System.Globalization.CultureInfo.InvariantCulture);
        var from = version;
        for (; version < (target ?? Latest); version++)
        {
            using var transaction = connection.BeginTransaction();
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = Migrations[version] + $"\nPRAGMA user_version = {version + 1};";
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        return from;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
