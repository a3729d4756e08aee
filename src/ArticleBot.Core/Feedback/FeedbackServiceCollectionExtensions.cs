using ArticleBot.Core.Feedback;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers readers' ratings of answers.</summary>
public static class FeedbackServiceCollectionExtensions
{
    /// <summary>
    /// Adds the ratings store. Binds:
    /// <code>
    /// "Feedback": { "DatabasePath": "", "BusyTimeoutSeconds": 10 }
    /// </code>
    /// The file is <c>feedback.db</c> under <c>Corpus:CachePath</c> unless <c>Feedback:DatabasePath</c> says otherwise.
    /// </summary>
    public static IHostApplicationBuilder AddArticleFeedback(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSettings<FeedbackOptions>(FeedbackOptions.SectionName);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<FeedbackStore>();
        return builder;
    }
}
