using System.Text.Json;

namespace ArticleBot.EndToEnd.Tests;

/// <summary>The README's quickstart as a newcomer types it: <c>dotnet run</c> from the clone, output piped to a parser.</summary>
public sealed class QuickstartTests
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
}
