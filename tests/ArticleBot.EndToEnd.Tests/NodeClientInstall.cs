using System.Diagnostics;
using System.Security.Cryptography;

namespace ArticleBot.EndToEnd.Tests;

/// <summary>
/// Installs the MCP TypeScript SDK client (tests/mcp-ts-client) the way its README says, <c>npm ci</c> from its lock
/// file, so `dotnet test` on a fresh clone needs nothing done first. It runs once per lock file: a marker beside
/// <c>node_modules</c> holds the lock file's hash, and a file lock serialises test processes that get here together
/// (two test runs of one clone, or a rerun while another is installing).
/// </summary>
internal static class NodeClientInstall
{
    private const string Marker = ".articlebot-npm-ci";

    /// <summary>The client's folder.</summary>
    public static string Directory => Path.Combine(BotProcess.RepositoryRoot, "tests", "mcp-ts-client");

    /// <summary>Why the client cannot run with this <paramref name="path"/> (no node or npm on it), or null when it can.</summary>
    public static string? Unavailable(string? path)
    {
        foreach (var tool in new[] { "node", "npm" })
        {
            if (FindOnPath(tool, path) is null)
            {
                return $"'{tool}' is not on PATH: the MCP TypeScript SDK client needs Node.js 18 or later (https://nodejs.org) to run";
            }
        }

        return null;
    }

    /// <summary>Runs <c>npm ci</c> unless the installed packages already match the lock file.</summary>
    public static async Task EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        var lockHash = Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(Directory, "package-lock.json"), cancellationToken)));
        var marker = Path.Combine(Directory, "node_modules", Marker);
        if (IsInstalled(marker, lockHash))
        {
            return;
        }

        // One installer at a time across processes: FileShare.None is an exclusive lock (flock) on Linux and macOS.
        await using var gate = await AcquireAsync(Path.Combine(Directory, ".npm-ci.lock"), cancellationToken);
        if (IsInstalled(marker, lockHash))
        {
            return; // another process installed it while this one waited
        }

        var run = await PluginGuideTests.RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], Directory, timeout: TimeSpan.FromSeconds(300));
        Assert.True(run.ExitCode == 0, $"`npm ci` in {Directory} failed (exit {run.ExitCode}). It needs the npm registry once. stderr: {run.Stderr}");
        await File.WriteAllTextAsync(marker, lockHash, cancellationToken);
    }

    private static bool IsInstalled(string marker, string lockHash) =>
        File.Exists(marker) && File.ReadAllText(marker).Trim() == lockHash;

    private static async Task<FileStream> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < TimeSpan.FromSeconds(300))
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    private static string? FindOnPath(string tool, string? path) =>
        (path ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, tool))
            .FirstOrDefault(File.Exists);
}
