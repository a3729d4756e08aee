using System.Text.Json;
using System.Text.RegularExpressions;

namespace ArticleBot.EndToEnd.Tests;

/// <summary>The README's JSON samples, for the tests that check them against what the bot writes.</summary>
internal static partial class ReadmeSamples
{
    private static string Readme => File.ReadAllText(Path.Combine(BotProcess.RepositoryRoot, "README.md")).ReplaceLineEndings("\n");

    /// <summary>The `ask --json` block.</summary>
    public static string AskJson() => AskSampleRegex().Match(Readme) is { Success: true } match
        ? match.Groups["json"].Value
        : throw new InvalidOperationException("README.md has no `ask --json` sample");

    /// <summary>The `search --json` line.</summary>
    public static string SearchJson() => SearchSampleRegex().Match(Readme) is { Success: true } match
        ? match.Groups["json"].Value
        : throw new InvalidOperationException("README.md has no `search --json` sample");

    /// <summary>The property names of an element, nested and in order: arrays by their first item.</summary>
    public static string Shape(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().Select(p => $"{p.Name}:{Shape(p.Value)}")) + "}",
        JsonValueKind.Array => "[" + (element.GetArrayLength() > 0 ? Shape(element[0]) : string.Empty) + "]",
        _ => string.Empty,
    };

    [GeneratedRegex("`ask --json` writes one object per answer:\n\n```json\n(?<json>(?:.*\n)*?)```")]
    private static partial Regex AskSampleRegex();

    [GeneratedRegex("`search --json` writes `(?<json>[^`]+)`")]
    private static partial Regex SearchSampleRegex();
}
