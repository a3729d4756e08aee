using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ArticleBot.Core.Plugins.Mcp;

/// <summary>
/// One MCP server used as a plugin, declared the way MCP clients declare it in their <c>mcpServers</c> block:
/// a command to start (stdio), or the <see cref="Url"/> of a streamable HTTP server.
/// </summary>
public sealed class McpServerDeclaration
{
    /// <summary>The program to start, e.g. <c>dotnet</c>, <c>node</c>, <c>npx</c>, <c>uvx</c> or a path.</summary>
    public string? Command { get; set; }

    /// <summary>Its arguments, one element each (no shell quoting).</summary>
    public IList<string> Args { get; } = [];

    /// <summary>Environment variables set for it (on top of the bot's own).</summary>
    public IDictionary<string, string> Env { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Its working directory (relative to the content root); the content root when empty.</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>The URL of a streamable HTTP MCP server, instead of <see cref="Command"/>.</summary>
    public string? Url { get; set; }
}

/// <summary>
/// MCP servers as plugins. Section <c>Plugins</c> (shared with <see cref="PluginOptions"/>):
/// <code>
/// "Plugins": {
///   "McpServers": { "wordcount": { "Command": "dotnet", "Args": ["plugins/McpWordCount/McpWordCount.dll"], "Env": {}, "WorkingDirectory": "" } },
///   "McpMaxRestarts": 5, "McpStartTimeoutSeconds": 30, "McpMaxMessageBytes": 4194304
/// }
/// </code>
/// Each server's tools become a plugin named after the server; calls are bounded by <c>Plugins:CallTimeoutSeconds</c>.
/// </summary>
public sealed class McpPluginOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Plugins";

    /// <summary>The servers, by plugin name.</summary>
    public IDictionary<string, McpServerDeclaration> McpServers { get; } = new Dictionary<string, McpServerDeclaration>(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many times a server that exits or hangs is restarted (with backoff) before it is marked failed.</summary>
    [Range(0, 100)]
    public int McpMaxRestarts { get; set; } = 5;

    /// <summary>How long a server may take to start and list its tools.</summary>
    [Range(1, 600)]
    public int McpStartTimeoutSeconds { get; set; } = 30;

    /// <summary>The largest message a server may send (bytes); a server that sends more is killed and restarted.</summary>
    [Range(1024, 1024 * 1024 * 1024)]
    public int McpMaxMessageBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>The first restart delay; it doubles with each restart, up to 30 seconds.</summary>
    [Range(0, 60_000)]
    public int McpRestartDelayMilliseconds { get; set; } = 500;
}

/// <summary>Names the setting at fault: a server with neither or both of Command and Url, or a bad URL.</summary>
public sealed class McpPluginOptionsValidator : IValidateOptions<McpPluginOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, McpPluginOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (server, declaration) in options.McpServers)
        {
            var key = $"Plugins:McpServers:{server}";
            var hasCommand = !string.IsNullOrWhiteSpace(declaration.Command);
            var hasUrl = !string.IsNullOrWhiteSpace(declaration.Url);
            if (hasCommand == hasUrl)
            {
                failures.Add($"{key}: give either Command (a program to start over stdio) or Url (a streamable HTTP server), not {(hasCommand ? "both" : "neither")}.");
            }
            else if (hasUrl && (!Uri.TryCreate(declaration.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            {
                failures.Add($"{key}:Url: '{declaration.Url}' is not an http(s) URL.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
