using ArticleBot.Core.Feedback;
using ArticleBot.Core.Storage;
using ArticleBot.Postgres;
using ArticleBot.Postgres.Feedback;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers PostgreSQL storage: <c>Storage:Provider</c> = <c>Postgres</c>.</summary>
public static class PostgresServiceCollectionExtensions
{
    /// <summary>
    /// Puts readers' ratings in the PostgreSQL database of <c>Storage:ConnectionString</c>, in place of the SQLite file.
    /// Binds:
    /// <code>
    /// "Storage": { "Provider": "Postgres", "ConnectionString": "Host=db.example;Database=articlebot;Username=articlebot;Password=…",
    ///              "QueueCapacity": 10000, "MaxRetryDelaySeconds": 30 }
    /// </code>
    /// Call after <c>AddArticleFeedback</c>. The connection string is checked on start, and the database connected to
    /// once: a wrong password or a missing database stop the start (exit 2); a database that is down does not.
    /// </summary>
    public static IHostApplicationBuilder AddPostgresFeedback(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSettings<StorageOptions>(StorageOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, PostgresConnectionStringValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PostgresFeedbackStore>();
        services.Replace(ServiceDescriptor.Singleton<IFeedbackStore>(s => s.GetRequiredService<PostgresFeedbackStore>()));
        services.AddHostedService<PostgresFeedbackService>();
        return builder;
    }
}
