using ArticleBot.Abstractions;
using ArticleBot.Core.Answering;
using ArticleBot.Core.Citations;

namespace ArticleBot.Mcp;

/// <summary>
/// A citation as MCP tool results carry it: <see cref="Quote"/> is exactly the seed file's text at
/// [<see cref="Start"/>, <see cref="End"/>) (UTF-16 code units), and <see cref="Uri"/> reads the passage as a resource.
/// </summary>
public sealed record McpCitation(int N, string PassageId, string Source, string? Section, int Start, int End, string Quote, string Uri)
{
    /// <summary>From a verified answer citation.</summary>
    public static McpCitation From(Citation citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        return new(citation.N, citation.PassageId, citation.Source, citation.Section, citation.Start, citation.End, citation.Quote, ArticleResources.PassageUri(citation.PassageId));
    }

    /// <summary>From a passage returned in a turn, numbered <paramref name="n"/>.</summary>
    public static McpCitation From(int n, Passage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        return new(n, passage.Id, passage.Source, passage.Section, passage.Start, passage.End, passage.Text, ArticleResources.PassageUri(passage.Id));
    }
}
