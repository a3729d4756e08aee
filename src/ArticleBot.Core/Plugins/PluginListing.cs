using System.Text;

namespace ArticleBot.Core.Plugins;

/// <summary>How plugins are listed, the same in the console, the command line and Discord.</summary>
public static class PluginListing
{
    /// <summary><c>name (kind, state[: reason])</c>; the name in bold for Markdown (Discord).</summary>
    public static string Header(PluginInfo plugin, bool markdown = false)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        var name = markdown ? $"**{plugin.Name}**" : plugin.Name;
        var reason = plugin.Reason is null ? string.Empty : ": " + plugin.Reason;
        return $"{name} ({plugin.Kind.ToString().ToLowerInvariant()}, {plugin.State.ToString().ToLowerInvariant()}{reason})";
    }

    /// <summary>One line per plugin: its header and its functions' names (for a chat message).</summary>
    public static string Compact(IReadOnlyList<PluginInfo> plugins, bool markdown = false)
    {
        ArgumentNullException.ThrowIfNull(plugins);
        return string.Join('\n', plugins.Select(p => $"{Header(p, markdown)}: {string.Join(", ", p.Functions.Select(f => f.Name))}"));
    }

    /// <summary>A readable list: one block per plugin (header, source), one line per function with its usage.</summary>
    public static string Text(IReadOnlyList<PluginInfo> plugins)
    {
        ArgumentNullException.ThrowIfNull(plugins);
        var builder = new StringBuilder();
        foreach (var plugin in plugins)
        {
            builder.AppendLine(Header(plugin));
            builder.Append("  from ").AppendLine(plugin.Source);
            foreach (var function in plugin.Functions)
            {
                builder.Append("  ").AppendLine(PluginInvoker.Usage(plugin, function));
                if (!string.IsNullOrWhiteSpace(function.Description))
                {
                    builder.Append("      ").AppendLine(function.Description);
                }
            }
        }

        return builder.ToString().TrimEnd();
    }
}

/// <summary>What a failed plugin call says, the same in the console, the command line and Discord.</summary>
public static class PluginCallFailure
{
    /// <summary>
    /// The message for a call of <paramref name="function"/> that threw <paramref name="exception"/>: a bad call
    /// (unknown function, bad arguments: <see cref="PluginCallException"/>) says why and how to call it; a plugin
    /// that failed says what it reported (the inner error of a kernel exception).
    /// </summary>
    public static string Describe(string function, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            PluginCallException bad => $"Cannot call: {bad.Message}",
            Microsoft.SemanticKernel.KernelException { InnerException: { } inner } => $"{function} failed: {inner.Message}",
            _ => $"{function} failed: {exception.Message}",
        };
    }

    /// <summary>True when the call itself was wrong (a usage error), not the plugin.</summary>
    public static bool IsUsageError(Exception exception) => exception is PluginCallException;
}
