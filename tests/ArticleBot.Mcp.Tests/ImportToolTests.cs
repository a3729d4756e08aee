using System.Text;
using System.Text.Json;
using ArticleBot.Ingest.Tests;
using ArticleBot.Mcp.Tests.Fakes;

namespace ArticleBot.Mcp.Tests;

/// <summary>
/// <c>add_article</c> and <c>list_articles</c>: off unless <c>Mcp:AllowImport</c>; links only, under the Ingest
/// rules; an added article is answered on at the next <c>ask</c>, with its title and URL in the citations.
/// </summary>
public sealed class ImportToolTests : IDisposable
{
    private const string Page = """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>Harbour bridge reopens after repairs</title></head><body>
        <article><h1>Harbour bridge reopens after repairs</h1>
        <p>The harbour bridge reopened on Monday after eleven months of repairs that cost 48 million euros.</p>
        <p>Engineers replaced the main cables, which had corroded faster than the original design expected.</p>
        <p>The mayor, José Ortiz, said tolls would stay at two euros for cars and fall to zero for bicycles.</p>
        </article></body></html>
        """;

    private readonly string _seeds = Directory.CreateTempSubdirectory("articlebot-mcp-import-").FullName;

    public ImportToolTests() => File.Copy(Path.Combine(AppContext.BaseDirectory, "seeds", "ai-race-2026.txt"), Path.Combine(_seeds, "ai-race-2026.txt"));

    public void Dispose() => Directory.Delete(_seeds, recursive: true);

    private Dictionary<string, string?> Settings(bool allowImport, bool allowPrivate = true) => new()
    {
        ["Corpus:SeedsPath"] = _seeds,
        ["Mcp:AllowImport"] = allowImport ? "true" : "false",
        ["Ingest:AllowPrivateAddresses"] = allowPrivate ? "true" : "false",
    };

    private static async Task<string[]> ToolNamesAsync(McpSession session) =>
        [.. (await session.RequestAsync("tools/list")).GetProperty("result").GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString()!)];

    [Fact]
    public async Task Import_tools_are_off_by_default()
    {
        await using var session = await McpSession.StartInitializedAsync(Settings(allowImport: false));

        Assert.DoesNotContain("add_article", await ToolNamesAsync(session));
        var response = await session.RequestAsync("tools/call", """{"name":"add_article","arguments":{"url":"http://example.com/"}}""");
        Assert.True(response.TryGetProperty("error", out _) || response.GetProperty("result").GetProperty("isError").GetBoolean(), response.GetRawText());
        Assert.Equal(["ai-race-2026.txt"], Directory.GetFileSystemEntries(_seeds).Select(Path.GetFileName));
    }

    [Fact]
    public async Task An_added_link_is_listed_and_answered_at_once_with_its_title_and_url()
    {
        using var server = new PageServer();
        server.Serve("/bridge", PageResponse.Ok("text/html", Encoding.UTF8.GetBytes(Page)));
        var url = server.Url("/bridge").AbsoluteUri;
        await using var session = await McpSession.StartInitializedAsync(Settings(allowImport: true));
        Assert.Contains("list_articles", await ToolNamesAsync(session));

        var added = await session.CallToolAsync("add_article", $$"""{"url":"{{url}}"}""");

        Assert.False(added.GetProperty("isError").GetBoolean(), added.GetRawText());
        var article = added.GetProperty("structuredContent");
        Assert.Equal("Harbour bridge reopens after repairs", article.GetProperty("title").GetString());
        var list = await session.CallToolAsync("list_articles", "{}");
        Assert.Equal(article.GetProperty("id").GetString(), Assert.Single(list.GetProperty("structuredContent").GetProperty("articles").EnumerateArray()).GetProperty("id").GetString());

        var answer = (await session.CallToolAsync("ask", """{"question":"How much did the harbour bridge repairs cost?"}""")).GetProperty("structuredContent");
        Assert.True(answer.GetProperty("grounded").GetBoolean(), answer.GetRawText());
        var citation = answer.GetProperty("citations").EnumerateArray().First(c => c.GetProperty("source").GetString()!.Contains("/imported/", StringComparison.Ordinal));
        Assert.Contains("48 million euros", citation.GetProperty("quote").GetString(), StringComparison.Ordinal);
        var resources = (await session.RequestAsync("resources/list")).GetProperty("result").GetProperty("resources").EnumerateArray();
        Assert.Contains(resources, r => r.GetProperty("name").GetString() == article.GetProperty("source").GetString());
    }

    [Theory]
    [InlineData("/etc/passwd", "http or https link")]
    [InlineData("file:///etc/passwd", "http or https link")]
    [InlineData("http://127.0.0.1:9/", "private-address")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "private-address")]
    public async Task Paths_other_schemes_and_private_addresses_are_refused(string url, string expected)
    {
        await using var session = await McpSession.StartInitializedAsync(Settings(allowImport: true, allowPrivate: false));

        var result = await session.CallToolAsync("add_article", JsonSerializer.Serialize(new { url }));

        Assert.True(result.GetProperty("isError").GetBoolean(), result.GetRawText());
        Assert.Contains(expected, result.GetProperty("content")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(["ai-race-2026.txt"], Directory.GetFileSystemEntries(_seeds).Select(Path.GetFileName));
    }
}
