using ArticleBot.Core.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArticleBot.Core.Claims;

/// <summary>Registers the claim verifier and what it reads with.</summary>
public static partial class ClaimsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the claim lexicon, the fact table (read once per corpus, on first use), the claim reader, the learned support
    /// and slot refutation models (built in, or retrained ones from <c>Retrieval:ModelsPath</c>; a damaged file falls
    /// back to the hand-set rule, or to no refutation by slot, with a warning) and the verifier.
    /// </summary>
    public static IServiceCollection AddClaims(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(_ => ClaimLexicon.Shipped);
        services.TryAddSingleton<FactTable>();
        services.TryAddSingleton(_ => new WordGlosses());
        services.TryAddSingleton<ClaimGapJudge>();
        services.TryAddSingleton<ClaimReader>();
        services.TryAddSingleton(sp => Loaded(sp, ClaimSupport.Shipped, ClaimSupport.Load, s => s.Problem));
        services.TryAddSingleton(sp => Loaded(sp, SlotRefutation.Shipped, SlotRefutation.Load, s => s.Problem));
        services.TryAddSingleton<ClaimVerifier>();
        return services;
    }

    /// <summary>A claim model: the built-in one, or a retrained one from <c>Retrieval:ModelsPath</c>; its problem, if any, logged.</summary>
    private static T Loaded<T>(IServiceProvider sp, T shipped, Func<string, T> load, Func<T, string?> problemOf)
    {
        var folder = sp.GetService<IOptions<RetrievalOptions>>()?.Value.ModelsPath;
        var model = string.IsNullOrWhiteSpace(folder) ? shipped
            : load(Path.IsPathRooted(folder) || sp.GetService<IHostEnvironment>() is not { } host ? folder : Path.Combine(host.ContentRootPath, folder));
        if (problemOf(model) is { } problem && sp.GetService<ILoggerFactory>() is { } loggers)
        {
            Log.ModelProblem(loggers.CreateLogger("ArticleBot.Claims"), problem);
        }

        return model;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3102, EventName = "ClaimModelProblem", Level = LogLevel.Warning, Message = "{Problem}")]
        public static partial void ModelProblem(ILogger logger, string problem);
    }
}
