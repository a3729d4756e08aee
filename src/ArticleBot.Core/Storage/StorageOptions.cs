using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ArticleBot.Core.Storage;

/// <summary>Which database keeps the bot's shared state (readers' ratings).</summary>
public enum StorageProvider
{
    /// <summary>An SQLite file on this machine (<c>Feedback:DatabasePath</c>): one machine, any number of processes.</summary>
    Sqlite,

    /// <summary>One PostgreSQL database (<c>Storage:ConnectionString</c>) for every process on every machine.</summary>
    Postgres,
}

/// <summary>
/// Where the bot keeps its state. Section <c>Storage</c>:
/// <code>
/// "Storage": { "Provider": "Sqlite", "ConnectionString": "", "QueueCapacity": 10000, "MaxRetryDelaySeconds": 30 }
/// </code>
/// The connection string holds a password: like <c>Discord:Token</c> it belongs in user-secrets, the environment
/// (<c>Storage__ConnectionString</c>) or a systemd credential, never in appsettings.json; it is never logged.
/// </summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Storage";

    /// <summary><see cref="StorageProvider.Sqlite"/> (the default) or <see cref="StorageProvider.Postgres"/>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The PostgreSQL connection string (Npgsql's keywords: <c>Host=…;Database=…;Username=…;Password=…</c>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// How many ratings a process keeps while the database is out of reach, to send when it is back; past that, new
    /// ratings are dropped with one warning. Ten thousand is hours of a busy server's votes in a few megabytes.
    /// </summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>The longest wait between attempts to reach a lost database (the wait doubles from half a second up to this).</summary>
    [Range(1, 600)]
    public int MaxRetryDelaySeconds { get; set; } = 30;
}

/// <summary>Postgres needs its connection string; the message says where to put it and never shows one.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(options.Provider))
        {
            return ValidateOptionsResult.Fail($"Storage:Provider must be Sqlite or Postgres (got {(int)options.Provider}).");
        }

        return options.Provider == StorageProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString)
            ? ValidateOptionsResult.Fail(
                "Storage:ConnectionString is missing, and Storage:Provider is Postgres. Set it with the environment variable Storage__ConnectionString, "
                + "`dotnet user-secrets set Storage:ConnectionString \"Host=…;Database=articlebot;Username=…;Password=…\" --project src/ArticleBot`, "
                + "or a systemd credential named Storage__ConnectionString.")
            : ValidateOptionsResult.Success;
    }
}
