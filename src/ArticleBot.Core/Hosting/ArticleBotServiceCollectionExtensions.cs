using System.Diagnostics;
using ArticleBot.Abstractions;
using ArticleBot.Core.Answering;
using ArticleBot.Core.Corpus;
using ArticleBot.Core.Llm;
using ArticleBot.Core.Plugins;
using ArticleBot.Core.Search;
using ArticleBot.Core.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers the article bot's core: corpus, index, kernel with the article plugin, and the offline answerer.</summary>
public static class ArticleBotServiceCollectionExtensions
{
    /// <summary>
    /// Adds the core services. Binds these sections of configuration:
    /// <code>
    /// "Corpus":    { "SeedsPath": "seeds", "PassageTargetChars": 240, "PassageOverlapSentences": 1, "CachePath": ".cache" },
    /// "Retrieval": { "TopK": 5, "MinCoverage": 0.5 },
    /// "Llm":       { "Provider": "None", "Model": "", "Endpoint": "", "TimeoutSeconds": 60, "MaxToolCallsPerTurn": 4 },
    /// "Plugins":   { "Directories": [], "CallTimeoutSeconds": 10, "WatchForChanges": true }
    /// </code>
    /// The corpus is loaded and indexed on first use; a missing or empty seeds folder then throws
    /// <see cref="CorpusConfigurationException"/>.
    /// </summary>
    public static IHostApplicationBuilder AddArticleBotCore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<CorpusOptions>().BindConfiguration(CorpusOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RetrievalOptions>().BindConfiguration(RetrievalOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>());

        var contentRoot = builder.Environment.ContentRootPath;
        services.TryAddSingleton(_ => ScriptFolder.Default);
        services.TryAddSingleton<SeedLoader>();
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<CorpusOptions>>().Value;
            var started = Stopwatch.GetTimestamp();
            var seeds = Path.GetFullPath(options.SeedsPath, contentRoot);
            var documents = sp.GetRequiredService<SeedLoader>().Load(seeds, contentRoot);
            var corpus = new ArticleCorpus(documents, new PassageChunker(options.PassageTargetChars, options.PassageOverlapSentences));
            var elapsedMs = ArticleBot.Core.Hosting.Log.Since(started);
            var logger = sp.GetRequiredService<ILogger<ArticleCorpus>>();
            ArticleBot.Core.Hosting.Log.CorpusLoaded(logger, documents.Count, seeds, corpus.Passages.Count, elapsedMs);
            return corpus;
        });
        services.TryAddSingleton(sp =>
        {
            var cachePath = sp.GetRequiredService<IOptions<CorpusOptions>>().Value.CachePath;
            var cacheDirectory = string.IsNullOrWhiteSpace(cachePath) ? null : Path.GetFullPath(cachePath, contentRoot);
            var cache = new LexiconCache(cacheDirectory, sp.GetRequiredService<ILogger<LexiconCache>>());
            return new ArticleSearch(sp.GetRequiredService<ArticleCorpus>(), sp.GetRequiredService<ScriptFolder>(), sp.GetService<ILogger<ArticleSearch>>(), cache, cacheDirectory);
        });
        services.TryAddSingleton<IArticleSearch>(sp => sp.GetRequiredService<ArticleSearch>());
        services.TryAddSingleton<CitationResolver>();
        services.TryAddSingleton(sp => new ExtractiveComposer(
            sp.GetRequiredService<ArticleSearch>(), sp.GetRequiredService<ScriptFolder>(), sp.GetRequiredService<IOptions<RetrievalOptions>>().Value.MinCoverage));

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFunctionInvocationFilter, CitationFilter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAutoFunctionInvocationFilter, ToolCallLimitFilter>());
        services.TryAddSingleton<ArticlePlugin>();
        services.AddOptions<PluginOptions>().BindConfiguration(PluginOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFunctionInvocationFilter, PluginGuardFilter>());
        services.AddMcpPlugins();
        services.TryAddSingleton<PluginCatalog>();
        services.TryAddSingleton<PluginInvoker>();

        // The kernel is the catalog's current snapshot: it changes when plugins are reloaded.
        services.TryAddTransient(sp => sp.GetRequiredService<PluginCatalog>().Kernel);
        AddAnswerBackends(services);
        services.TryAddSingleton<ArticleAnswerer>();
        return builder;
    }

    /// <summary>Adds hot reload of plugins (for long-running hosts: the chat and Discord).</summary>
    public static IHostApplicationBuilder AddPluginWatcher(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHostedService<PluginWatcher>();
        return builder;
    }

    /// <summary>
    /// The offline answerer always; the model named by <c>Llm:Provider</c> when there is one. Each chat client is
    /// wrapped in Semantic Kernel's function invocation, capped at <see cref="LlmOptions.MaxToolCallsPerTurn"/>.
    /// </summary>
    private static void AddAnswerBackends(IServiceCollection services)
    {
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
            });
        services.TryAddSingleton<LlmChatClientFactory>();
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LlmOptions>>().Value;
            var loggers = sp.GetService<ILoggerFactory>();
            IChatClient WithFunctions(IChatClient inner)
            {
                var client = inner.AsBuilder().UseKernelFunctionInvocation(loggers).Build(sp);
                if (client.GetService<FunctionInvokingChatClient>() is { } invoker)
                {
                    invoker.MaximumIterationsPerRequest = options.MaxToolCallsPerTurn;
                    invoker.MaximumConsecutiveErrorsPerRequest = 2;
                }

                return client;
            }

            var extractive = WithFunctions(new ExtractiveChatClient(sp.GetRequiredService<ExtractiveComposer>(), sp.GetRequiredService<IArticleSearch>()));
            return options.ParsedProvider == LlmProvider.None
                ? new AnswerBackends(extractive, null, null)
                : new AnswerBackends(extractive, WithFunctions(sp.GetRequiredService<LlmChatClientFactory>().Create()), LlmChatClientFactory.BackendName(options));
        });

        // Prompt functions (and anything else asking the kernel for a chat client) use the answering backend.
        services.TryAddSingleton<IChatClient>(sp => sp.GetRequiredService<AnswerBackends>().Primary);
    }
}
