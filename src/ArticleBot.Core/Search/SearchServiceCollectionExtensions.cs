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
        return builder;
    }

    private static ArticleSearch Create(CorpusLoader loader, IServiceProvider services)
    {
        var cacheDirectory = loader.CacheDirectory();
        var lexiconCache = new LexiconCache(cacheDirectory, services.GetRequiredService<ILogger<LexiconCache>>());
        return new ArticleSearch(
            services.GetRequiredService<ArticleCorpus>(), services.GetRequiredService<ScriptFolding>(), services.GetService<ILogger<ArticleSearch>>(), lexiconCache, cacheDirectory);
    }
}
