using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ArticleBot.Core.ArticleTools;

/// <summary>The article tools' services, as the article plugin and the offline answerer share them.</summary>
public sealed class ArticleToolset(
    ArticleOutline outline,
    ArticleSummarizer summarizer,
    EntityFinder entities,
    ArticleFigures figures,
    EnglishFacts english,
    FollowUpResolver followUps)
{
    /// <summary>Sections with headings and first lines.</summary>
    public ArticleOutline Outline => outline;

    /// <summary>Extractive summaries.</summary>
    public ArticleSummarizer Summarizer => summarizer;

    /// <summary>People, organisations, products and places.</summary>
    public EntityFinder Entities => entities;

    /// <summary>Amounts, percentages and dates.</summary>
    public ArticleFigures Figures => figures;

    /// <summary>English renderings of names and figures.</summary>
    public EnglishFacts English => english;

    /// <summary>Follow-up questions made whole.</summary>
    public FollowUpResolver FollowUps => followUps;
}

/// <summary>Registers the article tools.</summary>
public static class ArticleToolsServiceCollectionExtensions
{
    /// <summary>Adds the article tools' services (singletons: each computes its findings once per corpus).</summary>
    public static IServiceCollection AddArticleTools(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ArticleOutline>();
        services.TryAddSingleton<ArticleSummarizer>();
        services.TryAddSingleton<EntityFinder>();
        services.TryAddSingleton<ArticleFigures>();
        services.TryAddSingleton<EnglishFacts>();
        services.TryAddSingleton<FollowUpResolver>();
        services.TryAddSingleton<ArticleToolset>();
        return services;
    }
}
