using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace ArticleBot.TestPlugins.Hostile;

/// <summary>Blocks its caller's thread for good, never awaiting: only a thread of its own and a timeout get past it.</summary>
public sealed class Blocker
{
    [KernelFunction("block"), Description("Never returns, and never yields its thread.")]
    public string Block()
    {
        Hangs.Enter();
        Thread.Sleep(Timeout.Infinite);
        return "unreachable";
    }

    [KernelFunction("echo"), Description("Answers at once.")]
    public string Echo(string text) => text;
}

/// <summary>A constructor that never returns: loading it must not hang the bot.</summary>
public sealed class HangingConstructor
{
    public HangingConstructor()
    {
        Hangs.Enter();
        Thread.Sleep(Timeout.Infinite);
    }

    [KernelFunction("never"), Description("Unreachable: the plugin never finishes loading.")]
    public string Never() => "unreachable";
}

/// <summary>
/// Counts the hostile members that have started hanging, in the process's AppDomain data: plugins are loaded in
/// contexts of their own, whose statics a test cannot see. A test moves its fake time on only once the hang is
/// reached, so a budget never runs out on code that is merely slow.
/// </summary>
internal static class Hangs
{
    /// <summary>The AppDomain data key of the count.</summary>
    public const string Key = "ArticleBot.TestPlugins.Hostile.Hangs";

    public static void Enter()
    {
        var domain = AppDomain.CurrentDomain;
        lock (domain)
        {
            domain.SetData(Key, (domain.GetData(Key) as int? ?? 0) + 1);
        }
    }
}
