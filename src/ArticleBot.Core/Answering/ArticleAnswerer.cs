using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

namespace ArticleBot.Core.Answering;

/// <summary>
/// Answers one question: starts a citation turn, runs the chat client (offline or a model) with every kernel
/// function on offer, then resolves and verifies the reply's citations. The same path for every backend.
/// </summary>
public sealed class ArticleAnswerer(Kernel kernel, IChatClient chatClient, CitationResolver resolver)
{
    private const int MaxClosest = 3;

    /// <summary>The backend name reported with answers, from the chat client's metadata.</summary>
    public string Backend { get; } = chatClient.GetService<ChatClientMetadata>() is { } metadata
        ? metadata.ProviderName == metadata.DefaultModelId || metadata.DefaultModelId is null
            ? metadata.ProviderName ?? "unknown"
            : $"{metadata.ProviderName}/{metadata.DefaultModelId}"
        : "unknown";

    /// <summary>Answers a question, with earlier turns of the conversation for context.</summary>
    /// <exception cref="ArgumentException">The question is empty once cleaned.</exception>
    public async Task<ArticleAnswer> AskAsync(string question, IReadOnlyList<ChatMessage>? history = null, CancellationToken cancellationToken = default)
    {
        var cleaned = QuestionText.Clean(question);
        if (cleaned.Length == 0)
        {
            throw new ArgumentException("The question is empty.", nameof(question));
        }

        using var scope = TurnCitations.Begin();
        var messages = new List<ChatMessage>();
        if (history is not null)
        {
            messages.AddRange(history);
        }

        messages.Add(new ChatMessage(ChatRole.User, cleaned));
        var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };
        var response = await chatClient.GetResponseAsync(messages, settings.ToChatOptions(kernel), cancellationToken);

        var (text, citations) = resolver.Resolve(response.Text, scope.Turn);
        IReadOnlyList<Citation> closest = citations.Count > 0
            ? []
            : scope.Turn.Passages.Take(MaxClosest).Select((p, i) => resolver.ToCitation(i + 1, p.Passage)).OfType<Citation>().ToList();
        return new ArticleAnswer(cleaned, text, citations.Count > 0, Backend, citations, closest);
    }
}
