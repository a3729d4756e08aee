using Microsoft.SemanticKernel;

namespace ArticleBot.Core.Plugins;

/// <summary>
/// Where the current kernel comes from. The kernel is an immutable snapshot replaced when plugins reload, so a
/// turn asks for it when it starts and keeps that one.
/// </summary>
public interface IKernelSource
{
    /// <summary>The kernel with every loaded plugin.</summary>
    Kernel Kernel { get; }
}
