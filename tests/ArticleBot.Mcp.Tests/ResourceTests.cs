using ArticleBot.Mcp.Tests.Fakes;

namespace ArticleBot.Mcp.Tests;

/// <summary>Seeds outside the content root, in a folder whose name has spaces and non-ASCII letters.</summary>
public sealed class ResourceTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("articlebot-mcp-seeds-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task SeedsOutsideTheRepository_HaveEncodedUris_AndSourcesNamedFromTheirFolder()
    {
        // Arrange
        var seeds = Directory.CreateDirectory(Path.Combine(_root, "cfg", "種子 folder ñ")).FullName;
        await File.WriteAllTextAsync(Path.Combine(seeds, "tencent news.txt"), "騰訊宣布春節活動。\n\n用戶上元寶App分10億現金紅包。\n", TestContext.Current.CancellationToken);
        await using var session = await McpSession.StartInitializedAsync(new Dictionary<string, string?> { ["Corpus:SeedsPath"] = seeds, ["Corpus:CachePath"] = string.Empty });

        // Act
        var resource = (await session.RequestAsync("resources/list")).GetProperty("result").GetProperty("resources")[0];
        var uri = resource.GetProperty("uri").GetString()!;
        var read = await session.RequestAsync("resources/read", $$"""{"uri":"{{uri}}"}""");
        var search = await session.CallToolAsync("search", """{"query":"紅包"}""");

        // Assert
        Assert.Equal("article://%E7%A8%AE%E5%AD%90%20folder%20%C3%B1/tencent%20news.txt", uri);
        Assert.Equal("種子 folder ñ/tencent news.txt", resource.GetProperty("name").GetString());
        Assert.Contains("10億", read.GetProperty("result").GetProperty("contents")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        var citation = search.GetProperty("structuredContent").GetProperty("citations")[0];
        Assert.Equal("種子 folder ñ/tencent news.txt", citation.GetProperty("source").GetString());
        Assert.DoesNotContain("..", citation.GetProperty("source").GetString(), StringComparison.Ordinal);
    }
}
