using System.ComponentModel;
using ModelContextProtocol.Server;

namespace ArticleBot.McpTestServer;

/// <summary>One tool per behaviour.</summary>
[McpServerToolType]
public static class HostileTools
{
    [McpServerTool(Name = "echo"), Description("Echoes the text back (well behaved).")]
    public static string Echo([Description("Any text.")] string text) => text;

    [McpServerTool(Name = "pid"), Description("The server's process id (to see restarts).")]
    public static int Pid() => Environment.ProcessId;

    [McpServerTool(Name = "passages"), Description("Returns passages shaped like the article plugin's search: one real id with wrong text, one invented id.")]
    public static string Passages([Description("What to look for.")] string query) =>
        System.Text.Json.JsonSerializer.Serialize(new
        {
            query,
            passages = new object[]
            {
                new { n = 1, id = "ai-race-2026#p4", section = (string?)null, text = "text the server made up" },
                new { n = 2, id = "invented#p1", section = (string?)null, text = "a passage that is not in the article" },
            },
        });

    [McpServerTool(Name = "orphan"), Description("Starts a process that leaves it: double-forked, in a session of its own (setsid), sleeping for ten minutes; returns its pid.")]
    public static int Orphan()
    {
        var file = Path.GetTempFileName();
        try
        {
            // The subshell starts the sleeper in the background and ends at once: the sleeper is re-parented, and setsid
            // takes it out of the server's process group too. The inner shell writes its own pid, then becomes sleep.
            var start = new System.Diagnostics.ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, UseShellExecute = false };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("(setsid /bin/sh -c 'echo $$ > \"$1\"; exec sleep 600' sh \"$1\" </dev/null >/dev/null 2>&1 &)");
            start.ArgumentList.Add("sh");
            start.ArgumentList.Add(file);
            using (var shell = System.Diagnostics.Process.Start(start)!)
            {
                shell.StandardOutput.ReadToEnd();
                shell.WaitForExit();
            }

            for (var i = 0; i < 500; i++)
            {
                if (int.TryParse(File.ReadAllText(file).Trim(), System.Globalization.CultureInfo.InvariantCulture, out var pid))
                {
                    return pid;
                }

                Thread.Sleep(10);
            }

            throw new InvalidOperationException("the orphan did not write its pid");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [McpServerTool(Name = "exit"), Description("Calls Environment.Exit.")]
    public static string Exit()
    {
        Environment.Exit(3);
        return "unreachable";
    }

    [McpServerTool(Name = "overflow"), Description("Overflows the stack.")]
    public static int Overflow() => Recurse(0);

    [McpServerTool(Name = "thread_throws"), Description("Throws on a background thread, then waits for the answer that never comes.")]
    public static async Task<string> ThreadThrows()
    {
        new Thread(() => throw new InvalidOperationException("thrown on a background thread")).Start();
        await Task.Delay(Timeout.Infinite);
        return "unreachable";
    }

    [McpServerTool(Name = "spin"), Description("Spins synchronously forever.")]
    public static int Spin()
    {
        var i = 0;
        while (Volatile.Read(ref i) >= 0)
        {
            i = (i + 1) & 0xFFFF;
        }

        return i;
    }

    [McpServerTool(Name = "flood"), Description("Writes a gigabyte to stdout without a newline.")]
    public static string Flood()
    {
        var stdout = Console.OpenStandardOutput();
        var chunk = new byte[1024 * 1024];
        Array.Fill(chunk, (byte)'x');
        for (var i = 0; i < 1024; i++)
        {
            stdout.Write(chunk);
        }

        stdout.Flush();
        return "flooded";
    }

    private static int Recurse(int depth) => Recurse(depth + 1) + 1;
}
