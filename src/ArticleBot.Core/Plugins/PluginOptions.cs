using System.ComponentModel.DataAnnotations;

namespace ArticleBot.Core.Plugins;

/// <summary>
/// Where plugins come from. Section <c>Plugins</c>:
/// <code>
/// "Plugins": { "Directories": [], "CallTimeoutSeconds": 10, "WatchForChanges": true }
/// </code>
/// Besides the listed folders, the <c>plugins</c> folder beside the executable is always searched (the build copies
/// the sample plugins there). Each subfolder of a plugin folder is one plugin.
/// </summary>
public sealed class PluginOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Plugins";

    /// <summary>More plugin folders (relative to the content root, or absolute).</summary>
    public IList<string> Directories { get; } = [];

    /// <summary>Search the <c>plugins</c> folder beside the executable too.</summary>
    public bool IncludeDefaultDirectory { get; set; } = true;

    /// <summary>How long one plugin function may run before the call fails.</summary>
    [Range(1, 600)]
    public int CallTimeoutSeconds { get; set; } = 10;

    /// <summary>How long a compiled plugin's constructor may take when it loads; past it the plugin is failed.</summary>
    [Range(1, 600)]
    public int LoadTimeoutSeconds { get; set; } = 10;

    /// <summary>In the chat and in Discord, reload plugins when their folders change.</summary>
    public bool WatchForChanges { get; set; } = true;

    /// <summary>How long the folders must be quiet before a reload (milliseconds).</summary>
    [Range(50, 60_000)]
    public int ReloadDebounceMilliseconds { get; set; } = 750;
}
