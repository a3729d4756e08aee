using System.ClientModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using ArticleBot.Core.Citations;
using ArticleBot.Core.Diagnostics;
using ArticleBot.Core.Llm;
using ArticleBot.Core.Plugins;
using ArticleBot.Core.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace ArticleBot.Core.Answering;

/// <summary>
/// Answers one question: starts an answer turn, runs the chat client (a model, or the offline answerer) with every
/// kernel function on offer, then resolves and verifies the reply's citations. The same path for every backend,
/// and one flow: <see cref="AskAsync"/> is <see cref="AskStreamingAsync"/> read to its end.
/// When the model fails (unreachable, timing out, rejecting the key, never searching, looping on tools), the
/// extractive answer stands in, marked as a fallback with the reason.
/// </summary>
public sealed partial class ArticleAnswerer(
    IKernelSource kernels,
    AnswerBackends backends,
    CitationResolver resolver,
    ScriptFolding folding,
    IOptions<AnsweringOptions> options,
    IOptions<LlmOptions> llmOptions,
    ILogger<ArticleAnswerer> logger,
    TimeProvider? time = null)
{
    private const int MaxClosest = 3;
    private static readonly Lazy<string> s_systemPrompt = new(() =>
    {
        using var reader = new StreamReader(EmbeddedResources.Open("prompts/system.txt"));
        return reader.ReadToEnd();
    });

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>The backend name reported with answers that do not fall back.</summary>
    public string Backend => backends.PrimaryName;

    /// <summary>
    /// True when a model answers, so <see cref="AskStreamingAsync"/> delivers text as it is written; false offline,
    /// where the whole answer arrives in one piece.
    /// </summary>
    public bool Streams => backends.Model is not null;

    /// <summary>Answers a question, with earlier turns of the conversation for context.</summary>
    /// <exception cref="ArgumentException">The question is empty once cleaned.</exception>
    public async Task<ArticleAnswer> AskAsync(string question, IReadOnlyList<ChatMessage>? history = null, CancellationToken cancellationToken = default)
    {
        await foreach (var update in AskStreamingAsync(question, history, cancellationToken))
        {
            if (update.Answer is { } answer)
            {
                return answer;
            }
        }

        throw new InvalidOperationException("The answer stream ended without an answer.");
    }

    /// <summary>
    /// Answers a question as a stream: text as the model writes it (citation numbers already final), then the
    /// complete answer. The offline answerer streams too (in one piece).
    /// </summary>
    /// <exception cref="ArgumentException">The question is empty once cleaned.</exception>
    public IAsyncEnumerable<AnswerUpdate> AskStreamingAsync(string question, IReadOnlyList<ChatMessage>? history = null, CancellationToken cancellationToken = default)
    {
        var cleaned = Clean(question); // throws here, not on the first MoveNextAsync
        return AnswerAsync(cleaned, history, cancellationToken);
    }

    private async IAsyncEnumerable<AnswerUpdate> AnswerAsync(string question, IReadOnlyList<ChatMessage>? history, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        using var activity = ArticleBotTelemetry.Source.StartActivity("answer");
        activity?.SetTag("articlebot.question.chars", question.Length);
        activity?.SetTag("articlebot.backend", backends.PrimaryName);
        await foreach (var update in TurnAsync(question, history, cancellationToken))
        {
            if (update.Answer is { } final)
            {
                // Recorded before the answer is handed out: a reader may stop at the answer (AskAsync does).
                AnswerMetrics.Record(final, backends.PrimaryName, _time.GetElapsedTime(started));
                activity?.SetTag("articlebot.answer.backend", final.Backend);
                activity?.SetTag("articlebot.answer.grounded", final.Grounded);
                activity?.SetTag("articlebot.answer.citations", final.Citations.Count);
                if (final.Fallback is { } reason)
                {
                    activity?.SetTag("articlebot.answer.fallback", reason);
                }
            }

            yield return update;
        }
    }

    /// <summary>The one turn: the model's text as it streams, or the offline answer; then the finished answer.</summary>
    private async IAsyncEnumerable<AnswerUpdate> TurnAsync(string question, IReadOnlyList<ChatMessage>? history, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (backends.Model is not { } model)
        {
            var offline = await AnswerExtractivelyAsync(question, history, fallback: null, cancellationToken);
            yield return new AnswerUpdate(offline.Text);
            yield return new AnswerUpdate(null, offline);
            yield break;
        }

        using var scope = AnswerTurn.Begin();
        var rewriter = resolver.Rewriter(scope.Turn);
        var raw = new StringBuilder();
        var shown = false;
        string? failure = null;
        Exception? error = null;
        await using (var updates = model.GetStreamingResponseAsync(ModelMessages(question, history), Options(kernels.Kernel), cancellationToken).GetAsyncEnumerator(cancellationToken))
        {
            while (true)
            {
                string? piece;
                try
                {
                    if (!await updates.MoveNextAsync())
                    {
                        break;
                    }

                    piece = updates.Current.Text;
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && DescribeFailure(ex, scope.Turn) is { } reason)
                {
                    failure = reason;
                    error = ex;
                    break;
                }

                if (string.IsNullOrEmpty(piece))
                {
                    continue;
                }

                raw.Append(piece);
                var emitted = rewriter.Append(piece);
                if (emitted.Length > 0)
                {
                    shown = true;
                    yield return new AnswerUpdate(emitted);
                }
            }
        }

        failure ??= Unusable(raw.ToString(), scope.Turn);
        if (failure is not null)
        {
            var fallback = await FallBackAsync(question, history, failure, error, cancellationToken);
            yield return new AnswerUpdate(fallback.Text, Restart: shown, Fallback: failure);
            yield return new AnswerUpdate(null, fallback);
            yield break;
        }

        ArticleAnswer answer;
        string text;
        using (ArticleBotTelemetry.Source.StartActivity("citations"))
        {
            (text, var citations) = rewriter.Complete();
            answer = Finish(question, text, citations, scope.Turn, backends.PrimaryName);
        }

        if (answer.Text.Length > text.Length)
        {
            yield return new AnswerUpdate(answer.Text[text.Length..]); // the "could not be verified" note
        }

        yield return new AnswerUpdate(null, answer);
    }

    private string Clean(string question)
    {
        var cleaned = QuestionText.Clean(question, options.Value.MaxQuestionChars);
        return cleaned.Length == 0 ? throw new ArgumentException("The question is empty.", nameof(question)) : cleaned;
    }

    private async Task<ArticleAnswer> AnswerExtractivelyAsync(string question, IReadOnlyList<ChatMessage>? history, string? fallback, CancellationToken cancellationToken)
    {
        using var scope = AnswerTurn.Begin();

        // The offline answerer sees the conversation too: a follow-up ("那阿里呢？") takes its frame from it.
        List<ChatMessage> messages = [.. history ?? [], new ChatMessage(ChatRole.User, question)];
        var response = await backends.Extractive.GetResponseAsync(messages, Options(kernels.BuiltinKernel), cancellationToken);
        using var activity = ArticleBotTelemetry.Source.StartActivity("citations");
        var (text, citations) = resolver.Resolve(response.Text, scope.Turn);
        return Finish(question, text, citations, scope.Turn, ExtractiveChatClient.BackendName) with { Fallback = fallback };
    }

    private async Task<ArticleAnswer> FallBackAsync(string question, IReadOnlyList<ChatMessage>? history, string reason, Exception? error, CancellationToken cancellationToken)
    {
        Log.ModelFallback(logger, reason);
        if (error is not null)
        {
            Log.ModelFailure(logger, error);
        }

        return await AnswerExtractivelyAsync(question, history, reason, cancellationToken);
    }

    /// <summary>Why a model's reply cannot be used, or null when it can.</summary>
    private string? Unusable(string text, AnswerTurn turn)
    {
        if (turn.ToolCalls == 0)
        {
            return "the model answered without searching the article";
        }

        if (turn.CompletedToolCalls == 0)
        {
            return turn.LastToolError is { } error
                ? $"the model's tool calls could not be made, so it read nothing of the article: {error}"
                : "the model's tool calls failed, so it read nothing of the article";
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            var cap = options.Value.MaxToolCallsPerTurn;
            return turn.ToolCalls >= cap
                ? $"the model kept calling tools (limit {cap} per turn, {AnsweringOptions.SectionName}:MaxToolCallsPerTurn, formerly {AnsweringOptions.LegacySectionName}:MaxToolCallsPerTurn)"
                : "the model returned an empty answer";
        }

        return null;
    }

    private ArticleAnswer Finish(string question, string text, IReadOnlyList<Citation> citations, AnswerTurn turn, string backend)
    {
        var grounded = citations.Count > 0;
        if (!grounded && backend != ExtractiveChatClient.BackendName)
        {
            // A model's reply with no verifiable citation is shown, but flagged.
            text = $"{text}\n\n{Unverified(LanguageDetector.Detect(question, folding))}";
        }

        IReadOnlyList<Citation> closest = grounded
            ? []
            : turn.Passages.Take(MaxClosest).Select((p, i) => resolver.ToCitation(i + 1, p.Passage)).OfType<Citation>().ToList();
        return new ArticleAnswer(question, text, grounded, backend, citations, closest);
    }

    private static string Unverified(QuestionLanguage language) => language switch
    {
        QuestionLanguage.ChineseTraditional => "（無法根據文章核實這個回答。）",
        QuestionLanguage.ChineseSimplified => "（无法根据文章核实这个回答。）",
        _ => "(This answer could not be verified against the article.)",
    };

    private static List<ChatMessage> ModelMessages(string question, IReadOnlyList<ChatMessage>? history)
    {
        var messages = new List<ChatMessage> { new(ChatRole.System, s_systemPrompt.Value) };
        if (history is not null)
        {
            messages.AddRange(history);
        }

        messages.Add(new ChatMessage(ChatRole.User, question));
        return messages;
    }

    /// <summary>
    /// The chat options offering every function of a kernel: a model gets every plugin's, the offline answerer only
    /// the built-in ones (it calls nothing else, so plugins never load for it). Built once per kernel snapshot
    /// (plugins reloaded → new kernel → new options) and handed to each turn as a copy.
    /// </summary>
    private ChatOptions Options(Kernel kernel)
    {
        var cached = ReferenceEquals(kernel, kernels.BuiltinKernel) ? _builtinOptions : _options;
        if (cached is null || !ReferenceEquals(cached.Kernel, kernel))
        {
            var settings = new PromptExecutionSettings
            {
                FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(),
                ExtensionData = new Dictionary<string, object> { ["temperature"] = llmOptions.Value.Temperature },
            };
            cached = new OptionsForKernel(kernel, settings.ToChatOptions(kernel));
            if (ReferenceEquals(kernel, kernels.BuiltinKernel))
            {
                _builtinOptions = cached;
            }
            else
            {
                _options = cached; // a reference swap: safe without a lock
            }
        }

        return cached.Options.Clone();
    }

    private OptionsForKernel? _options;
    private OptionsForKernel? _builtinOptions;

    private sealed record OptionsForKernel(Kernel Kernel, ChatOptions Options);

    /// <summary>
    /// A user-facing reason for a model failure, or null for exceptions that are bugs. A wait that ended in a timeout
    /// or an open circuit after 429s is reported as the rate limiting it was.
    /// </summary>
    private static string? DescribeFailure(Exception exception, AnswerTurn turn) => exception switch
    {
        Polly.Timeout.TimeoutRejectedException or TimeoutException or TaskCanceledException or OperationCanceledException when turn.LastModelStatus.Status == 429 =>
            $"the model server is rate limiting (HTTP 429{(turn.LastModelStatus.RetryAfter is { } wait ? $", asking to wait {wait.TotalSeconds:0} s" : string.Empty)}) for longer than Llm:TimeoutSeconds allows",
        Polly.CircuitBreaker.BrokenCircuitException when turn.LastModelStatus.Status == 429 =>
            "the model server kept rate limiting (HTTP 429); requests to it are paused for a while",
        ClientResultException { Status: 401 or 403 } e =>
            $"the model server rejected the credentials (HTTP {e.Status}); check Llm:ApiKey",
        ClientResultException { Status: 429 } => "the model server is rate limiting (HTTP 429) and retries ran out",
        ClientResultException { Status: >= 500 } e => $"the model server failed (HTTP {e.Status}) and retries ran out",
        ClientResultException { Status: 404 } => "the model server does not know the model or endpoint (HTTP 404); check Llm:Model and Llm:Endpoint",
        ClientResultException { Status: 0 } e when e.InnerException is { } inner => DescribeFailure(inner, turn) ?? "the model server could not be reached",
        ClientResultException e => $"the model request failed (HTTP {e.Status})",
        HttpRequestException => "the model server could not be reached; check Llm:Endpoint",
        Polly.Timeout.TimeoutRejectedException or TimeoutException or TaskCanceledException or OperationCanceledException =>
            "the model did not answer in time (Llm:TimeoutSeconds)",
        Polly.CircuitBreaker.BrokenCircuitException => "the model server failed repeatedly; requests are paused for a while",
        System.Text.Json.JsonException or FormatException or InvalidOperationException => "the model server sent a reply that could not be read",
        _ => null,
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 3001, EventName = "ModelFallback", Level = LogLevel.Warning,
            Message = "Answering with the extractive answerer instead of the model: {Reason}")]
        public static partial void ModelFallback(ILogger logger, string reason);

        [LoggerMessage(EventId = 3002, EventName = "ModelFailure", Level = LogLevel.Debug, Message = "The model request failed")]
        public static partial void ModelFailure(ILogger logger, Exception exception);
    }
}
