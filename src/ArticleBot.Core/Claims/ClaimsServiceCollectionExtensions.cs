using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ArticleBot.Core.Claims;

/// <summary>Registers the claim verifier and what it reads with.</summary>
public static class ClaimsServiceCollectionExtensions
{
    /// <summary>Adds the claim lexicon, the fact table (read once per corpus, on first use), the claim reader and the verifier.</summary>
    public static IServiceCollection AddClaims(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(ClaimLexicon.Shipped);
        services.TryAddSingleton<FactTable>();
        services.TryAddSingleton(_ => new WordGlosses());
        services.TryAddSingleton<ClaimGapJudge>();
        services.TryAddSingleton<ClaimReader>();
        services.TryAddSingleton<ClaimVerifier>();
        return services;
    }
}
