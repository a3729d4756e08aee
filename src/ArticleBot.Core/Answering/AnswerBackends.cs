using Microsoft.Extensions.AI;

namespace ArticleBot.Core.Answering;

/// <summary>
/// The chat clients an answer can come from: the configured model (if any) and the offline extractive answerer,
/// which also stands in when the model fails. Both already include Semantic Kernel function invocation.
/// </summary>
/// <param name="Extractive">The offline answerer.</param>
/// <param name="Model">The language model, or null with <c>Llm:Provider=None</c>.</param>
/// <param name="ModelName">The model backend's name, e.g. <c>OpenAI/gpt-4o-mini</c>.</param>
public sealed record AnswerBackends(IChatClient Extractive, IChatClient? Model, string? ModelName)
{
    /// <summary>The client that answers first.</summary>
    public IChatClient Primary => Model ?? Extractive;

    /// <summary>The name reported with answers from <see cref="Primary"/>.</summary>
    public string PrimaryName => Model is null ? ExtractiveChatClient.BackendName : ModelName ?? "model";
}
