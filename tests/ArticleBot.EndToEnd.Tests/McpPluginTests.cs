using System.Text.Json;

namespace ArticleBot.EndToEnd.Tests;

/// <summary>
/// MCP servers as plugins (<c>Plugins:McpServers</c>), on the built executable, with the hostile test server
/// (tests/ArticleBot.McpTestServer): listed, called, mapped to citable passages, and isolated: whatever the server does,
/// the bot keeps answering and reports the plugin as restarted or failed.
/// </summary>
public sealed class McpPluginTests
{
    private const string Question = "OpenAI的廣告業務每年可能帶來多少收入？";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The hostile server's build output (built before the tests, like the executable).</summary>
    private static string ServerDll => Path.Combine(Directory.GetParent(BotProcess.OutputDirectory)!.Parent!.FullName, "ArticleBot.McpTestServer", new DirectoryInfo(BotProcess.OutputDirectory).Name, "ArticleBot.McpTestServer.dll");

    /// <summary>Switches that declare the hostile server as plugin <c>hostile</c>, like an mcpServers block would.</summary>
    private static string[] Hostile(params string[] more) =>
    [
        "--Plugins:McpServers:hostile:Command=dotnet",
        $"--Plugins:McpServers:hostile:Args:0={ServerDll}",
        "--Plugins:McpServers:hostile:Env:DOTNET_NOLOGO=1",
        "--Plugins:CallTimeoutSeconds=3",
        "--Plugins:McpRestartDelayMilliseconds=100",
        .. more,
    ];

