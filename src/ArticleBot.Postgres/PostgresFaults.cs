using Npgsql;

namespace ArticleBot.Postgres;

/// <summary>
/// What a failed call to the database means, for every PostgreSQL store: a database out of reach (worth waiting
/// for), or a configuration the operator must fix (named by its setting, never showing its value).
/// </summary>
internal static class PostgresFaults
{
    /// <summary>Down, restarting or unreachable: worth waiting for (Npgsql's transient errors, and the server going away).</summary>
    public static bool IsOutOfReach(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.IsTransient || postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal),
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is IOException or System.Net.Sockets.SocketException or TimeoutException,
        _ => false,
    };

    /// <summary>What the operator must fix, naming the setting (never showing its value), or null when it is something else.</summary>
    public static string? ConfigurationProblem(Exception exception, string location) => exception switch
    {
        PostgresException { SqlState: "28P01" or "28000" } login =>
            $"Storage:ConnectionString: {location} refused the login ({login.MessageText}); check the user and password in Storage:ConnectionString",
        PostgresException { SqlState: "3D000" } missing =>
            $"Storage:ConnectionString names a database that does not exist on the server ({missing.MessageText}); create it (createdb) or fix Database= in Storage:ConnectionString ({location})",
        NpgsqlException { InnerException: null } npgsql when !npgsql.IsTransient && exception is not PostgresException =>
            $"Storage:ConnectionString: cannot log in to {location}: {npgsql.Message}",
        _ => null,
    };
}
