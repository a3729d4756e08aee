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
        using var sample = JsonDocument.Parse(ReadmeSamples.SearchJson()); // the README's sample has exactly these fields
        Assert.Equal(ReadmeSamples.Shape(sample.RootElement), ReadmeSamples.Shape(json.RootElement));
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
    public async Task Eval_KindsFile_ShowsADashForMetricsThatNeedGold_AndItsTablesAgree()
    {
        // Arrange: kind lines (no gold passages, no gold answers): two answerable questions and a trap, from eval/kinds-dev.jsonl.
        var file = Path.Combine(Directory.CreateTempSubdirectory("articlebot-eval-").FullName, "kinds.jsonl");
        await File.WriteAllLinesAsync(file, File.ReadLines(Path.Combine(BotProcess.RepositoryRoot, "eval", "kinds-dev.jsonl"))
            .Where(l => l.Contains("\"id\":\"kd04\"", StringComparison.Ordinal) || l.Contains("\"id\":\"kd05\"", StringComparison.Ordinal) || l.Contains("\"id\":\"kd25\"", StringComparison.Ordinal)), Ct);

        // Act
        var run = await BotProcess.RunAsync(["eval", file], cancellationToken: Ct);

        // Assert: hit@k, MRR, first-sentence accuracy and citation precision do not apply; accuracy and abstention do.
        Assert.True(run.ExitCode == 0, run.Stderr);
        var rows = run.Stdout.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(r => r.Length > 0).ToList();
        var header = rows.First(r => r[0] == "lang");
        var all = rows.First(r => r[0] == "all");
        string Column(string name) => all[Array.IndexOf(header, name)];
        Assert.All(new[] { "hit@1", "hit@3", "hit@5", "mrr@10", "first-sent", "cite-prec" }, name => Assert.Equal("–", Column(name)));
        Assert.Equal(Column("accuracy"), rows.Single(r => r[0] == "answerable")[3]);
        Assert.Equal(Column("abstain"), rows.Single(r => r[0] == "trap")[3]);
        Assert.DoesNotContain("accuracy by kind", run.Stdout, StringComparison.Ordinal); // redirected: no charts
    }

    [Fact]
    public async Task Eval_OnATerminal_DrawsTheGateCalibrationAndTheKinds_AsCharts()
    {
        // A terminal is a pseudo-terminal from util-linux `script`; without it, the redirected form is all there is to test.
        Assert.SkipUnless(File.Exists("/usr/bin/script"), "util-linux `script` (to give the bot a terminal) is not installed");
        var file = Path.Combine(Directory.CreateTempSubdirectory("articlebot-eval-").FullName, "kinds.jsonl");
        await File.WriteAllLinesAsync(file, File.ReadLines(Path.Combine(BotProcess.RepositoryRoot, "eval", "kinds-dev.jsonl"))
            .Where(l => l.Contains("\"kind\":\"why\"", StringComparison.Ordinal) || l.Contains("\"kind\":\"trap\"", StringComparison.Ordinal)), Ct);
        var command = $"dotnet '{Path.Combine(BotProcess.OutputDirectory, "ArticleBot.dll")}' eval '{file}'";

        var start = new System.Diagnostics.ProcessStartInfo("/usr/bin/script", ["-qec", command, "/dev/null"])
        {
            WorkingDirectory = BotProcess.OutputDirectory,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("accuracy by kind", output, StringComparison.Ordinal);
        Assert.Contains("why (2)", output, StringComparison.Ordinal);
        Assert.Contains("gate: share right by chance", output, StringComparison.Ordinal);
        Assert.Contains("█", output, StringComparison.Ordinal);
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
}