    [Fact]
    public async Task Plugins_ListsTheServersTools_AndAServerThatCannotStartAsFailedWithTheReason()
    {
        string[] broken =
        [
            "--Plugins:McpServers:broken:Command=/no/such/program",
            "--Plugins:McpServers:quitter:Command=dotnet",
            $"--Plugins:McpServers:quitter:Args:0={ServerDll}",
            "--Plugins:McpServers:quitter:Args:1=--exit-on-start",
            "--Plugins:McpServers:quitter:Args:2=9",
            "--Plugins:McpMaxRestarts=0",
        ];
        var run = await BotProcess.RunAsync(["plugins", "--json", .. Hostile(broken)], cancellationToken: Ct);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var plugins = json.RootElement.GetProperty("plugins").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal("mcp", plugins["hostile"].GetProperty("kind").GetString());
        Assert.Equal("loaded", plugins["hostile"].GetProperty("state").GetString());
        var functions = plugins["hostile"].GetProperty("functions").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();
        Assert.Contains("echo", functions);
        Assert.Contains("spin", functions);
        Assert.Equal("failed", plugins["broken"].GetProperty("state").GetString());
        Assert.Contains("cannot start '/no/such/program'", plugins["broken"].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("failed", plugins["quitter"].GetProperty("state").GetString());
        Assert.Contains("exited with code 9 (stderr: hostile server: refusing to start)", plugins["quitter"].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("loaded", plugins["KeyFigures"].GetProperty("state").GetString(), StringComparison.Ordinal); // the others still load
    }

    [Fact]
    public async Task Call_McpTool_ReturnsItsText_AndPassageResultsAreCheckedAgainstTheArticle()
    {
        var echo = await BotProcess.RunAsync(["call", "hostile.echo", "text=你好 MCP", .. Hostile()], cancellationToken: Ct);
        var passages = await BotProcess.RunAsync(["call", "hostile.passages", "query=廣告", .. Hostile()], cancellationToken: Ct);
        var missing = await BotProcess.RunAsync(["call", "hostile.echo", .. Hostile()], cancellationToken: Ct);

        Assert.Equal(0, echo.ExitCode);
        Assert.Equal("你好 MCP", echo.Stdout.Trim());
        Assert.Equal(0, passages.ExitCode);
        using var json = JsonDocument.Parse(passages.Stdout);
        var passage = Assert.Single(json.RootElement.GetProperty("passages").EnumerateArray()); // the invented id is dropped
        Assert.Equal("ai-race-2026#p4", passage.GetProperty("id").GetString());
        var seed = await File.ReadAllTextAsync(BotProcess.SeedFile, Ct);
        Assert.Contains(passage.GetProperty("text").GetString()!, seed, StringComparison.Ordinal); // the article's text, not the server's
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("missing text", missing.Stderr, StringComparison.Ordinal);
    }

    // A crash and a hang in every run; the other three faults cost a bot and a server start each, so they run in
    // .ci/run's soak step.
    [Theory]
    [InlineData("exit", "exited with code 3")]
    [InlineData("overflow", "exited with code 134 (stderr: Stack overflow.)", Traits = ["Category", "Soak"])]
    [InlineData("thread_throws", "exited with code 134 (stderr: Unhandled exception. System.InvalidOperationException: thrown on a background thread)", Traits = ["Category", "Soak"])]
    [InlineData("spin", "did not answer within 3 s")]
    [InlineData("flood", "over 4194304 bytes", Traits = ["Category", "Soak"])]
    public async Task Chat_HostileMcpPlugin_FailsItsCall_TheBotKeepsAnswering_AndReportsTheRestart(string behaviour, string reason)
    {
        var stdin = $"/call hostile.{behaviour}\n{Question}\n/plugins\n/quit\n";

        var run = await BotProcess.RunAsync(Hostile(), stdin, cancellationToken: Ct);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}; stderr: {run.Stderr}");
        Assert.Contains($"hostile.{behaviour} failed:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("250億美元", run.Stdout, StringComparison.Ordinal); // the next question is answered
        var listing = run.Stdout[run.Stdout.IndexOf("hostile (mcp", StringComparison.Ordinal)..];
        Assert.Contains("restart", listing.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains(reason, run.Stdout + run.Stderr, StringComparison.Ordinal);

        // A crash is one line in the chat and in /plugins, with its exit code and last words: never a stack trace.
        Assert.Contains(run.Stdout.Split('\n'), l => l.StartsWith($"hostile.{behaviour} failed:", StringComparison.Ordinal) && (behaviour == "spin" || l.Contains(reason, StringComparison.Ordinal)));
        Assert.DoesNotContain(run.Stdout.Split('\n'), l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal) || l.Contains("End of stack trace", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SampleMcpPlugin_AsTheReadmeDeclaresIt_CountsWords()
    {
        // The README's declaration, with the sample's build output for this configuration.
        var dll = Path.Combine(Directory.GetParent(BotProcess.OutputDirectory)!.Parent!.FullName, "McpWordCount", new DirectoryInfo(BotProcess.OutputDirectory).Name, "McpWordCount.dll");

        var run = await BotProcess.RunAsync(["call", "wordcount.count_words", "text=OpenAI的廣告業務。Hello world!", "--Plugins:McpServers:wordcount:Command=dotnet", $"--Plugins:McpServers:wordcount:Args:0={dll}"], cancellationToken: Ct);

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(5, json.RootElement.GetProperty("chineseCharacters").GetInt32()); // 的廣告業務
        Assert.Equal(3, json.RootElement.GetProperty("latinWords").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("sentences").GetInt32());
    }

    [Fact]
    public async Task Chat_TheServerAndAProcessItDoubleForked_EndWithTheBot()
    {
        var run = await BotProcess.RunAsync(Hostile(), "/call hostile.pid\n/call hostile.orphan\n/quit\n", cancellationToken: Ct);

        Assert.Equal(0, run.ExitCode);
        var (server, orphan) = Pids(run.Stdout);
        Assert.False(IsRunning(server), $"the MCP server {server} outlived the bot");
        Assert.False(IsRunning(orphan), $"the process {orphan} the MCP server double-forked (in a session of its own) outlived the bot");
    }

    [Fact]
    public async Task SigkilledBot_LeavesNoChild_NotEvenADoubleForkedOne()
    {
        // Arrange: a chat whose plugin server started a process that left it (double fork, setsid).
        using var bot = BotProcess.Start(Hostile());
        var output = new System.Text.StringBuilder();
        await bot.StandardInput.WriteAsync("/call hostile.pid\n/call hostile.orphan\n".AsMemory(), Ct);
        await bot.StandardInput.FlushAsync(Ct);
        for (var lines = 0; lines < 2;)
        {
            var line = await bot.StandardOutput.ReadLineAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(120), Ct);
            if (line?.Trim() is { Length: > 0 } text && text.All(char.IsAsciiDigit))
            {
                output.AppendLine(text);
                lines++;
            }
        }

        var (server, orphan) = Pids(output.ToString());
        Assert.True(IsRunning(server) && IsRunning(orphan), "the server and its orphan should be running");

        // Act: SIGKILL, which the bot cannot catch.
        bot.Kill();
        await bot.WaitForExitAsync(Ct);

        // Assert: the guard sees the bot end (pidfd) and kills what is left; only a hang reaches the bound.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (IsRunning(server) || IsRunning(orphan))
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>The server's pid and its orphan's, the first two lines of digits the chat printed.</summary>
    private static (int Server, int Orphan) Pids(string stdout)
    {
        var numbers = stdout.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && l.All(char.IsAsciiDigit))
            .Select(l => int.Parse(l, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(numbers.Count >= 2, $"expected two pids in: {stdout}");
        return (numbers[0], numbers[1]);
    }

    /// <summary>Whether a process is alive: in /proc, and not a zombie waiting to be reaped.</summary>
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    // The contrast on every run with one fault; the other two, a bot start each, in .ci/run's soak step (as the
    // isolated rows above: every run keeps "exit" on both sides).
    [Theory]
    [InlineData("exit")]
    [InlineData("overflow", Traits = ["Category", "Soak"])]
    [InlineData("thread_throws", Traits = ["Category", "Soak"])]
    public async Task Chat_TheSameBehaviourInProcess_TakesTheBotDown(string behaviour)
    {
        // The contrast: as a compiled plugin, in the bot's own process, the same code ends the bot and the next
        // question is never answered. This is what running a plugin as an MCP server isolates the bot from.
        using var plugins = InProcessHostile();
        var stdin = $"/call Hostile.{behaviour}\n{Question}\n/quit\n";

        var run = await BotProcess.RunAsync(["--Plugins:IncludeDefaultDirectory=false", $"--Plugins:Directories:0={plugins.Path}", "--Plugins:CallTimeoutSeconds=3"], stdin, cancellationToken: Ct);

        Assert.NotEqual(0, run.ExitCode);
        Assert.DoesNotContain("250億美元", run.Stdout, StringComparison.Ordinal);
    }

    /// <summary>A plugin folder holding the compiled hostile plugin (tests/ArticleBot.HostilePlugin) as Hostile/Hostile.dll.</summary>
    private static TempPlugins InProcessHostile()
    {
        var build = Path.Combine(Directory.GetParent(BotProcess.OutputDirectory)!.Parent!.FullName, "ArticleBot.HostilePlugin", new DirectoryInfo(BotProcess.OutputDirectory).Name);
        var root = Directory.CreateTempSubdirectory("articlebot-hostile-").FullName;
        var folder = Directory.CreateDirectory(System.IO.Path.Combine(root, "Hostile")).FullName;
        foreach (var file in Directory.GetFiles(build))
        {
            File.Copy(file, System.IO.Path.Combine(folder, System.IO.Path.GetFileName(file)));
        }

        return new TempPlugins(root);
    }

    private sealed class TempPlugins(string path) : IDisposable
    {
        public string Path => path;

        public void Dispose() => Directory.Delete(path, recursive: true);
    }
}
