using System.Text.Json;
using System.Text.RegularExpressions;

namespace ArticleBot.EndToEnd.Tests;

/// <summary>The README's quickstart as a newcomer types it: <c>dotnet run</c> from the clone, output piped to a parser.</summary>
[Collection(DotnetBuilds.Name)]
public sealed partial class QuickstartTests
{
    [Fact]
    [Trait("Category", "Soak")] // builds with the .NET SDK inside the test: run by .ci/run's soak step, not by plain `dotnet test`
    public async Task DotnetRun_AskJson_WritesOnlyJsonToStdout()
    {
        // Act: exactly the README's command, from the repository root (no --no-build: restore and build run too).
        var run = await PluginGuideTests.RunAsync(
            "dotnet",
            ["run", "--project", "src/ArticleBot", "--", "ask", "OpenAI的廣告業務每年可能帶來多少收入？", "--json"],
            BotProcess.RepositoryRoot);

        // Assert: stdout is one JSON object and nothing else (no build warnings, no logs), with exactly the fields of
        // the README's sample.
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Contains("250億美元", json.RootElement.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal(run.Stdout.Trim(), json.RootElement.GetRawText());
        using var sample = JsonDocument.Parse(ReadmeSamples.AskJson());
        Assert.Equal(ReadmeSamples.Shape(sample.RootElement), ReadmeSamples.Shape(json.RootElement));
    }

    [Fact]
    public async Task Readme_QuickstartOutput_IsWhatTheBotPrints()
    {
        // Arrange: the README's first command and the output it shows under it.
        var readme = await File.ReadAllTextAsync(Path.Combine(BotProcess.RepositoryRoot, "README.md"), TestContext.Current.CancellationToken);
        var quickstart = QuickstartRegex().Match(readme.ReplaceLineEndings("\n"));
        Assert.True(quickstart.Success, "README.md has no quickstart command with its output");
        var question = quickstart.Groups["question"].Value;

        // Act: the same question to the built executable (what dotnet run starts); AskTests.Ask_ChineseQuestion checks
        // the same run's answer and sources, when the README asks its question.
        var run = await BotProcess.RunSharedAsync(["ask", question]);

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(quickstart.Groups["output"].Value.Trim(), run.Stdout.ReplaceLineEndings("\n").Trim());
    }

    [GeneratedRegex("```bash\ndotnet run --project src/ArticleBot -- ask \"(?<question>[^\"]+)\"\n(?:.*\n)*?```\n\n```text\n(?<output>(?:.*\n)*?)```")]
    private static partial Regex QuickstartRegex();
}
