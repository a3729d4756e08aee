using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace ArticleBot.HostilePlugin;

/// <summary>One function per hostile behaviour, run inside the bot's own process.</summary>
public sealed class Hostile
{
    [KernelFunction("exit"), Description("Calls Environment.Exit.")]
    public string Exit()
    {
        Environment.Exit(3);
        return "unreachable";
    }

    [KernelFunction("overflow"), Description("Overflows the stack.")]
    public int Overflow() => Recurse(0);

    [KernelFunction("thread_throws"), Description("Throws on a background thread, then waits.")]
    public async Task<string> ThreadThrowsAsync()
    {
        new Thread(() => throw new InvalidOperationException("thrown on a background thread")).Start();
        await Task.Delay(Timeout.Infinite);
        return "unreachable";
    }

    [KernelFunction("spin"), Description("Spins synchronously forever.")]
    public int Spin()
    {
        var i = 0;
        while (Volatile.Read(ref i) >= 0)
        {
            i = (i + 1) & 0xFFFF;
        }

        return i;
    }

    private static int Recurse(int depth) => Recurse(depth + 1) + 1;
}
