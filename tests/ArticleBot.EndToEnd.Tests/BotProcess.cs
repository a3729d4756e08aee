using System.Diagnostics;
using System.Text;

namespace ArticleBot.EndToEnd.Tests;

/// <summary>What a run of the executable printed.</summary>
public sealed record BotRun(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs the built ArticleBot executable (the same build output a user runs).</summary>
public static class BotProcess
{
    private static readonly Lazy<string> s_output = new(FindOutputDirectory);
    private static readonly Lazy<string> s_repository = new(FindRepositoryRoot);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<BotRun>>> s_sharedRuns = new();

    /// <summary>
    /// True when this test process ignores SIGINT, as a non-interactive shell makes a background job do (<c>cmd &amp;</c>):
    /// the bot inherits that, so no SIGINT can reach it and a Ctrl+C test has nothing to test.
    /// </summary>
    public static bool SigIntIgnored
    {
        get
        {
            var line = File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal)) : null;
            return line is not null && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & 0x2) != 0;
        }
    }

    /// <summary>The clone the tests were built from (the folder with ArticleBot.sln).</summary>
    public static string RepositoryRoot => s_repository.Value;

    /// <summary>The executable's build output folder (holds appsettings.json and seeds/).</summary>
    public static string OutputDirectory => s_output.Value;

    public static string SeedFile => Path.Combine(OutputDirectory, "seeds", "ai-race-2026.txt");

    /// <summary>Starts the executable with redirected streams; the caller drives it.</summary>
    public static Process Start(IEnumerable<string> args, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory ?? OutputDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            StandardInputEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(OutputDirectory, "ArticleBot.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
    }

    /// <summary>Runs the executable to completion, feeding <paramref name="stdin"/> and then closing it.</summary>
    public static async Task<BotRun> RunAsync(
        IEnumerable<string> args,
        string? stdin = null,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken cancellationToken = default)
    {
        using var process = Start(args, workingDirectory, environment);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin.AsMemory(), cancellationToken);
        }

        process.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"ArticleBot {string.Join(' ', args)} did not exit within 120 s. stderr: {await stderr}");
        }

        return new BotRun(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>
    /// Runs the executable once per distinct argument list for the whole test run, for tests that check different
    /// things about the output of the same command (no input, default settings and folder): the second asks for what
    /// the first one started. Only for commands whose output does not depend on when they run.
    /// </summary>
    public static Task<BotRun> RunSharedAsync(IReadOnlyList<string> args) =>
        s_sharedRuns.GetOrAdd(string.Join('\0', args), _ => new Lazy<Task<BotRun>>(() => RunAsync(args))).Value;

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ArticleBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ArticleBot.sln not found above the test output");
    }

    private static string FindOutputDirectory()
    {
        // artifacts/bin/ArticleBot.EndToEnd.Tests/<config>/ → artifacts/bin/ArticleBot/<config>/
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Name;
        var bin = testOutput.Parent?.Parent ?? throw new InvalidOperationException("unexpected test output layout");
        var output = Path.Combine(bin.FullName, "ArticleBot", configuration);
        if (!File.Exists(Path.Combine(output, "ArticleBot.dll")))
        {
            throw new InvalidOperationException($"ArticleBot is not built at {output}");
        }

        return output;
    }
}
