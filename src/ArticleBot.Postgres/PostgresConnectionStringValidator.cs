using ArticleBot.Core.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ArticleBot.Postgres;

/// <summary>
/// <c>Storage:ConnectionString</c> must be one Npgsql reads and must name a server. The messages name the setting and
/// the keyword at fault, never the value (it holds the password).
/// </summary>
public sealed class PostgresConnectionStringValidator : IValidateOptions<StorageOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider != StorageProvider.Postgres || string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Success; // StorageOptionsValidator reports a missing one
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            // Npgsql's messages name the keyword ("Keyword not supported: 'passwrd'"), not the value (a test holds it to that).
            return ValidateOptionsResult.Fail($"Storage:ConnectionString is not a PostgreSQL connection string ({ex.Message}); it is Npgsql's Host=…;Port=…;Database=…;Username=…;Password=…");
        }

        return string.IsNullOrWhiteSpace(builder.Host)
            ? ValidateOptionsResult.Fail("Storage:ConnectionString has no Host= (a server name, an address, or a folder holding the server's Unix socket).")
            : ValidateOptionsResult.Success;
    }
}
