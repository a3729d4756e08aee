using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace ArticleBot.TestPlugins.Hostile;

/// <summary>Blocks its caller's thread for good, never awaiting: only a thread of its own and a timeout get past it.</summary>
public sealed class Blocker
{
    [KernelFunction("block"), Description("Never returns, and never yields its thread.")]
    public string Block()
    {
        Thread.Sleep(Timeout.Infinite);
        return "unreachable";
    }

    [KernelFunction("echo"), Description("Answers at once.")]
    public string Echo(string text) => text;
}

/// <summary>A constructor that never returns: loading it must not hang the bot.</summary>
public sealed class HangingConstructor
{
    public HangingConstructor() => Thread.Sleep(Timeout.Infinite);

    [KernelFunction("never"), Description("Unreachable: the plugin never finishes loading.")]
    public string Never() => "unreachable";
}
