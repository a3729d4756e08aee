using ArticleBot.Core.Citations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.SemanticKernel;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers citations: passage numbering in every tool result, and the resolver that verifies quotes.</summary>
public static class CitationServiceCollectionExtensions
{
    /// <summary>Adds the <see cref="CitationFilter"/> (as a kernel function filter) and the <see cref="CitationResolver"/>.</summary>
    public static IHostApplicationBuilder AddArticleCitations(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IFunctionInvocationFilter, CitationFilter>());
        builder.Services.TryAddSingleton(sp => new CitationResolver(sp.GetRequiredService<ArticleBot.Core.Search.ArticleSearch>()));
        return builder;
    }
}
