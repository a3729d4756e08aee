namespace ArticleBot.Mcp;

/// <summary>
/// ArticleBot as an MCP server. Section <c>Mcp</c>:
/// <code>
/// "Mcp": { "ExposePlugins": false }
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
}
