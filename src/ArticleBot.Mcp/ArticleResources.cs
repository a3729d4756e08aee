using System.Text.Json.Nodes;
using ArticleBot.Core.Corpus;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace ArticleBot.Mcp;

/// <summary>
/// The seed articles as MCP resources: <c>article://&lt;source&gt;</c> is a whole seed file (e.g.
/// <c>article://seeds/ai-race-2026.txt</c>), and <c>passage://{id}</c> one passage (its id percent-encoded, as an
/// RFC 6570 template expands it: <c>passage://ai-race-2026%23p3</c>). A passage's metadata gives its source and offsets.
/// </summary>
public sealed class ArticleResources(ArticleBot.Core.Search.ArticleSearch search)
{
    /// <summary>The current corpus: articles added or removed while the server runs are listed at the next request.</summary>
    private ArticleCorpus Corpus => search.Corpus;

    /// <summary>The scheme of whole articles.</summary>
    public const string ArticleScheme = "article://";

    /// <summary>The scheme of passages.</summary>
    public const string PassageScheme = "passage://";

    /// <summary>The URI of a passage.</summary>
    public static string PassageUri(string passageId) => PassageScheme + Uri.EscapeDataString(passageId);

    /// <summary>The URI of a seed file: each segment of its source percent-encoded (spaces, non-ASCII names), slashes kept.</summary>
    public static string ArticleUri(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ArticleScheme + string.Join('/', source.Split('/').Select(Uri.EscapeDataString));
    }

    /// <summary>Every seed article.</summary>
    public ListResourcesResult List() => new()
    {
        Resources = Corpus.Documents.Select(d => new Resource
        {
            Uri = ArticleUri(d.Source),
            Name = d.Source,
            Title = Path.GetFileNameWithoutExtension(d.Source),
            Description = $"The seed article {d.Source} ({d.Text.Length} characters, {Corpus.Passages.Count(p => p.Source == d.Source)} passages). Citation offsets are UTF-16 code units into this text.",
            MimeType = MimeType(d.Source),
        }).ToList(),
    };

    /// <summary>The passage template.</summary>
    public static ListResourceTemplatesResult Templates() => new()
    {
        ResourceTemplates =
        [
            new ResourceTemplate
            {
                UriTemplate = PassageScheme + "{id}",
                Name = "passage",
                Title = "A passage of the article",
                Description = "One passage by its id (e.g. ai-race-2026#p3, as citations give it). Its _meta holds source, section, start and end.",
                MimeType = "text/plain",
            },
        ],
    };

    /// <summary>Reads an article or a passage.</summary>
    /// <exception cref="McpProtocolException">The URI names nothing here.</exception>
    public ReadResourceResult Read(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.StartsWith(ArticleScheme, StringComparison.Ordinal) && Corpus.GetDocument(Uri.UnescapeDataString(uri[ArticleScheme.Length..])) is { } document)
        {
            return new ReadResourceResult { Contents = [new TextResourceContents { Uri = uri, MimeType = MimeType(document.Source), Text = document.Text }] };
        }

        if (uri.StartsWith(PassageScheme, StringComparison.Ordinal) && Corpus.GetPassage(Uri.UnescapeDataString(uri[PassageScheme.Length..])) is { } passage)
        {
            return new ReadResourceResult
            {
                Contents =
                [
                    new TextResourceContents
                    {
                        Uri = uri,
                        MimeType = "text/plain",
                        Text = passage.Text,
                        Meta = new JsonObject
                        {
                            ["passageId"] = passage.Id,
                            ["source"] = passage.Source,
                            ["section"] = passage.Section,
                            ["start"] = passage.Start,
                            ["end"] = passage.End,
                            ["article"] = ArticleUri(passage.Source),
                        },
                    },
                ],
            };
        }

        throw new McpProtocolException($"No resource '{uri}'. Articles are {string.Join(", ", Corpus.Documents.Select(d => ArticleUri(d.Source)))}; passages are passage://<id> with the id percent-encoded.", McpErrorCode.ResourceNotFound);
    }

    private static string MimeType(string source) => source.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? "text/markdown" : "text/plain";
}
