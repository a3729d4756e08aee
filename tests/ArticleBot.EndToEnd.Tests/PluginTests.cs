using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace ArticleBot.EndToEnd.Tests;

/// <summary>The sample plugins and the call command, on the built executable (the guide itself: <see cref="PluginGuideTests"/>).</summary>
public sealed class PluginTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Executable_ShipsNoRoslyn()
    {
        var deps = File.ReadAllText(Path.Combine(BotProcess.OutputDirectory, "ArticleBot.deps.json"));

        Assert.DoesNotContain("Microsoft.CodeAnalysis", deps, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(BotProcess.OutputDirectory, "Microsoft.CodeAnalysis*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task SamplePlugins_AreListed_KeyFiguresAnswersOffline()
    {
        var list = await BotProcess.RunAsync(["plugins", "--json"], cancellationToken: Ct);
        var call = await BotProcess.RunAsync(["call", "KeyFigures.key_figures", "contains=騰訊"], cancellationToken: Ct);
        var simplified = await BotProcess.RunAsync(["call", "KeyFigures.key_figures", "contains=腾讯"], cancellationToken: Ct);

        Assert.Equal(0, list.ExitCode);
        using var json = JsonDocument.Parse(list.Stdout);
        var plugins = json.RootElement.GetProperty("plugins").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal("builtin", plugins["article"].GetProperty("kind").GetString());
        Assert.Equal("loaded", plugins["KeyFigures"].GetProperty("state").GetString());
        Assert.Equal("unavailable", plugins["ArticleWriter"].GetProperty("state").GetString());
        Assert.Contains("Llm:Provider", plugins["ArticleWriter"].GetProperty("reason").GetString(), StringComparison.Ordinal);
        var parameter = plugins["ArticleWriter"].GetProperty("functions")[0].GetProperty("parameters")[0];
        Assert.Equal(("topic", "string", true), (parameter.GetProperty("name").GetString(), parameter.GetProperty("type").GetString(), parameter.GetProperty("required").GetBoolean()));
        Assert.Equal(0, call.ExitCode);
        Assert.Contains("10億 — 騰訊宣布", call.Stdout, StringComparison.Ordinal);
        Assert.Equal(call.Stdout, simplified.Stdout); // the plugin folds its argument as questions are folded
    }

    [Fact]
    public async Task Call_BadArguments_ListTheParameters_Exit2()
    {
        var run = await BotProcess.RunAsync(["call", "KeyFigures.key_figures", "colour=red"], cancellationToken: Ct);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown argument colour", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("[contains=<string>]", run.Stderr, StringComparison.Ordinal);
    }
}
