using ArticleBot.Core.Corpus;
using ArticleBot.Core.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers the article corpus: the seed files, cut into passages with exact offsets.</summary>
public static class CorpusServiceCollectionExtensions
{
    /// <summary>
    /// Adds the corpus, loaded on first use by <see cref="CorpusLoader"/>. Binds:
    /// <code>
    /// "Corpus": { "SeedsPath": "seeds", "PassageTargetChars": 240, "PassageOverlapSentences": 1, "CachePath": ".cache" }
    /// </code>
    /// </summary>
    public static IHostApplicationBuilder AddArticleCorpus(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSettings<CorpusOptions>(CorpusOptions.SectionName);
        services.TryAddSingleton(_ => ScriptFolding.Default);
        services.TryAddSingleton<SeedLoader>();
        services.TryAddSingleton<CorpusLoader>();
        return builder;
    }
}
