namespace ArticleBot.Core.Plugins;

/// <summary>How a plugin came to be.</summary>
public enum PluginKind
{
    /// <summary>Part of the bot (the article plugin).</summary>
    Builtin,

    /// <summary>A compiled class library loaded from a plugin folder.</summary>
    Compiled,

    /// <summary>A Semantic Kernel prompt directory.</summary>
    Prompt,

    /// <summary>A Model Context Protocol server in its own process (or at a URL), declared in <c>Plugins:McpServers</c>.</summary>
    Mcp,
}

/// <summary>Whether a plugin can be used.</summary>
public enum PluginState
{
    /// <summary>Loaded and offered to the model and to <c>call</c>.</summary>
    Loaded,

    /// <summary>Loaded but not usable now (a prompt plugin without a model).</summary>
    Unavailable,

    /// <summary>Could not be loaded; see the reason.</summary>
    Failed,
}

/// <summary>A parameter of a plugin function.</summary>
public sealed record PluginParameterInfo(string Name, string Type, bool Required, string? Description);

/// <summary>A plugin function.</summary>
public sealed record PluginFunctionInfo(string Name, string? Description, IReadOnlyList<PluginParameterInfo> Parameters);

/// <summary>What the bot knows of one plugin.</summary>
/// <param name="Name">The plugin name (as in <c>call Name.function</c>).</param>
/// <param name="Kind">Builtin, compiled or prompt.</param>
/// <param name="State">Loaded, unavailable or failed.</param>
/// <param name="Reason">Why it is unavailable or failed.</param>
/// <param name="Source">Where it was loaded from.</param>
/// <param name="Functions">Its functions.</param>
public sealed record PluginInfo(string Name, PluginKind Kind, PluginState State, string? Reason, string Source, IReadOnlyList<PluginFunctionInfo> Functions);
