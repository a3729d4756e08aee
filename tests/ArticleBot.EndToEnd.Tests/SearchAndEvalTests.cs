using System.Text.Json;

namespace ArticleBot.EndToEnd.Tests;

public sealed class SearchAndEvalTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SearchJson_RanksPassagesWithExactOffsets()
    {
        var run = await BotProcess.RunAsync(["search", "ChatGPT周活", "--top", "3", "--json"], cancellationToken: Ct);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("ChatGPT周活", json.RootElement.GetProperty("query").GetString());
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.InRange(results.Count, 1, 3);
        Assert.Equal(Enumerable.Range(1, results.Count), results.Select(r => r.GetProperty("rank").GetInt32()));
        Assert.Contains("9億", results[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        var seed = await File.ReadAllTextAsync(BotProcess.SeedFile, Ct);
        Assert.All(results, r => Assert.Equal(seed[r.GetProperty("start").GetInt32()..r.GetProperty("end").GetInt32()], r.GetProperty("text").GetString()));
        Assert.All(results, r => Assert.True(r.GetProperty("score").GetDouble() > 0));
    }

    [Fact]
    public async Task Search_BadTop_ExitsWith2()
    {
        var run = await BotProcess.RunAsync(["search", "騰訊", "--top", "0"], cancellationToken: Ct);

        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public async Task Eval_DevSet_PrintsMetricsPerLanguage()
    {
        var devSet = Path.Combine(AppContext.BaseDirectory, "eval", "dev.jsonl");

        var table = await BotProcess.RunAsync(["eval", devSet], cancellationToken: Ct);
        var json = await BotProcess.RunAsync(["eval", devSet, "--json"], cancellationToken: Ct);

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("zh-Hant", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("hit@3", table.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, json.ExitCode);
        using var report = JsonDocument.Parse(json.Stdout);
        Assert.True(report.RootElement.GetProperty("overall").GetProperty("hitAt3").GetDouble() >= 0.95);
        Assert.Equal(3, report.RootElement.GetProperty("byLanguage").GetArrayLength());
    }

    [Fact]
    public async Task Eval_MissingFile_ExitsWith2()
    {
        var run = await BotProcess.RunAsync(["eval", "/no/such/file.jsonl"], cancellationToken: Ct);

        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public async Task Search_HelpAndUsage_MentionExplain()
    {
        var help = await BotProcess.RunAsync(["search", "--help"], cancellationToken: Ct);
        var empty = await BotProcess.RunAsync(["search", " "], cancellationToken: Ct);

        Assert.Contains("--explain", help.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, empty.ExitCode);
        Assert.Contains("[--explain]", empty.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("folder", "is a folder")]
    [InlineData("empty", "holds no questions")]
    [InlineData("no-question", "line 2: no \"question\"")]
    public async Task Eval_BadFile_IsOneLineNamingTheProblem_Exit2(string kind, string expected)
    {
        var folder = Directory.CreateTempSubdirectory("articlebot-eval-").FullName;
        try
        {
            var path = Path.Combine(folder, "set.jsonl");
            switch (kind)
            {
                case "folder":
                    Directory.CreateDirectory(path);
                    break;
                case "empty":
                    await File.WriteAllTextAsync(path, "\n", Ct);
                    break;
                default:
                    await File.WriteAllTextAsync(path, """
                        {"id":"q1","lang":"zh-Hant","question":"騰訊春節要分多少紅包？","gold":["10億"],"answers":["10億"]}
                        {"id":"q2","lang":"zh-Hant","gold":["x"],"answers":["x"]}
                        """, Ct);
                    break;
            }

            var run = await BotProcess.RunAsync(["eval", path], cancellationToken: Ct);

            Assert.Equal(2, run.ExitCode);
            Assert.Equal(string.Empty, run.Stdout);
            var error = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(expected, error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("NaN", "not a finite number")]
    [InlineData("single-class", "all 2 rows are right (1)")]
    public async Task FitGate_BadFeatures_AreRefused_Exit2(string kind, string expected)
    {
        var folder = Directory.CreateTempSubdirectory("articlebot-fit-").FullName;
        try
        {
            // The header and rows as `eval --gate-features` writes them: id, right, then the features.
            var header = await HeaderAsync(folder);
            var width = header.Split('\t').Length - 2;
            string Row(string id, int right, string first) => string.Join('\t', new[] { id, right.ToString(System.Globalization.CultureInfo.InvariantCulture), first }.Concat(Enumerable.Repeat("0.5", width - 1)));
            var path = Path.Combine(folder, "features.tsv");
            await File.WriteAllLinesAsync(path, kind == "NaN" ? [header, Row("q1", 1, "0.5"), Row("q2", 0, "NaN")] : [header, Row("q1", 1, "0.5"), Row("q2", 1, "0.25")], Ct);

            var run = await BotProcess.RunAsync(["fit-gate", path], cancellationToken: Ct);

            Assert.Equal(2, run.ExitCode);
            Assert.Equal(string.Empty, run.Stdout);
            Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
            if (kind == "NaN")
            {
                Assert.Contains("line 3:", run.Stderr, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The header line of a gate feature file, from a real `eval --gate-features` run on one question.</summary>
    private static async Task<string> HeaderAsync(string folder)
    {
        var set = Path.Combine(folder, "one.jsonl");
        var features = Path.Combine(folder, "one.tsv");
        await File.WriteAllTextAsync(set, """{"id":"q1","lang":"zh-Hant","question":"騰訊春節要分多少紅包？","gold":["10億"],"answers":["10億"]}""" + "\n", Ct);
        var run = await BotProcess.RunAsync(["eval", set, "--gate-features", features], cancellationToken: Ct);
        Assert.Equal(0, run.ExitCode);
        return (await File.ReadAllLinesAsync(features, Ct))[0];
    }
}
