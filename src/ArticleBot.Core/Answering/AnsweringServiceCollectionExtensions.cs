using ArticleBot.Core.Answering;
using ArticleBot.Core.Reading;
using ArticleBot.Core.Reading.Models;
using ArticleBot.Core.Search;
using ArticleBot.Core.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers answering: the offline answerer, the model backend (if any) and the <see cref="ArticleAnswerer"/>.</summary>
public static partial class AnsweringServiceCollectionExtensions
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
            // The reader's models: built in, or retrained ones from Retrieval:ModelsPath; a damaged file falls back, with a warning.
            var retrieval = sp.GetRequiredService<IOptions<RetrievalOptions>>().Value;
            var models = string.IsNullOrWhiteSpace(retrieval.ModelsPath)
                ? ReadingModels.Shipped
                : ReadingModels.Load(ContentPath(sp, retrieval.ModelsPath));
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("ArticleBot.Answering");
            foreach (var problem in models.Problems)
            {
                Log.ModelProblem(logger, problem);
            }

            return models;
        });
        services.TryAddSingleton(sp =>
        {
            // The answer gate: the reader's gate at the configured target precision (Retrieval:TargetPrecision).
            var retrieval = sp.GetRequiredService<IOptions<RetrievalOptions>>().Value;
            var search = sp.GetRequiredService<ArticleSearch>();
            var reader = new ArticleReader(search, sp.GetRequiredService<ReadingModels>());
            var gate = new ArticleBot.Core.Answering.Gate.AnswerGate(reader.Models.Gate, retrieval.TargetPrecision);
            return new ExtractiveComposer(search, sp.GetRequiredService<ScriptFolding>(), retrieval.MinCoverage, reader, gate);
        });
        services.TryAddSingleton(sp => new KindComposer(
            sp.GetRequiredService<ExtractiveComposer>(), sp.GetRequiredService<ArticleSearch>(), sp.GetRequiredService<ScriptFolding>(),
            sp.GetRequiredService<ArticleBot.Core.ArticleTools.ArticleOutline>(), sp.GetRequiredService<ArticleBot.Core.ArticleTools.ArticleSummarizer>(),
            sp.GetRequiredService<ArticleBot.Core.ArticleTools.EntityFinder>(), sp.GetRequiredService<ArticleBot.Core.ArticleTools.ArticleFigures>(),
            sp.GetRequiredService<ArticleBot.Core.Claims.ClaimVerifier>(), sp.GetRequiredService<ArticleBot.Core.ArticleTools.EnglishFacts>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.SemanticKernel.IAutoFunctionInvocationFilter, ToolCapFilter>());
        services.AddHttpClient(ArticleBot.Core.Llm.LlmChatClientFactory.HttpClientName).AddHttpMessageHandler(() => new ModelStatusHandler());
        services.TryAddSingleton<AnswerBackendFactory>();
        services.TryAddSingleton(sp => sp.GetRequiredService<AnswerBackendFactory>().Create());

        // Prompt functions (and anything else asking the kernel for a chat client) use the answering backend.
        services.TryAddSingleton<IChatClient>(sp => sp.GetRequiredService<AnswerBackends>().Primary);
        services.TryAddSingleton<ArticleAnswerer>();
        return builder;
    }

    /// <summary>A configured path, relative to the content root (where appsettings.json is) when not rooted.</summary>
    private static string ContentPath(IServiceProvider services, string path) =>
        Path.IsPathRooted(path) ? path : Path.Combine(services.GetRequiredService<IHostEnvironment>().ContentRootPath, path);

    private static partial class Log
    {
        [LoggerMessage(EventId = 3101, EventName = "ReaderModelProblem", Level = LogLevel.Warning, Message = "{Problem}")]
        public static partial void ModelProblem(ILogger logger, string problem);
    }
}
