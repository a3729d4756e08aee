using ArticleBot.Core.Answering;
using ArticleBot.Core.Search;
using ArticleBot.Core.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers answering: the offline answerer, the model backend (if any) and the <see cref="ArticleAnswerer"/>.</summary>
public static class AnsweringServiceCollectionExtensions
{
    /// <summary>
    /// Adds the answerer. Call after the corpus, retrieval, language model, plugins and citations. Binds (the same keys
    /// under <c>Llm</c> are still read):
    /// <code>
    /// "Answering": { "MaxQuestionChars": 4000, "MaxHistoryTurns": 6, "MaxHistoryChars": 6000, "MaxToolCallsPerTurn": 4 }
    /// </code>
    /// </summary>
    public static IHostApplicationBuilder AddArticleAnswering(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSettings<AnsweringOptions>(AnsweringOptions.SectionName, AnsweringOptions.LegacySectionName);
        services.TryAddSingleton(sp =>
        {
            // The answer gate: the shipped model at the configured target precision (Retrieval:TargetPrecision).
            var retrieval = sp.GetRequiredService<IOptions<RetrievalOptions>>().Value;
            var gate = new ArticleBot.Core.Answering.Gate.AnswerGate(ArticleBot.Core.Answering.Gate.GateModel.Shipped, retrieval.TargetPrecision);
            return new ExtractiveComposer(sp.GetRequiredService<ArticleSearch>(), sp.GetRequiredService<ScriptFolding>(), retrieval.MinCoverage, gate);
        });
        services.TryAddSingleton(sp => new KindComposer(
            sp.GetRequiredService<ExtractiveComposer>(), sp.GetRequiredService<ArticleSearch>(), sp.GetRequiredService<ScriptFolding>(),
            sp.GetRequiredService<ArticleBot.Core.ArticleTools.ArticleOutline>(), sp.GetRequiredService<ArticleBot.Core.ArticleTools.ArticleSummarizer>(),
            sp.GetRequiredService<ArticleBot.Core.ArticleTools.EntityFinder>(), sp.GetRequiredService<ArticleBot.Core.ArticleTools.ArticleFigures>(),
            sp.GetRequiredService<ArticleBot.Core.ArticleTools.ClaimVerifier>(), sp.GetRequiredService<ArticleBot.Core.ArticleTools.EnglishFacts>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.SemanticKernel.IAutoFunctionInvocationFilter, ToolCapFilter>());
        services.AddHttpClient(ArticleBot.Core.Llm.LlmChatClientFactory.HttpClientName).AddHttpMessageHandler(() => new ModelStatusHandler());
        services.TryAddSingleton<AnswerBackendFactory>();
        services.TryAddSingleton(sp => sp.GetRequiredService<AnswerBackendFactory>().Create());

        // Prompt functions (and anything else asking the kernel for a chat client) use the answering backend.
        services.TryAddSingleton<IChatClient>(sp => sp.GetRequiredService<AnswerBackends>().Primary);
        services.TryAddSingleton<ArticleAnswerer>();
        return builder;
    }
}
