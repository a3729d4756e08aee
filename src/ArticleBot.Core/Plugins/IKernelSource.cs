using Microsoft.SemanticKernel;

namespace ArticleBot.Core.Plugins;

/// <summary>
/// Where the current kernel comes from. The kernel is an immutable snapshot replaced when plugins reload, so a
/// turn asks for it when it starts and keeps that one.
/// </summary>
public interface IKernelSource
{
    /// <summary>The kernel with every loaded plugin; the first use loads the plugin folders.</summary>
    Kernel Kernel { get; }

    /// <summary>
    /// The kernel with the built-in plugins only. It loads no plugin folder, so the offline answerer, which calls
    /// only the article plugin, never runs (or waits for, or is harmed by) a plugin's code.
    /// </summary>
    Kernel BuiltinKernel { get; }
}
