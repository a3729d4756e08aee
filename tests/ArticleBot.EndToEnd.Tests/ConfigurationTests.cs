using System.Text.Json;

namespace ArticleBot.EndToEnd.Tests;

public sealed class ConfigurationTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("articlebot-e2e-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public async Task BadSettings_OfTwoSections_StopTheStartWithExit2_NamingBothKeys()
    {
        var run = await BotProcess.RunAsync(["ask", "騰訊", "--Corpus:PassageTargetChars=5", "--Retrieval:MinCoverage=3"], cancellationToken: Ct);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("invalid configuration: Corpus:PassageTargetChars", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("; Retrieval:MinCoverage", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public async Task SettingThatIsNotANumber_StopsTheStartWithExit2NamingTheKey()
    {
        var run = await BotProcess.RunAsync(["ask", "騰訊", "--Retrieval:TopK=abc"], cancellationToken: Ct);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Retrieval:TopK", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public async Task MissingSeedsFolder_ExitsWith2NamingTheSetting()
    {
        var run = await BotProcess.RunAsync(["ask", "騰訊", $"--Corpus:SeedsPath={Path.Combine(_temp, "nope")}"], cancellationToken: Ct);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Corpus:SeedsPath", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingSeedsFolder_InChat_ExitsWith2()
    {
        var run = await BotProcess.RunAsync([], "騰訊\n", environment: new Dictionary<string, string> { ["Corpus__SeedsPath"] = Path.Combine(_temp, "nope") }, cancellationToken: Ct);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Corpus:SeedsPath", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedThatIsNotUtf8_IsNamedInAWarning_AndTheRestLoads()
    {
        // Arrange: the article plus a GBK-encoded file, in a seeds folder given through the environment.
        var seeds = Directory.CreateDirectory(Path.Combine(_temp, "seeds")).FullName;
        File.Copy(BotProcess.SeedFile, Path.Combine(seeds, "ai-race-2026.txt"));
        await File.WriteAllBytesAsync(Path.Combine(seeds, "legacy-gbk.txt"), [0xCC, 0xDA, 0xD1, 0xB6, 0xFF], Ct);

        // Act
        var run = await BotProcess.RunAsync(
            ["ask", "--json", "英偉達的市值突破了多少？"],
            environment: new Dictionary<string, string> { ["Corpus__SeedsPath"] = seeds },
            cancellationToken: Ct);

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("legacy-gbk.txt", run.Stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.True(json.RootElement.GetProperty("grounded").GetBoolean());
    }

    [Fact]
    public async Task UserSecrets_AreRead()
    {
        // Arrange: a user-secrets file in a private HOME (where `dotnet user-secrets set` writes on Linux).
        var secrets = Directory.CreateDirectory(Path.Combine(_temp, ".microsoft", "usersecrets", "articlebot-5f0c2b7e-6b8e-4a52-9a3e-0e1d2c3b4a59"));
        await File.WriteAllTextAsync(Path.Combine(secrets.FullName, "secrets.json"), "{\"Retrieval:TopK\": \"999\"}", Ct);

        // Act
        var run = await BotProcess.RunAsync(["ask", "騰訊"], environment: new Dictionary<string, string> { ["HOME"] = _temp }, cancellationToken: Ct);

        // Assert: the secret's (invalid) value was seen and rejected.
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Retrieval:TopK", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildOutput_ResolvesTheSettingsPathsFromTheFolderOfTheFileItWasCopiedFrom_AndAFolderWithoutItsSourceFromItsOwn()
    {
        // Arrange: a clone-like folder whose appsettings.json declares the sample MCP server and the seeds by relative
        // paths, and a build output (the executable, a copy of that file, and the build's note of where it came from).
        var clone = Directory.CreateDirectory(Path.Combine(_temp, "clone")).FullName;
        CopyFolder(Path.Combine(Directory.GetParent(BotProcess.OutputDirectory)!.Parent!.FullName, "McpWordCount", new DirectoryInfo(BotProcess.OutputDirectory).Name), Path.Combine(clone, "tools", "wordcount"));
        Directory.CreateDirectory(Path.Combine(clone, "articles"));
        File.Copy(BotProcess.SeedFile, Path.Combine(clone, "articles", "ai-race-2026.txt"));
        var settings = """
            { "Corpus": { "SeedsPath": "articles", "CachePath": "" },
              "Plugins": { "McpServers": { "wordcount": { "Command": "dotnet", "Args": ["tools/wordcount/McpWordCount.dll"] } } } }
            """;
        await File.WriteAllTextAsync(Path.Combine(clone, "appsettings.json"), settings, Ct);
        var output = Path.Combine(_temp, "output");
        CopyFolder(BotProcess.OutputDirectory, output);
        await File.WriteAllTextAsync(Path.Combine(output, "appsettings.json"), settings, Ct);
        await File.WriteAllTextAsync(Path.Combine(output, "appsettings.json.source"), Path.Combine(clone, "appsettings.json") + "\n", Ct);

        // Act: from the output folder, as the README's Configuration section says one may run it.
        var executable = Path.Combine(output, "ArticleBot.dll");
        var counted = await PluginGuideTests.RunAsync("dotnet", [executable, "call", "wordcount.count_words", "text=OpenAI的廣告業務"], output, timeout: TimeSpan.FromSeconds(120));
        File.Delete(Path.Combine(clone, "appsettings.json")); // as in a published or moved folder: no source to follow
        var alone = await PluginGuideTests.RunAsync("dotnet", [executable, "ask", "騰訊"], _temp, timeout: TimeSpan.FromSeconds(120));

        // Assert: the server's relative path was resolved from the clone; without it, from the output folder itself.
        Assert.True(counted.ExitCode == 0, counted.Stderr);
        using (var json = JsonDocument.Parse(counted.Stdout))
        {
            Assert.Equal(5, json.RootElement.GetProperty("chineseCharacters").GetInt32()); // 的廣告業務
        }

        Assert.Equal(2, alone.ExitCode);
        Assert.Contains(Path.Combine(output, "articles"), alone.Stderr, StringComparison.Ordinal);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [Fact]
    public async Task StartedFromAnotherFolder_FindsTheSettingsAndSeeds()
    {
        var run = await BotProcess.RunAsync(["ask", "--json", "ChatGPT的週活躍用戶有多少？"], workingDirectory: _temp, cancellationToken: Ct);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("9億", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DefaultLevelInformation_ShowsTheLoadIndexAndLexiconTimingsOnStderr_StdoutCarriesOnlyJson()
    {
        // The README's promise: this one setting, with the shipped appsettings.json, shows the timings.
        var run = await BotProcess.RunAsync(
            ["ask", "--json", "What did Hassabis say about China?", "--Logging:LogLevel:Default=Information"],
            cancellationToken: Ct);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Matches(@"Loaded 1 seed document\(s\) from .* into \d+ passages in \d+ ms", run.Stderr);
        Assert.Matches(@"Index of \d+ passages (built|opened from the cache) in \d+ ms", run.Stderr);
        Assert.Matches(@"English lexicon \(\d+ keys\) in \d+ ms", run.Stderr);
        Assert.DoesNotContain("dbug:", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptySettingsFile_ExitsWith2_NamingTheFile()
    {
        // Arrange: a content root with the article and an empty appsettings.json.
        var seeds = Directory.CreateDirectory(Path.Combine(_temp, "seeds")).FullName;
        File.Copy(BotProcess.SeedFile, Path.Combine(seeds, "article.txt"));
        await File.WriteAllTextAsync(Path.Combine(_temp, "appsettings.json"), string.Empty, Ct);

        // Act
        var run = await BotProcess.RunAsync(["ask", "騰訊"], workingDirectory: _temp, cancellationToken: Ct);

        // Assert
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(Path.Combine(_temp, "appsettings.json"), run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownLogLevel_ExitsWith2_NamingTheSettingAndTheLevels()
    {
        var run = await BotProcess.RunAsync(["ask", "騰訊", "--Logging:LogLevel:Default=Verbose"], cancellationToken: Ct);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Logging:LogLevel:Default is 'Verbose'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Information", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MisspeltSwitches_AreRefusedTogether_EachWithTheNearestKnownKey()
    {
        var run = await BotProcess.RunAsync(["ask", "騰訊", "--Retreival:TopK=3", "--Corpus:SeedPath=x", "--Nonsense:Thing=1"], cancellationToken: Ct);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown settings --Retreival:TopK (did you mean --Retrieval:TopK?), --Corpus:SeedPath (did you mean --Corpus:SeedsPath?), --Nonsense:Thing;", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)); // one line, not one per switch
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public async Task KnownSwitches_OfEverySection_AreAccepted()
    {
        var run = await BotProcess.RunAsync(
            ["ask", "騰訊", "--Retrieval:TopK=3", "--Plugins:Directories:0=none", "--Discord:GuildIds:0=1", "--Llm:MaxToolCallsPerTurn=3", "--Answering:MaxHistoryTurns=2", "--Logging:LogLevel:Polly=None"],
            cancellationToken: Ct);

        Assert.True(run.ExitCode == 0, run.Stderr);
    }

    [Fact]
    public async Task FullStdout_ExitsWith1_InOneLine()
    {
        var run = await PluginGuideTests.RunAsync("bash", ["-c", $"exec dotnet '{Path.Combine(BotProcess.OutputDirectory, "ArticleBot.dll")}' ask 騰訊 > /dev/full"], BotProcess.OutputDirectory);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: cannot write the output", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }
}
