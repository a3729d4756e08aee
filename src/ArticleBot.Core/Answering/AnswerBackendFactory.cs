using ArticleBot.Abstractions;
using ArticleBot.Core.Llm;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace ArticleBot.Core.Answering;

/// <summary>
/// Builds the <see cref="AnswerBackends"/>: the offline answerer always, and the model named by <c>Llm:Provider</c>
/// when there is one. Each chat client is wrapped in Semantic Kernel's function invocation (whose loop the
/// <see cref="ToolCapFilter"/> ends at <see cref="AnsweringOptions.MaxToolCallsPerTurn"/>), and traced with Microsoft.Extensions.AI's OpenTelemetry client (one span per model request).
/// </summary>
public sealed class AnswerBackendFactory(
    ExtractiveComposer composer,
    IArticleSearch search,
    ArticleBot.Core.ArticleTools.ArticleToolset tools,
    KindComposer kinds,
    ArticleBot.Core.Text.ScriptFolding folding,
    LlmChatClientFactory models,
    IOptions<LlmOptions> llmOptions,
    IServiceProvider services,
    ILoggerFactory? loggers = null)
{
    /// <summary>The source name of the model-call spans (Microsoft.Extensions.AI's default).</summary>
    public const string ChatTelemetrySourceName = "Experimental.Microsoft.Extensions.AI";

    /// <summary>Creates the backends.</summary>
    public AnswerBackends Create()
    {
        var extractive = WithFunctions(new ExtractiveChatClient(composer, search, tools, kinds, folding));
        var llm = llmOptions.Value;
        return llm.ParsedProvider == LlmProvider.None
            ? new AnswerBackends(extractive, null, null)
            : new AnswerBackends(extractive, WithFunctions(models.Create()), LlmChatClientFactory.BackendName(llm));
    }

    private IChatClient WithFunctions(IChatClient inner)
    {
        // The function invoker is outermost, so each request it makes to the model is its own span. The telemetry
        // client gets no logger: a failed request is on its span, and the answerer logs the fallback once.
        var client = inner.AsBuilder()
            .UseKernelFunctionInvocation(loggers)
            .UseOpenTelemetry(NullLoggerFactory.Instance, ChatTelemetrySourceName)
            .Build(services);
        if (client.GetService<FunctionInvokingChatClient>() is { } invoker)
        {
            invoker.MaximumConsecutiveErrorsPerRequest = 2;
        }

        return client;
    }
}
