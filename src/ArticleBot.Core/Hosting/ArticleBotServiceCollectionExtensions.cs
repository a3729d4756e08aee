using System.Diagnostics;
using ArticleBot.Abstractions;
using ArticleBot.Core.Answering;
using ArticleBot.Core.Corpus;
using ArticleBot.Core.Search;
using ArticleBot.Core.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
    /// "Retrieval": { "TopK": 5, "MinCoverage": 0.5 }
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
            var cache = new LexiconCache(
                string.IsNullOrWhiteSpace(cachePath) ? null : Path.GetFullPath(cachePath, contentRoot),
                sp.GetRequiredService<ILogger<LexiconCache>>());
            return new ArticleSearch(sp.GetRequiredService<ArticleCorpus>(), sp.GetRequiredService<ScriptFolder>(), sp.GetService<ILogger<ArticleSearch>>(), cache);
        });
        services.TryAddSingleton<IArticleSearch>(sp => sp.GetRequiredService<ArticleSearch>());
        services.TryAddSingleton<CitationResolver>();
        services.TryAddSingleton(sp => new ExtractiveComposer(
            sp.GetRequiredService<ArticleSearch>(), sp.GetRequiredService<ScriptFolder>(), sp.GetRequiredService<IOptions<RetrievalOptions>>().Value.MinCoverage));

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFunctionInvocationFilter, CitationFilter>());
        services.TryAddSingleton<ArticlePlugin>();
        services.TryAddSingleton(sp =>
        {
            var plugins = new KernelPluginCollection();
            plugins.Add(KernelPluginFactory.CreateFromObject(sp.GetRequiredService<ArticlePlugin>(), ArticlePlugin.PluginName));
            return new Kernel(sp, plugins);
        });
        services.TryAddSingleton<IChatClient>(sp =>
            new ExtractiveChatClient(sp.GetRequiredService<ExtractiveComposer>(), sp.GetRequiredService<IArticleSearch>())
                .AsBuilder()
                .UseKernelFunctionInvocation(sp.GetService<ILoggerFactory>())
                .Build(sp));
        services.TryAddSingleton<ArticleAnswerer>();
        return builder;
    }
}
