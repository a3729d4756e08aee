using System.Text.Json;
using ArticleBot.Abstractions;
using ArticleBot.Core.Plugins.Mcp;
using ModelContextProtocol.Protocol;

namespace ArticleBot.Core.Tests.Plugins.Mcp;

public sealed class McpToolFunctionsTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    [Fact]
    public void AsPassages_PassageSearchShape_BecomesPassages()
    {
        var result = McpToolFunctions.AsPassages(Json("""{"query":"廣告","passages":[{"n":2,"id":"ai-race-2026#p4","section":"S","text":"t"},{"id":"x#p1","text":"u"}]}"""));

        Assert.NotNull(result);
        Assert.Equal("廣告", result.Query);
        Assert.Equal([new FoundPassage(2, "ai-race-2026#p4", "S", "t"), new FoundPassage(2, "x#p1", null, "u")], result.Passages);
    }

    [Theory]
    [InlineData("""{"count":3}""")]
    [InlineData("""{"passages":"none"}""")]
    [InlineData("""{"passages":[{"id":"a#p1"}]}""")]
    [InlineData("""[1,2]""")]
    public void AsPassages_OtherShapes_AreNotPassages(string json) => Assert.Null(McpToolFunctions.AsPassages(Json(json)));

    [Fact]
    public void MapResult_TextStaysText_PassageJsonTextBecomesPassages_StructuredWins()
    {
        var text = new CallToolResult { Content = [new TextContentBlock { Text = "hello" }] };
        var jsonText = new CallToolResult { Content = [new TextContentBlock { Text = """{"query":"q","passages":[{"id":"a#p1","text":"t"}]}""" }] };
        var structured = new CallToolResult { Content = [new TextContentBlock { Text = "3 passages" }], StructuredContent = Json("""{"passages":[{"id":"a#p2","text":"t"}]}""") };

        Assert.Equal("hello", McpToolFunctions.MapResult("s", "t", text));
        Assert.Equal("a#p1", Assert.Single(Assert.IsType<PassageSearchResult>(McpToolFunctions.MapResult("s", "t", jsonText)).Passages).Id);
        Assert.Equal("a#p2", Assert.Single(Assert.IsType<PassageSearchResult>(McpToolFunctions.MapResult("s", "t", structured)).Passages).Id);
    }

    [Fact]
    public void MapResult_ToolError_Throws_WithTheToolsMessage()
    {
        var error = new CallToolResult { Content = [new TextContentBlock { Text = "bad input" }], IsError = true };

        var exception = Assert.Throws<McpPluginException>(() => McpToolFunctions.MapResult("wordcount", "count_words", error));

        Assert.Equal("wordcount.count_words returned an error: bad input", exception.Message);
    }

    [Theory]
    [InlineData("count-words", "count_words")]
    [InlineData("a.b c", "a_b_c")]
    [InlineData("", "tool")]
    public void SafeName_KeepsWhatSemanticKernelAccepts(string name, string expected) => Assert.Equal(expected, McpToolFunctions.SafeName(name));
}
