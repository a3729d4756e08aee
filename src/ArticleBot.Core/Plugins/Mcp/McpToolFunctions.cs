using System.Globalization;
using System.Text.Json;
using ArticleBot.Abstractions;
using Microsoft.SemanticKernel;
using ModelContextProtocol.Protocol;

namespace ArticleBot.Core.Plugins.Mcp;

/// <summary>
/// Turns an MCP server's tools into kernel functions: parameters from the tool's input schema (so <c>call</c>, the
/// chat's <c>/call</c>, Discord and models see them like any plugin's), text arguments converted to the schema's types,
/// and results mapped back: a result shaped like <see cref="PassageSearchResult"/> (<c>{query, passages: [{n, id,
/// section, text}]}</c>, as structured content or as JSON text) becomes passages the answer can cite; anything else is
/// the tool's text.
/// </summary>
public static class McpToolFunctions
{
    /// <summary>
    /// The metadata key that marks a function as an MCP server's tool. Such a call is bounded, and its server killed and
    /// restarted, by its <see cref="McpServerConnection"/>: <see cref="PluginGuardFilter"/> leaves it alone, or two
    /// equal timers would race and a hung tool would end in the guard's "out of service" instead of a restart.
    /// </summary>
    public const string ServerKey = "articlebot.mcp.server";

    /// <summary>The kernel plugin for a server's tools.</summary>
    public static KernelPlugin CreatePlugin(string pluginName, McpServerConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var functions = connection.Tools
            .GroupBy(t => SafeName(t.Name), StringComparer.OrdinalIgnoreCase)
            .Select(g => CreateFunction(connection, g.First()))
            .ToList();
        return KernelPluginFactory.CreateFromFunctions(pluginName, $"Tools of the MCP server {connection.Name}", functions);
    }

    /// <summary>A name Semantic Kernel accepts: ASCII letters, digits and '_'.</summary>
    public static string SafeName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var safe = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_').ToArray());
        return safe.Length == 0 ? "tool" : safe;
    }

    /// <summary>Maps a tool result: passages when it is shaped like a passage search, else its text.</summary>
    /// <exception cref="McpPluginException">The tool reported an error.</exception>
    public static object MapResult(string server, string tool, CallToolResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = string.Join("\n", result.Content.Select(c => c switch
        {
            TextContentBlock t => t.Text,
            _ => $"[{c.Type} content]",
        }));
        if (result.IsError == true)
        {
            throw new McpPluginException($"{server}.{tool} returned an error: {text}");
        }

        if (result.StructuredContent is { } structured && AsPassages(structured) is { } fromStructured)
        {
            return fromStructured;
        }

        if (text.TrimStart().StartsWith('{') && TryParse(text) is { } json && AsPassages(json) is { } fromText)
        {
            return fromText;
        }

        return text.Length == 0 && result.StructuredContent is { } only ? only.GetRawText() : text;
    }

    /// <summary><c>{query?, passages: [{n?, id, section?, text}]}</c> → <see cref="PassageSearchResult"/>, else null.</summary>
    public static PassageSearchResult? AsPassages(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty("passages", out var passages) || passages.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var found = new List<FoundPassage>();
        foreach (var passage in passages.EnumerateArray())
        {
            if (passage.ValueKind != JsonValueKind.Object
                || !passage.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String
                || !passage.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var n = passage.TryGetProperty("n", out var number) && number.TryGetInt32(out var value) ? value : found.Count + 1;
            var section = passage.TryGetProperty("section", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            found.Add(new FoundPassage(n, id.GetString()!, section, text.GetString()!));
        }

        var query = json.TryGetProperty("query", out var q) && q.ValueKind == JsonValueKind.String ? q.GetString()! : string.Empty;
        return new PassageSearchResult(query, found);
    }

    private static KernelFunction CreateFunction(McpServerConnection connection, Tool tool)
    {
        var parameters = Parameters(tool.InputSchema);
        return KernelFunctionFactory.CreateFromMethod(
            (Func<KernelArguments, CancellationToken, Task<object>>)(async (arguments, cancellationToken) =>
            {
                var converted = Convert(arguments, tool.InputSchema);
                var result = await connection.CallToolAsync(tool.Name, converted, cancellationToken);
                return MapResult(connection.Name, tool.Name, result);
            }),
            new KernelFunctionFromMethodOptions
            {
                FunctionName = SafeName(tool.Name),
                Description = string.IsNullOrWhiteSpace(tool.Description) ? tool.Title ?? tool.Name : tool.Description,
                Parameters = parameters,
                ReturnParameter = new KernelReturnParameterMetadata { Description = "The tool's text, or passages of the article to cite.", ParameterType = typeof(object) },
                AdditionalMetadata = new(new Dictionary<string, object?> { [ServerKey] = connection.Name }),
            });
    }

    private static List<KernelParameterMetadata> Parameters(JsonElement schema)
    {
        var list = new List<KernelParameterMetadata>();
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return list;
        }

        var required = schema.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToHashSet(StringComparer.Ordinal)
            : [];
        foreach (var property in properties.EnumerateObject())
        {
            list.Add(new KernelParameterMetadata(property.Name)
            {
                Description = property.Value.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null,
                IsRequired = required.Contains(property.Name),
                ParameterType = TypeOf(property.Value),
                Schema = KernelJsonSchema.Parse(property.Value.GetRawText()),
            });
        }

        return list;
    }

    private static string? SchemaType(JsonElement property) =>
        property.ValueKind == JsonValueKind.Object && property.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null;

    private static Type? TypeOf(JsonElement property) => SchemaType(property) switch
    {
        "integer" => typeof(long),
        "number" => typeof(double),
        "boolean" => typeof(bool),
        "string" => typeof(string),
        _ => null,
    };

    /// <summary>Text arguments (from <c>call</c>, <c>/call</c>, Discord) become the JSON types the schema asks for.</summary>
    private static Dictionary<string, object?> Convert(KernelArguments arguments, JsonElement schema)
    {
        var properties = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        var converted = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in arguments)
        {
            var type = properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var property) ? SchemaType(property) : null;
            converted[name] = value is string text ? ConvertText(text, type) : value;
        }

        return converted;
    }

    private static object? ConvertText(string text, string? type) => type switch
    {
        "integer" when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
        "number" when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        "boolean" when bool.TryParse(text, out var b) => b,
        "object" or "array" when TryParse(text) is { } json => json,
        _ => text,
    };

    private static JsonElement? TryParse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
