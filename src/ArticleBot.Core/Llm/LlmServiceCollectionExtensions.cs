using ArticleBot.Core.Llm;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers the language-model provider: its settings, its resilient HTTP client and the chat client factory.</summary>
public static class LlmServiceCollectionExtensions
{
    /// <summary>
    /// Adds the provider named by <c>Llm:Provider</c> (nothing is contacted with <c>None</c>). Binds:
    /// <code>
    /// "Llm": { "Provider": "None", "Model": "", "Endpoint": "", "TimeoutSeconds": 60, "Temperature": 0.2 }
    /// </code>
    /// </summary>
    public static IHostApplicationBuilder AddLanguageModel(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSettings<LlmOptions>(LlmOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>());
        services.TryAddSingleton<LlmChatClientFactory>();
        if (!ModelConfigured(builder.Configuration))
        {
            // Offline (the default): no HTTP pipeline for a model, so nothing of it is built or validated at start.
            return builder;
        }

        services.AddHttpClient(LlmChatClientFactory.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler()
            .Configure((resilience, sp) =>
            {
                // One budget for the whole request, retries included; Retry-After is honoured (the default).
                var timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<LlmOptions>>().Value.TimeoutSeconds);
                resilience.TotalRequestTimeout.Timeout = timeout;
                resilience.AttemptTimeout.Timeout = timeout;
                resilience.CircuitBreaker.SamplingDuration = (timeout * 2) + TimeSpan.FromSeconds(1);
                resilience.Retry.MaxRetryAttempts = 3;
                resilience.Retry.Delay = TimeSpan.FromSeconds(1);
                resilience.Retry.ShouldHandle = args => ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome) && !NoServerThere(args.Outcome.Exception));
            });
        return builder;
    }

    /// <summary>
    /// A refused connection or a host name that does not resolve: no server is there to answer a retry (a local model
    /// server not started, a typo in <c>Llm:Endpoint</c>), so the answer falls back at once instead of after 1 + 2 + 4 s
    /// of backoff on every question. A connection dropped mid-reply, a timeout, 429 and 5xx are still retried.
    /// </summary>
    private static bool NoServerThere(Exception? exception) =>
        exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };

    /// <summary>True when <c>Llm:Provider</c> names a model (anything but empty or <c>None</c>; a bad name fails validation at start).</summary>
    private static bool ModelConfigured(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        configuration[$"{LlmOptions.SectionName}:{nameof(LlmOptions.Provider)}"] is { } provider
        && !string.IsNullOrWhiteSpace(provider)
        && !string.Equals(provider.Trim(), nameof(LlmProvider.None), StringComparison.OrdinalIgnoreCase);
}
