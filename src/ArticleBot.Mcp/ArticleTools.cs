using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArticleBot.Core.Answering;
using ArticleBot.Core.Citations;
using ArticleBot.Core.Plugins;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace ArticleBot.Mcp;

/// <summary>
/// The MCP tools: <c>ask</c> (the grounded answer), every function of the built-in <c>article</c> plugin
/// (<c>article_search</c>, <c>article_get_passage</c>, <c>article_outline</c>, … whichever the plugin has), and, with
/// <see cref="ArticleMcpOptions.ExposePlugins"/>, every loaded plugin's functions, all named
/// <c>&lt;Plugin&gt;_&lt;function&gt;</c> as a model sees them (the bare names of the article tools are still accepted).
/// Tools are listed from the current kernel at each request, so reloaded plugins show up. Every result carries
/// <c>structuredContent</c> (and the same JSON as text) with <c>citations</c>: passage id, source, offsets and the
/// verbatim quote, each checked against the seed file.
/// </summary>
public sealed partial class ArticleTools(
    PluginCatalog catalog,
    ArticleAnswerer answerer,
    CitationResolver resolver,
    ImportTools imports,
    IOptions<ArticleMcpOptions> options,
    ILogger<ArticleTools> logger)
{
    /// <summary>The tool that answers a question.</summary>
    public const string AskTool = "ask";

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Every tool, for <c>tools/list</c>.</summary>
    public ListToolsResult List() => new()
    {
        Tools = [new Tool
        {
            Name = AskTool,
            Title = "Ask the article",
            Description = "Answers a question about the news article from its text alone and cites the passages used: structuredContent has answer (with [n] markers), grounded (false when the article does not say), and citations [{n, passageId, source, section, start, end, quote, uri}], each quote verbatim from the seed file at [start, end).",
            InputSchema = AskSchema(options.Value.MaxArgumentChars),
        }, .. Functions().Select(f => ToTool(f.Name, f.Function, options.Value.MaxArgumentChars)), .. imports.Tools()],
    };

    /// <summary>Runs a tool, for <c>tools/call</c>. Any problem with the arguments is a tool error (<c>isError</c>) that says what is wrong.</summary>
    /// <exception cref="McpProtocolException">There is no such tool.</exception>
    public async Task<CallToolResult> CallAsync(string name, IDictionary<string, JsonElement>? arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        arguments ??= new Dictionary<string, JsonElement>();
        Log.ToolCalled(logger, name);
        if (name == AskTool)
        {
            return await AskAsync(arguments, cancellationToken);
        }

        if (await imports.TryCallAsync(name, arguments, cancellationToken) is { } imported)
        {
            return imported;
        }

        var function = Functions().FirstOrDefault(f => f.Name == name || f.Aliases.Contains(name)).Function
            ?? throw new McpProtocolException($"Unknown tool '{(name.Length > 80 ? name[..80] + "…" : name)}'. Tools: {string.Join(", ", List().Tools.Select(t => t.Name))}.", McpErrorCode.InvalidParams);
        var problems = ToolInput.Problems(function, arguments, options.Value.MaxArgumentChars);
        if (problems.Count > 0)
        {
            return Error($"The arguments of {name} are wrong: {string.Join("; ", problems)}.");
        }

        var kernelArguments = new KernelArguments();
        foreach (var (key, argument) in arguments)
        {
            // Strings as they are, everything else as its JSON text: the kernel converts "3" to an int parameter.
            kernelArguments[key] = argument.ValueKind == JsonValueKind.String ? argument.GetString() : argument.GetRawText();
        }

        using var turn = AnswerTurn.Begin();
        object? value;
        try
        {
            var result = await Kernel.InvokeAsync(function, kernelArguments, cancellationToken);
            value = result.GetValue<object>();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var message = ex is KernelException { InnerException: { } inner } ? inner.Message : ex.Message;
            Log.ToolFailed(logger, name, message);
            return Error($"{name} failed: {message}");
        }

        if (turn.Turn.LastToolError is { } refused)
        {
            // The function refused its arguments (an unknown kind, a passage id that does not exist): say so as an error.
            return Error(refused[0..1].ToUpperInvariant() + refused[1..] + ".");
        }

        var citations = turn.Turn.Passages
            .Where(p => resolver.ToCitation(p.N, p.Passage) is not null)
            .Select(p => McpCitation.From(p.N, p.Passage))
            .ToList();
        var structured = new JsonObject
        {
            ["result"] = value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType(), s_json),
            ["citations"] = JsonSerializer.SerializeToNode(citations, s_json),
        };
        return Success(structured);
    }

    private async Task<CallToolResult> AskAsync(IDictionary<string, JsonElement> arguments, CancellationToken cancellationToken)
    {
        if (arguments.Keys.FirstOrDefault(k => k != "question") is { } unknown)
        {
            return Error($"The arguments of ask are wrong: unknown argument '{(unknown.Length > 40 ? unknown[..40] + "…" : unknown)}' (the tool takes question).");
        }

        if (!arguments.TryGetValue("question", out var q))
        {
            return Error("The arguments of ask are wrong: missing question: call ask with {\"question\": \"...\"}.");
        }

        if (ToolInput.TextProblem("question", q, options.Value.MaxArgumentChars) is { } problem)
        {
            return Error($"The arguments of ask are wrong: {problem}.");
        }

        var question = QuestionText.Clean(q.GetString(), options.Value.MaxArgumentChars);
        if (question.Length == 0)
        {
            return Error("The question is empty: call ask with {\"question\": \"...\"}.");
        }

        var answer = await answerer.AskAsync(question, null, cancellationToken);
        var structured = new JsonObject
        {
            ["question"] = answer.Question,
            ["answer"] = answer.Text,
            ["grounded"] = answer.Grounded,
            ["backend"] = answer.Backend,
            ["citations"] = JsonSerializer.SerializeToNode(answer.Citations.Select(McpCitation.From).ToList(), s_json),
            ["closest"] = JsonSerializer.SerializeToNode(answer.Closest.Select(McpCitation.From).ToList(), s_json),
            ["fallback"] = answer.Fallback,
        };
        return Success(structured);
    }

    /// <summary>
    /// The kernel the tools come from: the built-in plugins only, unless plugins are exposed. So a client of
    /// <c>mcp</c> never makes the bot load plugin folders or start MCP servers it does not offer.
    /// </summary>
    private Kernel Kernel => options.Value.ExposePlugins ? catalog.Kernel : catalog.BuiltinKernel;

    /// <summary>Every tool, for <c>tools/list</c>; with exposed plugins, once the MCP servers among them are up or failed.</summary>
    public async ValueTask<ListToolsResult> ListAsync(CancellationToken cancellationToken)
    {
        if (options.Value.ExposePlugins)
        {
            await catalog.SettleAsync(cancellationToken);
        }

        return List();
    }

    /// <summary>The kernel functions offered as tools, with their tool names.</summary>
    /// <summary>
    /// The plugin functions offered as tools, named as a model sees them (<c>Plugin_function</c>, see
    /// <see cref="PluginInvoker.ToolName"/>). Also accepted: <c>Plugin.function</c>, and the article tools' earlier
    /// bare names (<c>search</c>, <c>get_passage</c>, …) for clients set up before.
    /// </summary>
    private IEnumerable<(string Name, KernelFunction Function, string[] Aliases)> Functions()
    {
        var kernel = Kernel;
        if (kernel.Plugins.TryGetPlugin(ArticlePlugin.PluginName, out var article))
        {
            foreach (var function in article.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                yield return (PluginInvoker.ToolName(article.Name, function.Name), function, [function.Name, $"{article.Name}.{function.Name}"]);
            }
        }

        if (!options.Value.ExposePlugins)
        {
            yield break;
        }

        foreach (var plugin in kernel.Plugins.Where(p => p.Name != ArticlePlugin.PluginName).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            foreach (var function in plugin.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                yield return (PluginInvoker.ToolName(plugin.Name, function.Name), function, [$"{plugin.Name}.{function.Name}"]);
            }
        }
    }

    private static Tool ToTool(string name, KernelFunction function, int maxChars) => new()
    {
        Name = name,
        Description = $"{function.Description} Results are structuredContent {{result, citations}}; citations give passageId, source, start/end offsets and the verbatim quote of every passage returned.",
        InputSchema = JsonSerializer.SerializeToElement(ToolInput.Schema(function, maxChars)),
    };

    private static JsonElement AskSchema(int maxChars) => JsonSerializer.SerializeToElement(new JsonObject
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["question"] = new JsonObject
            {
                ["type"] = "string",
                ["description"] = "The question about the article, in Chinese or English.",
                ["minLength"] = 1,
                ["maxLength"] = maxChars,
            },
        },
        ["required"] = new JsonArray("question"),
        ["additionalProperties"] = false,
    });

    private static CallToolResult Success(JsonObject structured)
    {
        var element = JsonSerializer.SerializeToElement(structured, s_json);
        return new CallToolResult
        {
            StructuredContent = element,
            Content = [new TextContentBlock { Text = element.GetRawText() }],
            IsError = false,
        };
    }

    private static CallToolResult Error(string message) => new()
    {
        Content = [new TextContentBlock { Text = message }],
        IsError = true,
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 7001, EventName = "McpToolCalled", Level = LogLevel.Debug, Message = "MCP tool {Tool} called")]
        public static partial void ToolCalled(ILogger logger, string tool);

        [LoggerMessage(EventId = 7002, EventName = "McpToolFailed", Level = LogLevel.Warning, Message = "MCP tool {Tool} failed: {Reason}")]
        public static partial void ToolFailed(ILogger logger, string tool, string reason);
    }
}
