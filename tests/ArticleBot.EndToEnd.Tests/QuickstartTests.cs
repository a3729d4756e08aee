using System.Text.Json;
using System.Text.RegularExpressions;

namespace ArticleBot.EndToEnd.Tests;

/// <summary>The README's quickstart as a newcomer types it: <c>dotnet run</c> from the clone, output piped to a parser.</summary>
[Collection(DotnetBuilds.Name)]
public sealed partial class QuickstartTests
{
    [Fact]
    public async Task DotnetRun_AskJson_WritesOnlyJsonToStdout()
    {
        // Act: exactly the README's command, from the repository root (no --no-build: restore and build run too).
        var run = await PluginGuideTests.RunAsync(
            "dotnet",
            ["run", "--project", "src/ArticleBot", "--", "ask", "OpenAI的廣告業務每年可能帶來多少收入？", "--json"],
            BotProcess.RepositoryRoot);

        // Assert: stdout is one JSON object and nothing else (no build warnings, no logs).
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Contains("250億美元", json.RootElement.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal(run.Stdout.Trim(), json.RootElement.GetRawText());
    }

    [Fact]
    public async Task Readme_QuickstartOutput_IsWhatTheBotPrints()
    {
        // Arrange: the README's first command and the output it shows under it.
        var readme = await File.ReadAllTextAsync(Path.Combine(BotProcess.RepositoryRoot, "README.md"), TestContext.Current.CancellationToken);
        var quickstart = QuickstartRegex().Match(readme.ReplaceLineEndings("\n"));
        Assert.True(quickstart.Success, "README.md has no quickstart command with its output");
        var question = quickstart.Groups["question"].Value;

        // Act: the same question to the built executable (what dotnet run starts).
        var run = await BotProcess.RunAsync(["ask", question], cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(quickstart.Groups["output"].Value.Trim(), run.Stdout.ReplaceLineEndings("\n").Trim());
    }

    [Fact]
    public async Task Readme_JsonSamples_HaveExactlyTheFieldsTheBotWrites()
    {
        // Arrange: the README's `ask --json` block and its `search --json` line.
        var readme = (await File.ReadAllTextAsync(Path.Combine(BotProcess.RepositoryRoot, "README.md"), TestContext.Current.CancellationToken)).ReplaceLineEndings("\n");
        var askSample = AskSampleRegex().Match(readme);
        var searchSample = SearchSampleRegex().Match(readme);
        Assert.True(askSample.Success && searchSample.Success, "README.md has no ask --json or search --json sample");

        // Act
        var ask = await BotProcess.RunAsync(["ask", "--json", "OpenAI的廣告業務每年可能帶來多少收入？"], cancellationToken: TestContext.Current.CancellationToken);
        var search = await BotProcess.RunAsync(["search", "--json", "騰訊", "--top", "1"], cancellationToken: TestContext.Current.CancellationToken);

        // Assert: the same property names, at every level, in the same order.
        using var askExpected = JsonDocument.Parse(askSample.Groups["json"].Value);
        using var askActual = JsonDocument.Parse(ask.Stdout);
        Assert.Equal(Shape(askExpected.RootElement), Shape(askActual.RootElement));
        using var searchExpected = JsonDocument.Parse(searchSample.Groups["json"].Value);
        using var searchActual = JsonDocument.Parse(search.Stdout);
        Assert.Equal(Shape(searchExpected.RootElement), Shape(searchActual.RootElement));
    }

    /// <summary>The property names of an element, nested: arrays by their first item.</summary>
    private static string Shape(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().Select(p => $"{p.Name}:{Shape(p.Value)}")) + "}",
        JsonValueKind.Array => "[" + (element.GetArrayLength() > 0 ? Shape(element[0]) : string.Empty) + "]",
        _ => string.Empty,
    };

    [GeneratedRegex("`ask --json` writes one object per answer:\n\n```json\n(?<json>(?:.*\n)*?)```")]
    private static partial Regex AskSampleRegex();

    [GeneratedRegex("`search --json` writes `(?<json>[^`]+)`")]
    private static partial Regex SearchSampleRegex();

    [GeneratedRegex("```bash\ndotnet run --project src/ArticleBot -- ask \"(?<question>[^\"]+)\"\n(?:.*\n)*?```\n\n```text\n(?<output>(?:.*\n)*?)```")]
    private static partial Regex QuickstartRegex();
}
