using ArticleBot.Core.Storage;
using ArticleBot.Postgres;

namespace ArticleBot.Discord.Tests.Storage;

/// <summary>
/// The checks on <c>Storage:ConnectionString</c> that the shards' shared database needs, in process: each message names
/// the setting and what is wrong, never the value (it holds the password). The end-to-end test
/// (StorageSettingsTests) runs one of them through the executable: exit code 2, one line, no secret.
/// </summary>
public sealed class ConnectionStringValidationTests
{
    private const string Secret = "s3cret-Vb82-never-logged";

    [Theory]
    [InlineData("Host=127.0.0.1;Passwrd=" + Secret, "Storage:ConnectionString is not a PostgreSQL connection string")]
    [InlineData("Host=127.0.0.1;Port=fifty;Password=" + Secret, "Storage:ConnectionString is not a PostgreSQL connection string")]
    [InlineData("Database=articlebot;Password=" + Secret, "Storage:ConnectionString has no Host=")]
    public void BadConnectionString_FailsNamingTheSetting_NeverItsValue(string connectionString, string expected)
    {
        var result = new PostgresConnectionStringValidator().Validate(null, new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = connectionString });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void MissingConnectionString_WithPostgres_FailsSayingWhereToSetIt(string connectionString)
    {
        var options = new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = connectionString };

        var result = new StorageOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Storage:ConnectionString is missing", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(new PostgresConnectionStringValidator().Validate(null, options).Succeeded); // reported once, not twice
    }

    [Fact]
    public void GoodConnectionString_Passes()
    {
        var options = new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = "Host=127.0.0.1;Port=5432;Database=articlebot;Username=bot;Password=" + Secret };

        Assert.True(new StorageOptionsValidator().Validate(null, options).Succeeded);
        Assert.True(new PostgresConnectionStringValidator().Validate(null, options).Succeeded);
    }
}
