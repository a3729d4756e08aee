using System.Text.Json;
using ArticleBot.Mcp.Tests.Fakes;

namespace ArticleBot.Mcp.Tests;

/// <summary>
/// Every problem with a tool's arguments is a tool error (<c>isError: true</c>) that says what is wrong: nothing is
/// converted, clamped or ignored, and the schema of <c>tools/list</c> states the same bounds.
/// </summary>
public sealed class ToolArgumentTests
{
    [Theory]
    [InlineData("search", """{"query":"騰訊","bogus":1}""", "unknown argument 'bogus'")]
    [InlineData("search", """{"query":"騰訊","top":null}""", "top is null")]
    [InlineData("search", """{"query":"騰訊","top":"x"}""", "top must be an integer from 0 to 20")]
    [InlineData("search", """{"query":"騰訊","top":"3"}""", "top must be an integer from 0 to 20")]
    [InlineData("search", """{"query":"騰訊","top":1e300}""", "top must be an integer from 0 to 20")]
    [InlineData("search", """{"query":"騰訊","top":2.5}""", "top must be an integer from 0 to 20")]
    [InlineData("search", """{"query":"騰訊","top":50}""", "top must be an integer from 0 to 20, not 50")]
    [InlineData("search", """{"query":"騰訊","top":-1}""", "top must be an integer from 0 to 20, not -1")]
    [InlineData("search", """{"query":123}""", "query must be a string")]
    [InlineData("search", """{}""", "missing query")]
    [InlineData("summarize", """{"sentences":99}""", "sentences must be an integer from 0 to 20, not 99")]
    [InlineData("summarize", """{"section":"middle"}""", "section 'middle' is not 'last'")]
    [InlineData("entities", """{"kind":"spaceship"}""", "kind 'spaceship' is not one of person, organization, product, place")]
    [InlineData("figures", """{"kind":"weight"}""", "kind 'weight' is not one of amount, percent, date, count")]
    [InlineData("get_passage", """{"id":"nope#p999"}""", "there is no passage 'nope#p999'")]
    [InlineData("outline", """{"x":1}""", "unknown argument 'x' (the tool takes none)")]
    [InlineData("ask", """{"question":123}""", "question must be a string, not 123")]
    [InlineData("ask", """{"question":"騰訊","extra":true}""", "unknown argument 'extra'")]
    [InlineData("ask", """{}""", "missing question")]
    public async Task BadArguments_AreAToolError_ThatSaysWhatIsWrong(string tool, string arguments, string expected)
    {
        await using var session = await McpSession.StartInitializedAsync();

        var result = await session.CallToolAsync(tool, arguments);

        Assert.True(result.GetProperty("isError").GetBoolean(), result.GetRawText());
        var text = result.GetProperty("content")[0].GetProperty("text").GetString();
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("search", "query")]
    [InlineData("ask", "question")]
    [InlineData("verify", "claim")]
    public async Task TextOverMaxArgumentChars_IsAToolError(string tool, string argument)
    {
        await using var session = await McpSession.StartInitializedAsync(new Dictionary<string, string?> { ["Mcp:MaxArgumentChars"] = "100" });

        var result = await session.CallToolAsync(tool, $$"""{"{{argument}}":"{{new string('騰', 101)}}"}""");

        Assert.True(result.GetProperty("isError").GetBoolean(), result.GetRawText());
        Assert.Contains($"{argument} is 101 characters long; at most 100", result.GetProperty("content")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToolsList_StatesTheBounds_InEverySchema()
    {
        await using var session = await McpSession.StartInitializedAsync();

        var tools = (await session.RequestAsync("tools/list")).GetProperty("result").GetProperty("tools").EnumerateArray()
            .ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("inputSchema"));

        var top = tools["article_search"].GetProperty("properties").GetProperty("top");
        Assert.Equal((0, 20), (top.GetProperty("minimum").GetInt32(), top.GetProperty("maximum").GetInt32()));
        Assert.Equal(4000, tools["ask"].GetProperty("properties").GetProperty("question").GetProperty("maxLength").GetInt32());
        foreach (var (name, schema) in tools)
        {
            Assert.False(schema.GetProperty("additionalProperties").GetBoolean(), name);
            foreach (var property in schema.GetProperty("properties").EnumerateObject())
            {
                var type = property.Value.GetProperty("type").GetString();
                Assert.True(type switch
                {
                    "string" => property.Value.TryGetProperty("maxLength", out _),
                    "integer" => property.Value.TryGetProperty("minimum", out _) && property.Value.TryGetProperty("maximum", out _),
                    _ => true,
                }, $"{name}.{property.Name} ({type}) has no bound");
            }
        }
    }

    [Fact]
    public async Task GoodArguments_StillWork()
    {
        await using var session = await McpSession.StartInitializedAsync();

        var search = await session.CallToolAsync("search", """{"query":"騰訊 紅包","top":3}""");
        var passage = await session.CallToolAsync("get_passage", """{"id":"ai-race-2026#p4"}""");

        Assert.False(search.GetProperty("isError").GetBoolean());
        Assert.InRange(search.GetProperty("structuredContent").GetProperty("result").GetProperty("passages").GetArrayLength(), 1, 3);
        Assert.False(passage.GetProperty("isError").GetBoolean());
        Assert.Equal("ai-race-2026#p4", passage.GetProperty("structuredContent").GetProperty("result").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Array, passage.GetProperty("structuredContent").GetProperty("citations").ValueKind);
    }
}
