using Npgsql;

namespace ArticleBot.Postgres;

/// <summary>
/// Runs one store's ordered migrations (the ratings', the imported articles'): under a transaction-scoped advisory lock
/// of that store's own, so processes that start together on a new database take turns and the later ones find the
/// tables made; a one-row table records how many have run.
/// </summary>
internal static class PostgresMigrations
{
    /// <summary>
    /// Brings the store's tables from the version its <paramref name="versionTable"/> records (0 when none) to
    /// <paramref name="goal"/> in one transaction; returns the version it had. <paramref name="refuseNewer"/>, when
    /// given, is the error for tables newer than this version of ArticleBot writes (the transaction is rolled back).
    /// </summary>
    public static int Run(NpgsqlConnection connection, long lockId, string versionTable, IReadOnlyList<string> migrations, int goal, Func<int, Exception>? refuseNewer = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var transaction = connection.BeginTransaction();
        Execute(connection, $"SELECT pg_advisory_xact_lock({lockId}); CREATE TABLE IF NOT EXISTS {versionTable} (version integer NOT NULL);");
        int from;
        using (var version = new NpgsqlCommand($"SELECT COALESCE(MAX(version), 0) FROM {versionTable};", connection))
        {
            from = (int)version.ExecuteScalar()!;
        }

        if (from > migrations.Count && refuseNewer is not null)
        {
            throw refuseNewer(from);
        }

        for (var v = from; v < goal; v++)
        {
            Execute(connection, migrations[v]);
        }

        if (from < goal)
        {
            Execute(connection, $"DELETE FROM {versionTable}; INSERT INTO {versionTable} (version) VALUES ({goal});");
        }

        transaction.Commit();
        return from;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
