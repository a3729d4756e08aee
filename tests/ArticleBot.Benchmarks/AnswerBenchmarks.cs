using System.Text.Json;
using ArticleBot.Core.Answering;
using ArticleBot.Core.Citations;
using ArticleBot.Core.Corpus;
using ArticleBot.Core.Llm;
using ArticleBot.Core.Search;
using ArticleBot.Core.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Kernel = Microsoft.SemanticKernel.Kernel;


namespace ArticleBot.Benchmarks;

/// <summary>
/// Warm answering inside one process over the shipped article: the offline answerer, retrieval alone, chunking,
/// and the time the model pipeline (kernel, filters, citation resolution) adds on top of an instant model.
/// </summary>
[MemoryDiagnoser]
public class AnswerBenchmarks
{
    private static readonly string[] Questions =
    [
        "OpenAI的廣告業務每年可能帶來多少收入？",
        "腾讯春节活动要分多少现金红包？",
        "How many weekly active users does ChatGPT have?",
        "明天台北的天氣如何？",
    ];

    private IHost _host = null!;
    private ArticleAnswerer _offline = null!;
    private ArticleAnswerer _instantModel = null!;
    private InstantModel _rawModel = null!;
    private ArticleSearch _search = null!;
    private string _seed = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Corpus:CachePath"] = string.Empty });
        builder.Logging.ClearProviders();
        builder.AddArticleBotCore();
        _host = builder.Build();
        var services = _host.Services;
        _offline = services.GetRequiredService<ArticleAnswerer>();
        _search = services.GetRequiredService<ArticleSearch>();
        _seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "ai-race-2026.txt"));

        // The same answerer, with an in-process model that answers instantly: what remains is the pipeline.
        _rawModel = new InstantModel();
        var backends = services.GetRequiredService<AnswerBackends>();
        var model = Microsoft.SemanticKernel.KernelFunctionInvokingChatClientBuilderExtensions.UseKernelFunctionInvocation(_rawModel.AsBuilder(), services.GetService<ILoggerFactory>()).Build(services);
        _instantModel = new ArticleAnswerer(
            services.GetRequiredService<ArticleBot.Core.Plugins.IKernelSource>(),
            backends with { Model = model, ModelName = "instant" },
            services.GetRequiredService<CitationResolver>(),
            services.GetRequiredService<ScriptFolding>(),
            services.GetRequiredService<IOptions<AnsweringOptions>>(),
            services.GetRequiredService<IOptions<LlmOptions>>(),
            services.GetRequiredService<ILogger<ArticleAnswerer>>());
        _ = _search.Lexicon.Value;
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    private string NextQuestion() => Questions[_next++ % Questions.Length];

    [Benchmark(Description = "offline answer (warm)")]
    public Task<ArticleAnswer> OfflineAnswer() => _offline.AskAsync(NextQuestion());

    [Benchmark(Description = "retrieval only (top 5)")]
    public int Retrieval() => _search.Search(NextQuestion(), 5).Count;

    [Benchmark(Description = "chunk the article")]
    public int Chunk() => new PassageChunker(240, 1).Chunk("a", "seeds/a.txt", _seed).Count;

    [Benchmark(Description = "instant model, raw: two calls")]
    public async Task<string> InstantModelRaw()
    {
        var question = NextQuestion();
        List<ChatMessage> messages = [new(ChatRole.User, question)];
        var call = await _rawModel.GetResponseAsync(messages);
        messages.AddRange(call.Messages);
        messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent("call_1", "{}")]));
        return (await _rawModel.GetResponseAsync(messages)).Text;
    }

    [Benchmark(Description = "instant model through the pipeline")]
    public Task<ArticleAnswer> InstantModelPipeline() => _instantModel.AskAsync(NextQuestion());

    /// <summary>A model with no latency: a search tool call, then an answer citing [1].</summary>
    private sealed class InstantModel : IChatClient
    {
        private static readonly ChatClientMetadata s_metadata = new("instant", defaultModelId: "instant");

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var list = messages as IList<ChatMessage> ?? messages.ToList();
            if (list[^1].Role == ChatRole.Tool)
            {
                return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "The article says so [1].")));
            }

            var question = list.Last(m => m.Role == ChatRole.User).Text;
            var call = new FunctionCallContent("call_1", "article_search", new Dictionary<string, object?> { ["query"] = question });
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, [call])));
        }

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var update in (await GetResponseAsync(messages, options, cancellationToken)).ToChatResponseUpdates())
            {
                yield return update;
            }
        }

        public object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceType == typeof(ChatClientMetadata) ? s_metadata : null;

        public void Dispose()
        {
        }
    }
}
