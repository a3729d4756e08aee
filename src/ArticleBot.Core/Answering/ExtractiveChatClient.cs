using System.Runtime.CompilerServices;
using System.Text.Json;
using ArticleBot.Abstractions;
using ArticleBot.Core.Diagnostics;
using ArticleBot.Core.Plugins;
using Microsoft.Extensions.AI;

namespace ArticleBot.Core.Answering;

/// <summary>
/// The offline answerer, shaped like a model so it runs the same pipeline as one: on a question it calls the
/// article search tool (a <see cref="FunctionCallContent"/> that the function-invoking client executes through the
/// kernel and its filters), and on the tool's result it answers with the best sentences (<see cref="ExtractiveComposer"/>).
/// </summary>
public sealed class ExtractiveChatClient(ExtractiveComposer composer, IArticleSearch search) : IChatClient
{
    /// <summary>The backend name reported with answers.</summary>
    public const string BackendName = "extractive";

    /// <summary>The tool the client calls: the article plugin's search, as the kernel names it for chat clients.</summary>
    public const string SearchToolName = ArticlePlugin.PluginName + "_" + ArticlePlugin.SearchFunction;

    private static readonly ChatClientMetadata s_metadata = new(BackendName, defaultModelId: BackendName);
    private int _callCounter;

    /// <inheritdoc/>
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested();
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var question = list.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? string.Empty;
        var last = list.Count > 0 ? list[^1] : null;

        var results = last?.Role == ChatRole.Tool ? last.Contents.OfType<FunctionResultContent>().ToList() : [];
        if (results.Count > 0)
        {
            using var activity = ArticleBotTelemetry.Source.StartActivity("compose");
            var passages = results.SelectMany(r => ReadPassages(r.Result)).ToList();
            activity?.SetTag("articlebot.compose.passages", passages.Count);
            return Task.FromResult(Reply(composer.Compose(question, passages)));
        }

        var tool = options?.Tools?.OfType<AIFunctionDeclaration>().FirstOrDefault(t => t.Name == SearchToolName);
        if (tool is null)
        {
            // Without the search tool there is nothing to answer from: say so rather than guess.
            return Task.FromResult(Reply(composer.Compose(question, [])));
        }

        var callId = $"call_{Interlocked.Increment(ref _callCounter)}";
        var call = new FunctionCallContent(callId, tool.Name, new Dictionary<string, object?> { ["query"] = question });
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, [call])) { ModelId = BackendName, FinishReason = ChatFinishReason.ToolCalls });
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        // Semantic Kernel's prompt functions need the metadata (see docs: InvokePromptAsync throws without it).
        return serviceType == typeof(ChatClientMetadata) ? s_metadata : serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    private static ChatResponse Reply(string text) =>
        new(new ChatMessage(ChatRole.Assistant, text)) { ModelId = BackendName, FinishReason = ChatFinishReason.Stop };

    /// <summary>The numbered passages of a tool result: the object in-process, or its JSON if it was serialised.</summary>
    private IEnumerable<(int N, Passage Passage)> ReadPassages(object? result)
    {
        var found = result switch
        {
            PassageSearchResult r => r.Passages,
            IEnumerable<FoundPassage> list => list.ToList(),
            JsonElement json => Deserialize(json),
            string text => Deserialize(text),
            _ => [],
        };

        foreach (var passage in found)
        {
            if (search.GetPassage(passage.Id) is { } full)
            {
                yield return (passage.N, full);
            }
        }
    }

    private static IReadOnlyList<FoundPassage> Deserialize(JsonElement json) =>
        json.ValueKind == JsonValueKind.Object ? json.Deserialize<PassageSearchResult>(JsonOptions)?.Passages ?? [] : [];

    private static IReadOnlyList<FoundPassage> Deserialize(string text)
    {
        try
        {
            return Deserialize(JsonDocument.Parse(text).RootElement);
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
