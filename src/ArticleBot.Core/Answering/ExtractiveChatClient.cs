using System.Runtime.CompilerServices;
using System.Text.Json;
using ArticleBot.Abstractions;
using ArticleBot.Core.ArticleTools;
using ArticleBot.Core.Claims;
using ArticleBot.Core.Diagnostics;
using ArticleBot.Core.Language.Questions;
using ArticleBot.Core.Plugins;
using ArticleBot.Core.Text;
using Microsoft.Extensions.AI;

namespace ArticleBot.Core.Answering;

/// <summary>
/// The offline answerer, shaped like a model so it runs the same pipeline as one: on a question it recognises its
/// kind (<see cref="QuestionClassifier"/>; a short follow-up is first made whole from the conversation) and calls
/// the article tool for it (a <see cref="FunctionCallContent"/> that the function-invoking client executes through
/// the kernel and its filters): search for facts, why and views; summarize, outline, entities, figures or verify;
/// two searches for a comparison. On the tools' results it writes the answer (<see cref="KindComposer"/>, or
/// <see cref="ExtractiveComposer"/> when the tools are not wired).
/// </summary>
public sealed class ExtractiveChatClient(ExtractiveComposer composer, IArticleSearch search, ArticleToolset? tools = null, KindComposer? kinds = null, ScriptFolding? folder = null) : IChatClient
{
    /// <summary>The backend name reported with answers.</summary>
    public const string BackendName = "extractive";

    /// <summary>The tool the client calls: the article plugin's search, as the kernel names it for chat clients.</summary>
    public const string SearchToolName = ArticlePlugin.PluginName + "_" + ArticlePlugin.SearchFunction;

    /// <summary>The reply to a question written mostly in a script the offline answerer does not read.</summary>
    public const string UnreadLanguageNotice = "I read questions in Chinese and English: please ask in one of them. 我只讀中文和英文的問題，請用中文或英文提問。";

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
            activity?.SetTag("articlebot.compose.analysed", RetrievalOf(results) is not null);
            activity?.SetTag("articlebot.compose.checked", results.Any(r => r.Result is CheckedClaimResult));
            if (tools is not null && kinds is not null && folder is not null)
            {
                return Task.FromResult(Reply(ComposeFromTools(list, question, results)));
            }

