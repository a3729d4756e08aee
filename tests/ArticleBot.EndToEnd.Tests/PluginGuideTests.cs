using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ArticleBot.EndToEnd.Tests;

/// <summary>
/// plugins/README.md, followed word for word: its shell blocks and the files it shows are extracted, in order, into
/// one script that runs in an empty folder outside the repository and in one inside it (under plugins/). Then a
/// running chat sees a rebuilt plugin, with a corrupt plugin beside it.
/// </summary>
[Collection(DotnetBuilds.Name)]
public sealed partial class PluginGuideTests : IDisposable
{
    private readonly List<string> _folders = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        foreach (var folder in _folders)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    [Fact]
    [Trait("Category", "Soak")] // builds with the .NET SDK inside the test: run by .ci/run's soak step, not by plain `dotnet test`
    public async Task Guide_FollowedOutsideTheRepository_BuildsLoadsAndCalls_ThenHotReloads()
    {
        // Arrange
        var folder = NewFolder(Directory.CreateTempSubdirectory("articlebot-guide-").FullName);

        // Act
        var run = await RunGuideAsync(folder);

        // Assert
        Assert.True(run.ExitCode == 0, $"the guide failed outside the repository:\n{run.Stdout}\n{run.Stderr}");
        Assert.Contains("HelloPlugin (compiled, loaded)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Hello, Ada! The article has 30 passages.", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("{\"plugin\":\"HelloPlugin\",\"function\":\"hello\",\"result\":\"Hello, Ada! The article has 30 passages.\"}", run.Stdout, StringComparison.Ordinal);

        await HotReloadAsync(folder);
    }

    [Fact]
    [Trait("Category", "Soak")] // builds with the .NET SDK inside the test: run by .ci/run's soak step, not by plain `dotnet test`
    public async Task Guide_FollowedInsideTheRepository_BuildsLoadsAndCalls()
    {
        // Arrange: inside the clone, where Directory.Build.props and central package management apply.
        var folder = NewFolder(Path.Combine(BotProcess.RepositoryRoot, "plugins", $"guide-test-{Guid.NewGuid():N}"));

        // Act
        var run = await RunGuideAsync(folder);

        // Assert
        Assert.True(run.ExitCode == 0, $"the guide failed inside the repository:\n{run.Stdout}\n{run.Stderr}");
        Assert.Contains("Hello, Ada! The article has 30 passages.", run.Stdout, StringComparison.Ordinal);
    }

    /// <summary>The guide as one bash script: each ```bash block as written, each shown file written where the guide says.</summary>
    internal static string GuideScript(string markdown)
    {
        var script = new StringBuilder("set -euo pipefail\n");
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var previous = string.Empty;
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = FenceRegex().Match(lines[i]);
            if (!fence.Success)
            {
                previous = lines[i].Trim().Length > 0 ? lines[i] : previous;
                continue;
            }

            var body = new List<string>();
            for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
            {
                body.Add(lines[i]);
            }

            var language = fence.Groups["lang"].Value;
            var file = FileLabelRegex().Match(previous);
            if (language == "bash")
            {
                script.AppendJoin('\n', body).Append('\n');
            }
            else if (file.Success && language is "xml" or "csharp")
            {
                script.Append("cat > '").Append(file.Groups["path"].Value).Append("' <<'GUIDE_EOF'\n").AppendJoin('\n', body).Append("\nGUIDE_EOF\n");
            }

            previous = string.Empty;
        }

        return script.ToString();
    }

    [Fact]
    public void GuideScript_HasEveryStep()
    {
        var script = GuideScript(File.ReadAllText(GuidePath));

        Assert.Contains("mkdir -p HelloPlugin", script, StringComparison.Ordinal);
        Assert.Contains("cat > 'HelloPlugin/HelloPlugin.csproj'", script, StringComparison.Ordinal);
        Assert.Contains("cat > 'HelloPlugin/Hello.cs'", script, StringComparison.Ordinal);
        Assert.Contains("dotnet build HelloPlugin", script, StringComparison.Ordinal);
        Assert.Contains("call HelloPlugin.hello name=Ada", script, StringComparison.Ordinal);
    }

    private static string GuidePath => Path.Combine(BotProcess.RepositoryRoot, "plugins", "README.md");

