using System.Runtime;

namespace ArticleBot.Cli;

/// <summary>
/// Multi-core JIT for a command's start (<see cref="ProfileOptimization"/>): a run records which methods the JIT
/// compiled, and the next run of the same command compiles them on another core before they are reached. What
/// ReadyToRun cannot precompile (generic instantiations across the framework's version bubble) is most of a cold
/// start's JIT time: a published cold <c>ask</c> measured 318 → 273 ms with it (<c>bench/cold-compare.sh</c>).
/// <para>
/// The profiles are kept in the user's cache folder (<c>$XDG_CACHE_HOME</c> or <c>~/.cache</c>, then
/// <c>articlebot/jit-HASH</c>, one folder per installed executable), not under <c>Corpus:CachePath</c>: they describe
/// the program, not the corpus, and a bot told to keep its corpus data in memory writes none of it to disk. A profile
/// is a hint the runtime checks: a stale, damaged or unwritable one costs nothing but the gain. The folders of the
/// <see cref="KeptFolders"/> executables started last are kept, the others removed.
/// </para>
/// <para>
/// A profile replays the assemblies its run loaded, so each is kept per command and per configuration (a hash of the
/// settings file, the environment's settings and the switches): a run with the SQLite default never loads Npgsql
/// because an earlier run used PostgreSQL. The newest <see cref="KeptPerCommand"/> of a command are kept.
/// </para>
/// </summary>
internal static class StartupProfile
{
    // One profile per command: their starts compile different code. Any other first argument (a typo, a switch) records nothing.
    private static readonly HashSet<string> s_commands = new(StringComparer.Ordinal)
    {
        "add", "articles", "ask", "call", "chat", "discord", "eval", "feedback", "mcp", "plugins", "remove", "search",
    };

    /// <summary>The profiles kept of one command (its configurations used last).</summary>
    public const int KeptPerCommand = 8;

    /// <summary>The profile folders kept, one per executable (the folder in use and those used last).</summary>
    public const int KeptFolders = 8;

    /// <summary>Starts recording (and replaying) the profile of the command <paramref name="commandArgs"/> runs under <paramref name="configurationArgs"/>.</summary>
    public static void Start(IReadOnlyList<string> commandArgs, IReadOnlyList<string> configurationArgs)
    {
        var command = commandArgs.Count == 0 ? "chat" : commandArgs[0];
        if (!s_commands.Contains(command) || Folder() is not { } folder)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(folder);
            Directory.SetLastWriteTimeUtc(folder, DateTime.UtcNow); // the folder in use is the newest (see PruneFolders)
            PruneFolders(folder);
            ProfileOptimization.SetProfileRoot(folder);
            ProfileOptimization.StartProfile($"startup-{command}-{Configuration(configurationArgs):x8}.jitprofile");
            foreach (var old in new DirectoryInfo(folder).GetFiles($"startup-{command}-*.jitprofile").OrderByDescending(f => f.LastWriteTimeUtc).Skip(KeptPerCommand))
            {
                old.Delete();
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // No writable cache folder (or another start removing the same old profile): nothing else changes.
        }
    }

    /// <summary>
    /// Removes the profile folders of other executables but the <see cref="KeptFolders"/> used last: each build output,
    /// published folder or test copy of the bot gets a folder of its own, and most are never started again.
    /// </summary>
    private static void PruneFolders(string inUse)
    {
        var root = new DirectoryInfo(Path.GetDirectoryName(inUse)!);
        var name = Path.GetFileName(inUse);
        foreach (var old in root.GetDirectories("jit-*").Where(d => !string.Equals(d.Name, name, StringComparison.Ordinal))
                     .OrderByDescending(d => d.LastWriteTimeUtc).Skip(KeptFolders - 1))
        {
            try
            {
                old.Delete(recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another start removing it too, or a folder of someone else's: the next start tries again.
            }
        }
    }

    /// <summary>A hash of what configures the run: the settings file in use, the environment's settings and the switches.</summary>
    private static uint Configuration(IReadOnlyList<string> configurationArgs)
    {
        var hash = Fnv1a(ContentRoot.Resolve());
        var settings = Path.Combine(ContentRoot.Resolve(), ContentRoot.SettingsFile);
        if (File.Exists(settings))
        {
            hash = Fnv1a(File.ReadAllText(settings), hash);
        }

        // Settings in the environment are NAME__KEY (and OTEL_* turns telemetry on); sorted, so their order does not count.
        var environment = Environment.GetEnvironmentVariables();
        foreach (var name in environment.Keys.OfType<string>().Where(n => n.Contains("__", StringComparison.Ordinal) || n.StartsWith("OTEL_", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            hash = Fnv1a(environment[name] as string ?? string.Empty, Fnv1a(name, hash));
        }

        foreach (var switchText in configurationArgs)
        {
            hash = Fnv1a(switchText, hash);
        }

        return hash;
    }

    /// <summary>The profiles' folder for this executable, or null when the user has no cache folder (a service without a home).</summary>
    internal static string? Folder()
    {
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg) ? xdg
            : OperatingSystem.IsWindows() ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
            : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } home ? Path.Combine(home, ".cache")
            : null;
        return cache is null ? null : Path.Combine(cache, "articlebot", $"jit-{Fnv1a(AppContext.BaseDirectory):x8}");
    }

    // A stable hash of the executable's folder (string.GetHashCode differs per process); not a security boundary.
    private static uint Fnv1a(string text, uint hash = 2166136261u)
    {
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
