using ArticleBot.Core.Feedback;
using ArticleBot.Core.Storage;
using ArticleBot.Postgres;
using ArticleBot.Postgres.Articles;
using ArticleBot.Postgres.Feedback;
using ArticleBot.Core.Corpus;
using ArticleBot.Core.Search;
using ArticleBot.Ingest.Storage;
using Microsoft.Extensions.Logging;
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
        var services = AddStorageSettings(builder.Services);
        services.TryAddSingleton<PostgresFeedbackStore>();
        services.Replace(ServiceDescriptor.Singleton<IFeedbackStore>(s => s.GetRequiredService<PostgresFeedbackStore>()));
        services.AddHostedService<PostgresFeedbackService>();
        return builder;
    }

    /// <summary>
    /// Keeps imported articles in the PostgreSQL database of <c>Storage:ConnectionString</c>, for every process on
    /// every machine; each process copies them into its seeds folder (<c>imported/</c>, <c>guilds/{id}/imported/</c>),
    /// which its index reads as before. Call after <c>AddArticleImport</c>. On start the copy is brought up to date
    /// (a wrong password or a missing database stop the start: exit 2; a database that is down does not); a process
    /// that watches its seeds (<c>AddSeedsWatcher</c>) also listens for changes and copies them as they come.
    /// </summary>
    public static IHostApplicationBuilder AddPostgresArticles(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = AddStorageSettings(builder.Services);
        services.TryAddSingleton<PostgresArticleDatabase>();
        services.TryAddSingleton(s => new ImportedArticleMirror(s.GetRequiredService<PostgresArticleDatabase>(), s.GetRequiredService<ArticleStore>()));
        services.Replace(ServiceDescriptor.Singleton<IArticleStore>(s =>
            new PostgresArticleStore(s.GetRequiredService<PostgresArticleDatabase>(), s.GetRequiredService<ArticleStore>(), s.GetRequiredService<ImportedArticleMirror>())));
        services.AddHostedService(s => new PostgresArticleFeed(
            s.GetRequiredService<PostgresArticleDatabase>(), s.GetRequiredService<ImportedArticleMirror>(), s.GetRequiredService<IOptions<StorageOptions>>(),
            s.GetRequiredService<TimeProvider>(), s.GetRequiredService<ILogger<PostgresArticleFeed>>(),
            follow: s.GetService<SeedsWatcher>() is not null && s.GetRequiredService<IOptions<CorpusOptions>>().Value.WatchSeeds));
        return builder;
    }

    /// <summary>What both stores need: <c>Storage</c> settings with the connection string checked on start, and a clock.</summary>
    private static IServiceCollection AddStorageSettings(IServiceCollection services)
    {
        services.AddSettings<StorageOptions>(StorageOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, PostgresConnectionStringValidator>());
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
