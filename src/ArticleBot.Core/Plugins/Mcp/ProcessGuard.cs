using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace ArticleBot.Core.Plugins.Mcp;

/// <summary>
/// How to start an MCP server under a <see cref="ProcessGuard"/>: the program and the arguments that come before the
/// guarded command (the ArticleBot executable and <see cref="ProcessGuard.Verb"/>). Registered by the executable;
/// without it (in tests of the library, on other systems) servers are started directly.
/// </summary>
/// <param name="FileName">The program: the ArticleBot apphost, or <c>dotnet</c>.</param>
/// <param name="Arguments">The arguments before the guard's own (<c>ArticleBot.dll __mcp-guard</c>).</param>
public sealed record ProcessGuardLauncher(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>The launcher for this process's own executable, on Linux; null elsewhere.</summary>
    public static ProcessGuardLauncher? ForThisExecutable()
    {
        if (!OperatingSystem.IsLinux() || Environment.ProcessPath is not { } path)
        {
            return null;
        }

        // Under `dotnet ArticleBot.dll` the process is the muxer, and the guard is the entry assembly run the same way.
        return string.Equals(Path.GetFileNameWithoutExtension(path), "dotnet", StringComparison.Ordinal)
            && System.Reflection.Assembly.GetEntryAssembly()?.Location is { Length: > 0 } entry
            ? new ProcessGuardLauncher(path, [entry, ProcessGuard.Verb])
            : new ProcessGuardLauncher(path, [ProcessGuard.Verb]);
    }
}

/// <summary>
/// A small process between the bot and an MCP server, so that no process the server starts outlives the bot, however
/// the bot ends (<c>ArticleBot __mcp-guard &lt;bot pid&gt; &lt;command&gt; [args…]</c>, Linux only):
/// <list type="bullet">
/// <item>It is a child subreaper (<c>prctl(PR_SET_CHILD_SUBREAPER)</c>): a process the server double-forks (or that
/// calls <c>setsid</c>) is re-parented to the guard, not to init, so the guard still sees it as its descendant.</item>
/// <item>It watches the bot through a pidfd (<c>pidfd_open</c> and <c>poll</c>; polling <c>getppid</c> where the kernel
/// has no pidfd). <c>PR_SET_PDEATHSIG</c> is no use here: it fires when the <em>thread</em> that started the process
/// ends, and the bot starts servers from thread-pool threads, which come and go.</item>
/// <item>When the bot is gone (even after SIGKILL), on SIGTERM, or when the server exits, it kills every descendant
/// it has (walking <c>/proc</c> until none is left) and exits, with the server's exit code when the server ended first.</item>
/// </list>
/// The server inherits the guard's stdin, stdout and stderr, so the protocol and the server's last words flow as
/// before. The bot's own kill of the guard's tree (<see cref="Process.Kill(bool)"/>) reaches re-parented processes too.
/// </summary>
public static partial class ProcessGuard
{
    /// <summary>The hidden command-line verb that runs the guard.</summary>
    public const string Verb = "__mcp-guard";

    private const int PrSetChildSubreaper = 36;
    private const int SysPidfdOpen = 434; // the same number on x86-64 and arm64
    private const int SigKill = 9;
    private const short PollIn = 1;

    /// <summary>The arguments that start <paramref name="command"/> under a guard of <paramref name="launcher"/>.</summary>
    public static IReadOnlyList<string> Arguments(ProcessGuardLauncher launcher, string command, IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(launcher);
        return [.. launcher.Arguments, Environment.ProcessId.ToString(CultureInfo.InvariantCulture), command, .. arguments];
    }

    /// <summary>Runs the guard: <c>&lt;bot pid&gt; &lt;command&gt; [args…]</c>. Returns the exit code.</summary>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length < 2 || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var bot))
        {
            Console.Error.WriteLine($"usage: ArticleBot {Verb} <bot pid> <command> [args...]");
            return 2;
        }

        _ = prctl(PrSetChildSubreaper, 1, 0, 0, 0);
        if (getppid() != bot)
        {
            return 137; // the bot is already gone: start nothing
        }

        var start = new ProcessStartInfo(args[1]) { UseShellExecute = false };
        foreach (var argument in args.Skip(2))
        {
            start.ArgumentList.Add(argument);
        }

        Process server;
        try
        {
            server = Process.Start(start) ?? throw new InvalidOperationException("no process");
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            Console.Error.WriteLine($"cannot start '{args[1]}' in {Environment.CurrentDirectory}: {ex.Message}");
            return 127;
        }

        var done = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            done.TrySetResult(143);
        });

        // Ctrl+C reaches the whole foreground group; the server decides for itself, and the bot ends the guard.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true);
        var watcher = new Thread(() => done.TrySetResult(WaitForExit(bot) ? 137 : 0)) { IsBackground = true, Name = "bot watcher" };
        watcher.Start();
        _ = server.WaitForExitAsync().ContinueWith(_ => done.TrySetResult(server.ExitCode), TaskScheduler.Default);

        var code = done.Task.GetAwaiter().GetResult();
        KillDescendants();
        return code;
    }

    /// <summary>Blocks until the process <paramref name="pid"/> ends; true when it did.</summary>
    private static bool WaitForExit(int pid)
    {
        var fd = syscall(SysPidfdOpen, pid, 0);
        if (fd >= 0)
        {
            var poll = new PollFd { Fd = fd, Events = PollIn };
            while (true)
            {
                var ready = Poll(ref poll, 1, -1);
                if (ready > 0)
                {
                    return true;
                }

                if (ready < 0 && Marshal.GetLastPInvokeError() != 4) // EINTR: poll again
                {
                    break;
                }
            }
        }

        // No pidfd (a kernel before 5.3): the guard is re-parented when the bot ends.
        while (getppid() == pid)
        {
            Thread.Sleep(200);
        }

        return true;
    }

    /// <summary>Sends SIGKILL to every living descendant of this process, until none is left.</summary>
    private static void KillDescendants()
    {
        var self = Environment.ProcessId;
        for (var round = 0; round < 50; round++)
        {
            var descendants = Descendants(self);
            if (descendants.Count == 0)
            {
                return;
            }

            foreach (var pid in descendants)
            {
                _ = kill(pid, SigKill);
            }

            Thread.Sleep(10);
        }
    }

    /// <summary>The living (not zombie) descendants of <paramref name="root"/>, from <c>/proc/*/stat</c>.</summary>
    private static List<int> Descendants(int root)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(directory, "stat"));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue; // it ended meanwhile
            }

            // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields.Length > 1 && fields[0] != "Z" && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parent))
            {
                if (!children.TryGetValue(parent, out var list))
                {
                    children[parent] = list = [];
                }

                list.Add(pid);
            }
        }

        var found = new List<int>();
        var pending = new Stack<int>([root]);
        while (pending.TryPop(out var pid))
        {
            foreach (var child in children.GetValueOrDefault(pid) ?? [])
            {
                found.Add(child);
                pending.Push(child);
            }
        }

        return found;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);

    [LibraryImport("libc")]
    private static partial int getppid();

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int syscall(nint number, int pid, uint flags);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static partial int Poll(ref PollFd fds, nuint count, int timeout);
}
