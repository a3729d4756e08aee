using System.Text.Json;

namespace ArticleBot.EndToEnd.Tests;

/// <summary>
/// `ask`. The tests of the answer's content ask the shared <c>ask --json -</c> process (<see cref="BotSessions"/>); the
/// argument path, the plain-text rendering, end of input and the exit codes each start their own.
/// </summary>
public sealed class AskTests(BotSessions sessions)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ask_ChineseQuestion_PrintsTheAnswerWithSources()
    {
        // Act: the README's quickstart question; QuickstartTests.Readme_QuickstartOutput compares the same run with the README.
        var run = await BotProcess.RunSharedAsync(["ask", "OpenAI的廣告業務每年可能帶來多少收入？"]);

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("250億美元", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("[1]", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Sources:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("ai-race-2026#p", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("腾讯春节活动要分多少现金红包？", "10億")]
    [InlineData("How much annual revenue could the ad business bring OpenAI?", "250億")]
    public async Task AskJson_FollowsTheContractAndQuotesTheSeedExactly(string question, string expected)
    {
        // The same renderer answers `ask "<question>" --json` (StartedFromAnotherFolder, DefaultLevelInformation and
        // AskJson_OddInputAsAnArgument run that path).
        var root = (await sessions.AskJson.ExchangeAsync(question)).Single();

        Assert.Equal(question, root.GetProperty("question").GetString());
        Assert.Contains(expected, root.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.True(root.GetProperty("grounded").GetBoolean());
        Assert.Equal("extractive", root.GetProperty("backend").GetString());
        var seed = await File.ReadAllTextAsync(BotProcess.SeedFile, Ct);
        foreach (var citation in root.GetProperty("citations").EnumerateArray())
        {
            Assert.True(citation.GetProperty("n").GetInt32() >= 1);
            Assert.StartsWith("ai-race-2026#p", citation.GetProperty("passageId").GetString(), StringComparison.Ordinal);
            Assert.Equal("seeds/ai-race-2026.txt", citation.GetProperty("source").GetString());
            Assert.True(citation.TryGetProperty("section", out _));
            var start = citation.GetProperty("start").GetInt32();
            var end = citation.GetProperty("end").GetInt32();
            Assert.Equal(seed[start..end], citation.GetProperty("quote").GetString());
        }
    }

    [Fact]
    public async Task AskJson_Unanswerable_IsNotGrounded()
    {
        var answer = (await sessions.AskJson.ExchangeAsync("明天台北的天氣如何？")).Single();

        Assert.False(answer.GetProperty("grounded").GetBoolean());
        Assert.Equal(0, answer.GetProperty("citations").GetArrayLength());
    }

    [Fact]
    public async Task AskBatch_ReadsOneQuestionPerLine_SkipsBlankLines_WritesOneJsonPerQuestion()
    {
        // Arrange: blank lines, a whitespace line, odd characters and a 100 KB line.
        var huge = string.Concat(Enumerable.Repeat("騰訊紅包", 25_000));
        var stdin = string.Join('\n', "英偉達的市值突破了多少？", string.Empty, "   ", "What share of Anthropic's revenue comes from B2B?", "\u202E😀\u0007騰訊\u200B", huge, "？？？", string.Empty);

        // Act: three questions at once, and one after another (the default).
        var run = await BotProcess.RunAsync(["ask", "--json", "-", "--parallel", "3"], stdin, cancellationToken: Ct);
        var oneByOne = await BotProcess.RunAsync(["ask", "--json", "-", "--parallel", "1"], stdin, cancellationToken: Ct);

        // Assert: the same answers, in the input's order.
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(oneByOne.Stdout, run.Stdout);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            Assert.True(json.RootElement.TryGetProperty("answer", out _));
        }

        Assert.Contains("5萬億", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_RecordsItsStartForTheNextRun_InTheUsersCacheFolder_AndRunsWhereItCannotWrite()
    {
        // Arrange: a cache folder of the test's own, and one that is a file (nothing can be written under it).
        var cache = Directory.CreateTempSubdirectory("articlebot-xdg-").FullName;
        try
        {
            var blocked = Path.Combine(cache, "a-file");
            await File.WriteAllTextAsync(blocked, "x", Ct);

            // …and the profile folders of ten other executables (build outputs, published copies) started long ago,
            // the first the oldest, beside a folder that is not a profile folder.
            var stale = Enumerable.Range(0, 10).Select(i => Directory.CreateDirectory(Path.Combine(cache, "articlebot", $"jit-0000000{i}")).FullName).ToList();
            for (var i = 0; i < stale.Count; i++)
            {
                await File.WriteAllTextAsync(Path.Combine(stale[i], "startup-ask-1.jitprofile"), "x", Ct);
                Directory.SetLastWriteTimeUtc(stale[i], new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(i));
            }

            var other = Directory.CreateDirectory(Path.Combine(cache, "articlebot", "not-a-profile")).FullName;

            // Act
            var run = await BotProcess.RunAsync(["ask", "騰訊"], environment: new Dictionary<string, string> { ["XDG_CACHE_HOME"] = cache }, cancellationToken: Ct);
            var again = await BotProcess.RunAsync(["ask", "騰訊"], environment: new Dictionary<string, string> { ["XDG_CACHE_HOME"] = cache }, cancellationToken: Ct);
            var profiles = Directory.GetFiles(Path.Combine(cache, "articlebot"), "*.jitprofile", SearchOption.AllDirectories).Where(p => !stale.Contains(Path.GetDirectoryName(p)!)).ToArray();
            var folders = Directory.GetDirectories(Path.Combine(cache, "articlebot"));
            var otherSettings = await BotProcess.RunAsync(["ask", "騰訊", "--Retrieval:TopK=4"], environment: new Dictionary<string, string> { ["XDG_CACHE_HOME"] = cache }, cancellationToken: Ct);
            var unwritable = await BotProcess.RunAsync(["ask", "騰訊"], environment: new Dictionary<string, string> { ["XDG_CACHE_HOME"] = blocked }, cancellationToken: Ct);

            // Assert: the multi-core JIT profile of `ask` under these settings, in articlebot/jit-HASH, and another
            // for other settings (a profile replays the assemblies its run loaded); the same answers every time.
            Assert.Equal(0, run.ExitCode);
            var profile = Assert.Single(profiles);
            Assert.StartsWith("startup-ask-", Path.GetFileName(profile), StringComparison.Ordinal);
            Assert.True(new FileInfo(profile).Length > 0);
            Assert.Equal(2, Directory.GetFiles(Path.GetDirectoryName(profile)!, "startup-ask-*.jitprofile").Length);
            Assert.Equal((0, run.Stdout, string.Empty), (again.ExitCode, again.Stdout, again.Stderr));
            Assert.Equal(0, otherSettings.ExitCode);
            Assert.Equal((0, run.Stdout, string.Empty), (unwritable.ExitCode, unwritable.Stdout, unwritable.Stderr));

            // Of the other executables' folders, those of the seven started last are kept (eight with this one's).
            Assert.Equal(stale.Skip(3).Append(Path.GetDirectoryName(profile)!).Append(other).Order(StringComparer.Ordinal), folders.Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Ask_EmptyQuestion_PrintsUsageAndExitsWith2(string question)
    {
        var run = await BotProcess.RunAsync(["ask", question], cancellationToken: Ct);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("usage:", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("many")]
    public async Task AskBatch_BadParallel_SaysSo_ExitsWith2(string parallel)
    {
        var run = await BotProcess.RunAsync(["ask", "--json", "-", "--parallel", parallel], "英偉達的市值突破了多少？\n", cancellationToken: Ct);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--parallel", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public async Task Ask_NoQuestion_ExitsWith2()
    {
        var run = await BotProcess.RunAsync(["ask"], cancellationToken: Ct);

        Assert.Equal(2, run.ExitCode);
    }

    [Theory]
    [InlineData("\u0001\u0002控制字元")]
    [InlineData("\u200B\u200D\u202E\u2066bidi")]
    [InlineData("😀🙃𠀀")]
    [InlineData("!!!???...")]
    public async Task AskJson_OddInput_AlwaysValidJson(string question)
    {
        var answer = (await sessions.AskJson.ExchangeAsync(question)).Single(); // parsed as JSON, else it throws

        Assert.False(string.IsNullOrEmpty(answer.GetProperty("answer").GetString()));
    }

    [Fact]
    public async Task AskJson_OddInputAsAnArgument_IsValidJson()
    {
        // The argument path, with control characters (the rows above go through the shared stdin process).
        var run = await BotProcess.RunAsync(["ask", "--json", "\u0001\u0002控制字元"], cancellationToken: Ct);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("answer").GetString()));
    }

    [Fact]
    public async Task UnknownCommand_ExitsWith2()
    {
        var run = await BotProcess.RunAsync(["frobnicate"], cancellationToken: Ct);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error", run.Stderr, StringComparison.Ordinal);
    }
}
