using System.ComponentModel.DataAnnotations;

namespace ArticleBot.Mcp;

/// <summary>
/// ArticleBot as an MCP server. Section <c>Mcp</c>:
/// <code>
/// "Mcp": { "ExposePlugins": false, "AllowedOrigins": [], "MaxRequestBytes": 1048576, "MaxArgumentChars": 4000 }
/// </code>
/// </summary>
public sealed class ArticleMcpOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Mcp";

    /// <summary>
    /// Also offer every loaded plugin's functions (compiled, prompt and MCP plugins) as tools named
    /// <c>&lt;Plugin&gt;_&lt;function&gt;</c>. Off by default: a client then sees the article tools only.
    /// </summary>
    public bool ExposePlugins { get; set; }

    /// <summary>
    /// Origins, besides loopback ones, whose web pages may call <c>mcp --http</c> (e.g. <c>https://inspector.example</c>).
    /// A request with any other <c>Origin</c>, or with a <c>Host</c> that is not a loopback name, gets 403: that is what
    /// stops a web page from reaching the server through DNS rebinding.
    /// </summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>
    /// Offer the <c>add_article</c> (an http or https link only, fetched under the <c>Ingest</c> rules) and
    /// <c>list_articles</c> tools. Off by default: a client then cannot change what the bot answers on.
    /// </summary>
    public bool AllowImport { get; set; }

    /// <summary>The largest request a client may send, in bytes (one stdio line, or one HTTP body).</summary>
    [Range(4096, 64 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>The longest text any tool argument may be, in characters (the schema says so too).</summary>
    [Range(1, 1_000_000)]
    public int MaxArgumentChars { get; set; } = 4000;
}