            var passages = results.SelectMany(r => ReadPassages(r.Result)).ToList();
            activity?.SetTag("articlebot.compose.passages", passages.Count);
            return Task.FromResult(Reply(composer.Compose(question, passages, RetrievalOf(results))));
        }

        if (CharClass.IsMostlyOtherScript(question))
        {
            // Said in both languages it reads, rather than an abstention in a language guessed from the Han characters
            // a Japanese question holds: nothing was searched, so nothing is claimed about the article.
            return Task.FromResult(Reply(UnreadLanguageNotice));
        }

        var offered = options?.Tools?.OfType<AIFunctionDeclaration>().Select(t => t.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        if (!offered.Contains(SearchToolName))
        {
            // Without the search tool there is nothing to answer from: say so rather than guess.
            return Task.FromResult(Reply(composer.Compose(question, [])));
        }

        var calls = tools is not null && kinds is not null && folder is not null
            ? PlanCalls(list, question, offered)
            : [(SearchToolName, new Dictionary<string, object?> { ["query"] = question })];
        var contents = calls.Select(c => (AIContent)new FunctionCallContent($"call_{Interlocked.Increment(ref _callCounter)}", c.Tool, c.Arguments)).ToList();
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, contents)) { ModelId = BackendName, FinishReason = ChatFinishReason.ToolCalls });
    }

    /// <summary>The tool name of one of the article plugin's functions, as the kernel names it for chat clients.</summary>
    public static string ToolName(string function) => ArticlePlugin.PluginName + "_" + function;

    /// <summary>
    /// The question made whole (follow-ups, pairs of countries written out), its kind, the new subject a follow-up
    /// brings, and the user's previous question (whose script a question that shows none of its own is answered in).
    /// </summary>
    private (string Resolved, QuestionIntent Intent, string? Subject, string? Previous) Understand(IList<ChatMessage> messages, string question)
    {
        var users = messages.Where(m => m.Role == ChatRole.User).Select(m => m.Text).ToList();
        var earlier = users.Count > 0 ? users.Take(users.Count - 1).ToList() : [];

        // The answer the last question got: the last assistant text before this question (tool calls carry none).
        var lastUser = messages.Select((m, i) => (m, i)).LastOrDefault(x => x.m.Role == ChatRole.User).i;
        var lastAnswer = messages.Take(lastUser).LastOrDefault(m => m.Role == ChatRole.Assistant && !string.IsNullOrWhiteSpace(m.Text))?.Text;
        var resolved = tools!.FollowUps.Resolve(CountryPairs.Expand(question, folder!), earlier, earlier.Count > 0 ? lastAnswer : null);
        var subject = earlier.Count > 0 && resolved != question ? FollowUpResolver.NewSubjectIn(question) : null;
        return (resolved, QuestionClassifier.Classify(resolved, folder!), subject, earlier.Count > 0 ? earlier[^1] : null);
    }

    /// <summary>A view's query without who holds it generically ("作者認為"): the content is what is searched.</summary>
    private static string WithoutOpinionWords(string question)
    {
        string[] words = ["作者認為", "作者认为", "作者的", "作者", "認為", "认为", "the author's", "the author", "author's", "author", "does ", " think", " believe", "what is "];
        var result = question;
        foreach (var word in words)
        {
            result = result.Replace(word, " ", StringComparison.OrdinalIgnoreCase);
        }

        return result.Trim().Length >= 2 ? result : question;
    }

    /// <summary>Which tools to call for the question: the one its kind needs, when offered; search otherwise.</summary>
    private List<(string Tool, Dictionary<string, object?> Arguments)> PlanCalls(IList<ChatMessage> messages, string question, HashSet<string> offered)
    {
        var (resolved, intent, _, _) = Understand(messages, question);
        (string, Dictionary<string, object?>) Search(string query) => (SearchToolName, new Dictionary<string, object?> { ["query"] = query });
        List<(string, Dictionary<string, object?>)> One(string function, Dictionary<string, object?> arguments) =>
            offered.Contains(ToolName(function)) ? [(ToolName(function), arguments)] : [Search(resolved)];

        switch (intent.Kind)
        {
            case QuestionKind.Summary:
                return One(ArticlePlugin.SummarizeFunction, new() { ["sentences"] = ArticleSummarizer.DefaultLength });
            case QuestionKind.Outline:
                return One(ArticlePlugin.OutlineFunction, []);
            case QuestionKind.List when intent.Figures:
                return One(ArticlePlugin.FiguresFunction, new() { ["kind"] = intent.FigureKind?.ToString().ToLowerInvariant() ?? string.Empty });
            case QuestionKind.List:
                return One(ArticlePlugin.EntitiesFunction, new() { ["kind"] = intent.EntityKind?.ToString().ToLowerInvariant() ?? string.Empty, ["country"] = intent.Country ?? string.Empty });
            case QuestionKind.Verify:
                return One(ArticlePlugin.VerifyFunction, new() { ["claim"] = resolved });
            case QuestionKind.Opinion when intent.Conclusion && !HasSubject(resolved):
                return One(ArticlePlugin.SummarizeFunction, new() { ["sentences"] = 2, ["section"] = "last" });
            case QuestionKind.Compare when CompareSides(resolved) is { Count: 2 } sides:
                return [.. sides.Select(s => Search(s.Query))];
            case QuestionKind.Opinion:
                return [Search(WithoutOpinionWords(resolved))];
            default:
                return [Search(resolved)];
        }
    }

    /// <summary>True when a question names something of the article beyond "the author" and "the conclusion".</summary>
    private bool HasSubject(string question)
    {
        var plan = search is Search.ArticleSearch articleSearch ? articleSearch.Analyze(question) : null;
        string[] generic = ["作者", "结论", "文章", "author", "conclusion", "article", "conclude", "what", "is"];
        return plan is not null && plan.Groups.Any(g => g.Strength == GroupStrength.Strong && g.InCorpus && !generic.Any(w => g.Label.Contains(w, StringComparison.Ordinal)));
    }

    /// <summary>The two named things of a comparison, each with its own query (the question without the other).</summary>
    private List<(string Subject, string Query)> CompareSides(string question)
    {
        var named = tools!.Entities.NamedIn(question).Take(2).ToList();
        if (named.Count < 2)
        {
            return [];
        }

        var english = LanguageDetector.Detect(question, folder!) == QuestionLanguage.English;
        return [.. named.Select((e, i) =>
        {
            var other = named[1 - i];
            var query = question;
            foreach (var name in new[] { other.Name, other.English, folder!.Fold(other.Name) })
            {
                query = query.Replace(name, " ", StringComparison.OrdinalIgnoreCase);
            }

            return (english ? tools.English.EnglishName(e) : e.Name, e.Name + " " + e.Name + " " + query);
        })];
    }

    /// <summary>Writes the answer from the tools' results, by the tool that was called.</summary>
    private string ComposeFromTools(IList<ChatMessage> messages, string question, List<FunctionResultContent> results)
    {
        var (resolved, intent, subject, previous) = Understand(messages, question);
        var language = previous is not null ? LanguageDetector.Detect(question, previous, folder!) : LanguageDetector.Detect(question, folder!);
        var calls = messages.Where(m => m.Role == ChatRole.Assistant).SelectMany(m => m.Contents.OfType<FunctionCallContent>())
            .ToDictionary(c => c.CallId, StringComparer.Ordinal);
        var composerOf = kinds!;
        var named = results.Select(r => (Call: calls.GetValueOrDefault(r.CallId), Passages: ReadPassages(r.Result).ToList())).ToList();
        var name = named[0].Call?.Name ?? SearchToolName;
        var all = named.SelectMany(r => r.Passages).ToList();

        if (name == ToolName(ArticlePlugin.OutlineFunction))
        {
            return composerOf.Outline(language, all);
        }

        if (name == ToolName(ArticlePlugin.SummarizeFunction))
        {
            var arguments = named[0].Call?.Arguments;
            var length = arguments?.TryGetValue("sentences", out var s) == true ? Convert.ToInt32(s is JsonElement j ? j.GetInt32() : s, System.Globalization.CultureInfo.InvariantCulture) : 0;
            var last = arguments?.TryGetValue("section", out var section) == true && string.Equals(section?.ToString(), "last", StringComparison.Ordinal);
            return composerOf.Summary(language, all, length, last);
        }

        if (name == ToolName(ArticlePlugin.EntitiesFunction))
        {
            return composerOf.Entities(language, all, intent.EntityKind, intent.Country);
        }

        if (name == ToolName(ArticlePlugin.FiguresFunction))
        {
            return composerOf.Figures(language, all, intent.FigureKind);
        }

        if (name == ToolName(ArticlePlugin.VerifyFunction))
        {
            return composerOf.Verify(language, all, resolved, CheckOf(results, resolved));
        }

        if (intent.Kind == QuestionKind.Compare && named.Count == 2 && CompareSides(resolved) is { Count: 2 } sides)
        {
            return composerOf.Compare(language, resolved, [.. sides.Select((side, i) => (side.Subject, side.Query, (IReadOnlyList<(int, Passage)>)named[i].Passages))]);
        }

        var query = intent.Kind == QuestionKind.Opinion ? WithoutOpinionWords(resolved) : resolved;
        return composerOf.Search(language, query, intent, all, subject, RetrievalOf(results));
    }

    /// <summary>What the built-in search measured (plan, coverage), when one search answered the turn in process.</summary>
    private static Search.Retrieval? RetrievalOf(List<FunctionResultContent> results) =>
        results.Count == 1 && results[0].Result is Search.AnalysedSearchResult analysed ? analysed.Retrieval : null;

    /// <summary>The verify tool's own check of <paramref name="claim"/>, when it ran in process this turn.</summary>
    private static ClaimCheck? CheckOf(List<FunctionResultContent> results, string claim) =>
        results.Select(r => r.Result).OfType<CheckedClaimResult>().FirstOrDefault(r => r.Claim == claim)?.Check;

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
