using System.Reflection;
using System.Runtime.Loader;

namespace ArticleBot.Core.Plugins;

/// <summary>
/// A collectible load context for one compiled plugin. Semantic Kernel, Microsoft.Extensions.*, the BCL and
/// ArticleBot.Abstractions come from the host (so types unify: a plugin's <c>IArticleSearch</c> is the host's);
/// the plugin's private dependencies resolve inside this context from its folder. Assemblies are read into memory,
/// so the files stay free to be replaced while the bot runs.
/// </summary>
public sealed class PluginLoadContext(string mainAssemblyPath)
    : AssemblyLoadContext(Path.GetFileNameWithoutExtension(mainAssemblyPath), isCollectible: true)
{
    private static readonly string[] s_shared =
        ["Microsoft.SemanticKernel", "Microsoft.Extensions.", "System.", "OpenAI", "Azure.", "ArticleBot.Abstractions", "netstandard", "mscorlib"];

    private readonly AssemblyDependencyResolver _resolver = new(mainAssemblyPath);

    /// <summary>True when the host provides the assembly.</summary>
    public static bool IsShared(AssemblyName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Name is { } n && (n == "System" || s_shared.Any(p => n.StartsWith(p, StringComparison.Ordinal)));
    }

    /// <summary>Loads the plugin's main assembly.</summary>
    public Assembly LoadMain() => LoadBytes(mainAssemblyPath);

    /// <inheritdoc/>
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (IsShared(assemblyName))
        {
            return null; // the default context: shared with the host
        }

        return _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadBytes(path) : null;
    }

    /// <inheritdoc/>
    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;

    private Assembly LoadBytes(string path)
    {
        using var stream = new MemoryStream(File.ReadAllBytes(path));
        return LoadFromStream(stream);
    }
}
