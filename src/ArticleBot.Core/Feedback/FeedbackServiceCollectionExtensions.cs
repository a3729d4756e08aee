using ArticleBot.Core.Feedback;
using ArticleBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers readers' ratings of answers.</summary>
public static class FeedbackServiceCollectionExtensions
{
    /// <summary>
    /// Adds the ratings store. Binds:
    /// <code>
    /// "Feedback": { "DatabasePath": "", "BusyTimeoutSeconds": 10 },
    /// "Storage": { "Provider": "Sqlite", "ConnectionString": "", "QueueCapacity": 10000, "MaxRetryDelaySeconds": 30 }
    /// </code>
    /// The store is the SQLite file <c>feedback.db</c> under <c>Corpus:CachePath</c> unless <c>Feedback:DatabasePath</c>
    /// says otherwise, or whatever <see cref="IFeedbackStore"/> was registered before (the PostgreSQL store, when
    /// <c>Storage:Provider</c> is <c>Postgres</c>).
    /// </summary>
    public static IHostApplicationBuilder AddArticleFeedback(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSettings<FeedbackOptions>(FeedbackOptions.SectionName);
        builder.Services.AddSettings<StorageOptions>(StorageOptions.SectionName);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<SqliteFeedbackStore>();
        builder.Services.TryAddSingleton<IFeedbackStore>(services => services.GetRequiredService<SqliteFeedbackStore>());
        return builder;
    }
}
