using System.Text.Json;
using ArticleBot.Core.Plugins;

namespace ArticleBot.Output;

/// <summary>Renders the plugin list and call results, as text or in the JSON contract of the plugins issue.</summary>
public static class PluginOutput
{
    /// <summary><c>{"plugins": [{"name", "kind", "state", "reason", "source", "functions": [...]}]}</c>.</summary>
    public static string Json(IReadOnlyList<PluginInfo> plugins)
    {
        ArgumentNullException.ThrowIfNull(plugins);
        return JsonSerializer.Serialize(new
        {
            plugins = plugins.Select(p => new
            {
                name = p.Name,
                kind = p.Kind.ToString().ToLowerInvariant(),
                state = p.State.ToString().ToLowerInvariant(),
                reason = p.Reason,
                source = p.Source,
                functions = p.Functions.Select(f => new
                {
                    name = f.Name,
                    description = f.Description,
                    parameters = f.Parameters.Select(x => new { name = x.Name, type = x.Type, required = x.Required, description = x.Description }),
                }),
            }),
        }, JsonOutput.Options);
    }

    /// <summary>A readable list: one block per plugin, one line per function (shared with the chat and Discord).</summary>
    public static string Text(IReadOnlyList<PluginInfo> plugins) => PluginListing.Text(plugins);

    /// <summary>The <c>call --json</c> object: <c>{"plugin", "function", "result"}</c>.</summary>
    public static string Json(PluginCallResult result) =>
        JsonSerializer.Serialize(new { plugin = result.Plugin, function = result.Function, result = result.Result }, JsonOutput.Options);
}
