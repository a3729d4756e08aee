using ArticleBot.Abstractions;
using ArticleBot.Core.Corpus;
using ArticleBot.Core.Search;
using ArticleBot.Core.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers retrieval: the Lucene index over the corpus, query analysis and coverage.</summary>
public static class SearchServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ArticleSearch"/> (also as <see cref="IArticleSearch"/>), indexed on first use and cached under
    /// <c>Corpus:CachePath</c>. Call after <c>AddArticleCorpus</c>. Binds:
    /// <code>
    /// "Retrieval": { "TopK": 5, "TargetPrecision": 0.8 }
    /// </code>
    /// </summary>
    public static IHostApplicationBuilder AddArticleRetrieval(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSettings<RetrievalOptions>(RetrievalOptions.SectionName);
        services.TryAddSingleton(sp => Create(sp.GetRequiredService<CorpusLoader>(), sp));
        services.TryAddSingleton<IArticleSearch>(sp => sp.GetRequiredService<ArticleSearch>());

        // The corpus is the search's current one (a reload of the seeds replaces it): resolve it where it is used, never keep it.
        services.TryAddTransient(sp => sp.GetRequiredService<ArticleSearch>().Corpus);
        return builder;
    }

    /// <summary>
    /// Adds the <see cref="SeedsWatcher"/>: a long-running bot (chat, Discord, MCP) re-indexes when the seeds folder
    /// changes (<c>Corpus:WatchSeeds</c>, <c>Corpus:PollSeconds</c>). Call after <see cref="AddArticleRetrieval"/>.
    /// </summary>
    public static IHostApplicationBuilder AddSeedsWatcher(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<SeedsWatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SeedsWatcher>());
        return builder;
    }

    private static ArticleSearch Create(CorpusLoader loader, IServiceProvider services)
    {
        var cacheDirectory = loader.CacheDirectory();
        var lexiconCache = new LexiconCache(cacheDirectory, services.GetRequiredService<ILogger<LexiconCache>>());
        return new ArticleSearch(
            loader.Load(), services.GetRequiredService<ScriptFolding>(), services.GetService<ILogger<ArticleSearch>>(), lexiconCache, cacheDirectory);
    }
}
