using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArticleBot.Core.Search;
using ArticleBot.Ingest;
using ArticleBot.Ingest.Importing;
using ArticleBot.Ingest.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;

namespace ArticleBot.Mcp;

/// <summary>
/// <c>add_article</c> and <c>list_articles</c>, offered only with <c>Mcp:AllowImport=true</c>. A client gives links
/// only (http or https, fetched under the <c>Ingest</c> rules: no private addresses, size and time caps), never a
/// path: it must not be a way to read the server's files. An added article is searched at once (the seeds are
/// reloaded before the tool returns) and is a resource like the others.
/// </summary>
public sealed class ImportTools(IServiceProvider services, IOptions<ArticleMcpOptions> options)
{
    /// <summary>The tool that imports a link.</summary>
    public const string AddTool = "add_article";

    /// <summary>The tool that lists imported articles.</summary>
    public const string ListTool = "list_articles";

    private const int MaxUrlChars = 2048;

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The tools, or none when import is not allowed.</summary>
    public IEnumerable<Tool> Tools()
    {
        if (!options.Value.AllowImport)
        {
            yield break;
        }

        yield return new Tool
        {
            Name = AddTool,
            Title = "Add an article",
            Description = "Imports a web page, PDF or Word document from an http or https link, so ask and search answer on it too. structuredContent has the article (id, title, byline, url, source, kind, bytes) or, when refused, isError with the reason (private address, too large, not an article, duplicate, no text).",
            InputSchema = JsonSerializer.SerializeToElement(new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject { ["url"] = new JsonObject { ["type"] = "string", ["description"] = "An http or https link.", ["maxLength"] = MaxUrlChars } },
                ["required"] = new JsonArray("url"),
                ["additionalProperties"] = false,
            }),
        };
        yield return new Tool
        {
            Name = ListTool,
            Title = "List added articles",
            Description = "The imported articles: structuredContent {articles: [{id, title, byline, url, source, kind, bytes, importedAt}]}.",
            InputSchema = JsonSerializer.SerializeToElement(new JsonObject { ["type"] = "object", ["properties"] = new JsonObject(), ["additionalProperties"] = false }),
        };
    }

    /// <summary>Runs an import tool; null when <paramref name="name"/> is not one (or import is not allowed).</summary>
    public async Task<CallToolResult?> TryCallAsync(string name, IDictionary<string, JsonElement> arguments, CancellationToken cancellationToken)
    {
        if (!options.Value.AllowImport || name is not (AddTool or ListTool))
        {
            return null;
        }

        var importer = services.GetRequiredService<ArticleImporter>();
        if (name == ListTool)
        {
            return arguments.Count > 0
                ? Error($"The arguments of {ListTool} are wrong: unknown argument '{Cut(arguments.Keys.First())}' (the tool takes none).")
                : Success(new JsonObject { ["articles"] = new JsonArray([.. importer.List().Select(Describe)]) });
        }

        if (arguments.Keys.FirstOrDefault(k => k != "url") is { } unknown)
        {
            return Error($"The arguments of {AddTool} are wrong: unknown argument '{Cut(unknown)}' (the tool takes url).");
        }

        if (!arguments.TryGetValue("url", out var value) || value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 and <= MaxUrlChars } url)
        {
            return Error($"The arguments of {AddTool} are wrong: url must be an http or https link of at most {MaxUrlChars} characters.");
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var link) || (link.Scheme != Uri.UriSchemeHttp && link.Scheme != Uri.UriSchemeHttps))
        {
            return Error($"Refused '{Cut(url)}': {AddTool} takes an http or https link, not a file or another kind of address.");
        }

        try
        {
            var article = await importer.ImportAsync(link.AbsoluteUri, cancellationToken);

            // Searched at once: the watcher would see it within seconds, this makes the next ask see it.
            if (services.GetService<SeedsWatcher>() is { } watcher)
            {
                watcher.CheckOnce();
            }
            else
            {
                services.GetRequiredService<ArticleSearch>().Reload(services.GetRequiredService<ArticleBot.Core.Corpus.CorpusLoader>().Load());
            }

            return Success(Describe(article));
        }
        catch (ImportRefusedException refused)
        {
            return Error($"{refused.Message} (reason: {refused.Code})");
        }
    }

    private JsonObject Describe(StoredArticle article)
    {
        var search = services.GetRequiredService<ArticleSearch>();
        var source = search.Corpus.Documents.FirstOrDefault(d => d.Source.EndsWith("/" + article.SeedPath, StringComparison.Ordinal))?.Source;
        var node = JsonSerializer.SerializeToNode(article, s_json)!.AsObject();
        node["source"] = source;
        node.Remove("sha256");
        return node;
    }

    private static string Cut(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static CallToolResult Success(JsonObject structured)
    {
        var element = JsonSerializer.SerializeToElement(structured, s_json);
        return new CallToolResult { StructuredContent = element, Content = [new TextContentBlock { Text = element.GetRawText() }], IsError = false };
    }

    private static CallToolResult Error(string message) => new() { Content = [new TextContentBlock { Text = message }], IsError = true };
}