    private string NewFolder(string path)
    {
        Directory.CreateDirectory(path);
        _folders.Add(path);
        return path;
    }

    private static async Task<BotRun> RunGuideAsync(string folder)
    {
        var script = Path.Combine(folder, "guide.sh");
        await File.WriteAllTextAsync(script, GuideScript(await File.ReadAllTextAsync(GuidePath, Ct)), Ct);
        return await RunAsync("bash", [script], folder, new() { ["ARTICLEBOT"] = BotProcess.RepositoryRoot });
    }

    /// <summary>A chat that runs while the plugin is rebuilt (the guide's own build command) and a corrupt plugin appears.</summary>
    private static async Task HotReloadAsync(string folder)
    {
        var plugins = Path.Combine(folder, "my-plugins");
        using var chat = BotProcess.Start(["--Plugins:ReloadDebounceMilliseconds=300"], environment: new Dictionary<string, string> { ["Plugins__Directories__0"] = plugins });
        var output = new StringBuilder();
        var reading = Task.Run(async () =>
        {
            while (await chat.StandardOutput.ReadLineAsync(Ct) is { } line)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        }, Ct);
        string Output()
        {
            lock (output)
            {
                return output.ToString();
            }
        }

        await SendAsync(chat, "/call HelloPlugin.hello name=Ada");
        await WaitForAsync(() => Output().Contains("Hello, Ada!", StringComparison.Ordinal), "the first version answers");

        var source = Path.Combine(folder, "HelloPlugin", "Hello.cs");
        await File.WriteAllTextAsync(source, (await File.ReadAllTextAsync(source, Ct)).Replace("Hello, {name}!", "Hello again, {name}!", StringComparison.Ordinal), Ct);
        var build = await RunAsync("dotnet", ["build", "HelloPlugin", "-c", "Release", "-o", "my-plugins/HelloPlugin"], folder, new() { ["ARTICLEBOT"] = BotProcess.RepositoryRoot });
        Assert.True(build.ExitCode == 0, build.Stdout + build.Stderr);
        var corrupt = Directory.CreateDirectory(Path.Combine(plugins, "Broken")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(corrupt, "Broken.dll"), Encoding.ASCII.GetBytes("MZ this is not a real assembly"), Ct);

        // The watcher reloads once the folder has been quiet for the debounce; ask until the new version answers.
        var deadline = Stopwatch.StartNew();
        while (!Output().Contains("Hello again, Ada!", StringComparison.Ordinal) && deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            await SendAsync(chat, "/call HelloPlugin.hello name=Ada");
            await Task.Delay(500, Ct);
        }

        await SendAsync(chat, "/plugins");
        await SendAsync(chat, "英偉達的市值突破了多少？");
        await SendAsync(chat, "/quit");
        await chat.WaitForExitAsync(Ct);
        await reading;

        Assert.Contains("Hello again, Ada!", Output(), StringComparison.Ordinal);
        Assert.Contains("Broken (compiled, failed: not a valid .NET assembly", Output(), StringComparison.Ordinal);
        Assert.Contains("5萬億", Output(), StringComparison.Ordinal);
        Assert.Equal(0, chat.ExitCode);
    }

    private static async Task SendAsync(Process process, string line)
    {
        await process.StandardInput.WriteLineAsync(line.AsMemory(), Ct);
        await process.StandardInput.FlushAsync(Ct);
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(120), $"timed out waiting for {what}");
            await Task.Delay(50, Ct);
        }
    }

    internal static async Task<BotRun> RunAsync(string program, IEnumerable<string> args, string folder, Dictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment ?? [])
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        bound.CancelAfter(timeout ?? Timeout.InfiniteTimeSpan);
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish within {timeout}. stderr: {await stderr}");
        }

        return new BotRun(process.ExitCode, await stdout, await stderr);
    }

    [GeneratedRegex(@"^```(?<lang>\w*)\s*$")]
    private static partial Regex FenceRegex();

    /// <summary>"`HelloPlugin/Hello.cs`:" or "Replace `HelloPlugin/HelloPlugin.csproj` with:" names the file the block holds.</summary>
    [GeneratedRegex(@"`(?<path>[\w./-]+\.\w+)`(?: with)?:\s*$")]
    private static partial Regex FileLabelRegex();
}
