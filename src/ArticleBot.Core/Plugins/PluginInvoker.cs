using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ArticleBot.Core.Citations;
using Microsoft.SemanticKernel;

namespace ArticleBot.Core.Plugins;

/// <summary>A call that cannot be made as written: unknown function, missing or badly typed arguments.</summary>
public sealed class PluginCallException(string message) : Exception(message);

/// <summary>The result of calling one plugin function by hand.</summary>
public sealed record PluginCallResult(string Plugin, string Function, string Result);

/// <summary>
/// Calls one plugin function with text arguments, as <c>call</c>, the chat's <c>/call</c> and Discord's <c>/call</c> do:
/// checks the function exists and is usable, that required arguments are present and typed values parse, then
/// invokes it through the kernel (so filters, the per-call timeout and passage numbering apply).
/// </summary>
public sealed class PluginInvoker(PluginCatalog catalog)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Parses <c>Plugin.function</c>.</summary>
    public static (string Plugin, string Function) ParseName(string qualifiedName)
    {
        ArgumentNullException.ThrowIfNull(qualifiedName);
        var dot = qualifiedName.IndexOf('.', StringComparison.Ordinal);
        return dot <= 0 || dot == qualifiedName.Length - 1
            ? throw new PluginCallException($"'{qualifiedName}' is not Plugin.function; run `plugins` to see the functions.")
            : (qualifiedName[..dot], qualifiedName[(dot + 1)..]);
    }

    /// <summary>
    /// The tool name a program sees for <c>Plugin.function</c>: <c>Plugin_function</c>. Model APIs allow only letters,
    /// digits, <c>_</c> and <c>-</c> in tool names, so models and MCP clients get this spelling; people read and type
    /// <c>Plugin.function</c>, and every place that takes a name accepts both.
    /// </summary>
    public static string ToolName(string plugin, string function) => $"{plugin}_{function}";

    /// <summary>
    /// Reads a name in either spelling, <c>Plugin.function</c> or <c>Plugin_function</c>. A name without a dot is
    /// matched against the loaded plugins, since plugin and function names may themselves hold underscores.
    /// </summary>
    public (string Plugin, string Function) ResolveName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Contains('.', StringComparison.Ordinal))
        {
            return ParseName(name);
        }

        foreach (var plugin in catalog.Plugins.OrderByDescending(p => p.Name.Length))
        {
            if (name.Length > plugin.Name.Length + 1 && name[plugin.Name.Length] == '_' && name.StartsWith(plugin.Name, StringComparison.OrdinalIgnoreCase))
            {
                return (plugin.Name, name[(plugin.Name.Length + 1)..]);
            }
        }

        return ParseName(name);
    }

    /// <summary>Parses <c>name=value</c> arguments (a value may contain '=' and spaces when quoted by the shell).</summary>
    public static Dictionary<string, string> ParseArguments(IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var parsed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var argument in arguments)
        {
            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new PluginCallException($"argument '{argument}' is not name=value.");
            }

            parsed[argument[..equals]] = argument[(equals + 1)..];
        }

        return parsed;
    }

    /// <summary>Calls <paramref name="qualifiedName"/> (<c>Plugin.function</c> or <c>Plugin_function</c>) with <paramref name="arguments"/>.</summary>
    /// <exception cref="PluginCallException">The call is not valid; the message lists the parameters.</exception>
    public async Task<PluginCallResult> InvokeAsync(string qualifiedName, IReadOnlyDictionary<string, string> arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var (pluginName, functionName) = ResolveName(qualifiedName);

        // A plugin still starting (an MCP server) is waited for: a call is what it is there for.
        if (!catalog.Plugins.Any(p => string.Equals(p.Name, pluginName, StringComparison.OrdinalIgnoreCase) && p.State == PluginState.Loaded))
        {
            await catalog.SettleAsync(cancellationToken);
        }
        var info = catalog.Plugins.FirstOrDefault(p => string.Equals(p.Name, pluginName, StringComparison.OrdinalIgnoreCase) && p.State != PluginState.Failed)
            ?? throw new PluginCallException(catalog.Plugins.FirstOrDefault(p => string.Equals(p.Name, pluginName, StringComparison.OrdinalIgnoreCase)) is { } failed
                ? $"plugin {failed.Name} has failed: {failed.Reason}"
                : $"there is no plugin '{pluginName}'; loaded: {string.Join(", ", catalog.Plugins.Where(p => p.State == PluginState.Loaded).Select(p => p.Name))}.");
        var function = info.Functions.FirstOrDefault(f => string.Equals(f.Name, functionName, StringComparison.OrdinalIgnoreCase))
            ?? throw new PluginCallException($"{info.Name} has no function '{functionName}'; it has: {string.Join(", ", info.Functions.Select(f => f.Name))}.");
        if (info.State == PluginState.Unavailable)
        {
            throw new PluginCallException($"{info.Name}.{function.Name} is unavailable: {info.Reason}. Configure a model (see Llm:Provider) to use prompt plugins.");
        }

        var kernelFunction = catalog.FindFunction(info.Name, function.Name)
            ?? throw new PluginCallException($"{info.Name}.{function.Name} is not loaded.");
        Validate(info, function, kernelFunction, arguments);
        using var turn = AnswerTurn.Begin();
        var result = await catalog.Kernel.InvokeAsync(kernelFunction, new KernelArguments(arguments.ToDictionary(a => a.Key, a => (object?)a.Value)), cancellationToken);
        return new PluginCallResult(info.Name, function.Name, Render(result.GetValue<object>()));
    }

    /// <summary>How to call a function: its parameters, for error messages and help.</summary>
    public static string Usage(PluginInfo plugin, PluginFunctionInfo function)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        ArgumentNullException.ThrowIfNull(function);
        var parameters = function.Parameters.Count == 0
            ? "(no parameters)"
            : string.Join("; ", function.Parameters.Select(p => $"{p.Name}: {p.Type}{(p.Required ? ", required" : ", optional")}{(string.IsNullOrWhiteSpace(p.Description) ? string.Empty : $" — {p.Description}")}"));
        return $"{plugin.Name}.{function.Name} {string.Join(' ', function.Parameters.Select(p => p.Required ? $"{p.Name}=<{p.Type}>" : $"[{p.Name}=<{p.Type}>]"))}  parameters: {parameters}";
    }

    private static void Validate(PluginInfo plugin, PluginFunctionInfo function, KernelFunction kernelFunction, IReadOnlyDictionary<string, string> arguments)
    {
        var problems = ToolArguments.Problems(kernelFunction, arguments.ToDictionary(a => a.Key, a => (object?)a.Value));
        if (problems.Count > 0)
        {
            throw new PluginCallException($"{string.Join(", ", problems)}. Usage: {Usage(plugin, function)}");
        }
    }

    private static string Render(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        _ => JsonSerializer.Serialize(value, s_json),
    };
}
