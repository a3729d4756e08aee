using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArticleBot.Core.Plugins;
using Microsoft.SemanticKernel;

namespace ArticleBot.Mcp;

/// <summary>
/// What an MCP client may pass to a tool, said once and used twice: in the input schema of <c>tools/list</c>
/// (<c>maxLength</c> on every text, <c>minimum</c>/<c>maximum</c> on every integer, no other properties) and in the
/// check of <c>tools/call</c>, where each problem (a missing, unknown, null or ill-typed argument, a number out of range,
/// a text too long) is reported, never converted, clamped or ignored. The bounds are the ones the function declares
/// (<see cref="ParameterLimits"/>), and texts are capped at <see cref="ArticleMcpOptions.MaxArgumentChars"/> in any case.
/// </summary>
public static class ToolInput
{
    /// <summary>The input schema of a kernel function as a tool.</summary>
    public static JsonObject Schema(KernelFunction function, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(function);
        var properties = new JsonObject();
        foreach (var parameter in function.Metadata.Parameters)
        {
            var schema = parameter.Schema is { } s ? JsonNode.Parse(s.RootElement.GetRawText())!.AsObject() : new JsonObject { ["type"] = "string" };
            if (!string.IsNullOrWhiteSpace(parameter.Description) && !schema.ContainsKey("description"))
            {
                schema["description"] = parameter.Description;
            }

            var limit = ParameterLimits.For(function, parameter.Name);
            switch (Kind(parameter.ParameterType))
            {
                case JsonKind.String:
                    schema["maxLength"] = MaxLength(limit, maxChars);
                    break;
                case JsonKind.Integer:
                    var (minimum, maximum) = IntegerRange(parameter.ParameterType, limit);
                    schema["minimum"] = minimum;
                    schema["maximum"] = maximum;
                    break;
            }

            properties[parameter.Name] = schema;
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray(function.Metadata.Parameters.Where(p => p.IsRequired).Select(p => (JsonNode)p.Name).ToArray()),
            ["additionalProperties"] = false,
        };
    }

    /// <summary>What is wrong with the arguments of a call; empty when it can be made.</summary>
    public static IReadOnlyList<string> Problems(KernelFunction function, IDictionary<string, JsonElement> arguments, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(arguments);
        var parameters = function.Metadata.Parameters;
        var problems = new List<string>();
        foreach (var name in arguments.Keys.Where(k => !parameters.Any(p => p.Name == k)))
        {
            problems.Add(parameters.Count == 0
                ? $"unknown argument '{Cut(name)}' (the tool takes none)"
                : $"unknown argument '{Cut(name)}' (the tool takes {string.Join(", ", parameters.Select(p => p.Name))})");
        }

        foreach (var parameter in parameters)
        {
            if (!arguments.TryGetValue(parameter.Name, out var value))
            {
                if (parameter.IsRequired)
                {
                    problems.Add($"missing {parameter.Name}");
                }

                continue;
            }

            if (Problem(parameter, ParameterLimits.For(function, parameter.Name), value, maxChars) is { } problem)
            {
                problems.Add(problem);
            }
        }

        return problems;
    }

    /// <summary>What is wrong with a text argument (not a string, too long); null when it is fine.</summary>
    public static string? TextProblem(string name, JsonElement value, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (value.ValueKind != JsonValueKind.String)
        {
            return $"{name} must be a string, not {Show(value)}";
        }

        var length = value.GetString()!.Length;
        return length > maxChars ? string.Create(CultureInfo.InvariantCulture, $"{name} is {length} characters long; at most {maxChars} (Mcp:MaxArgumentChars)") : null;
    }

    private static string? Problem(KernelParameterMetadata parameter, ParameterLimit? limit, JsonElement value, int maxChars)
    {
        var name = parameter.Name;
        if (value.ValueKind == JsonValueKind.Null)
        {
            return $"{name} is null; give a value or leave it out";
        }

        switch (Kind(parameter.ParameterType))
        {
            case JsonKind.String:
                var max = MaxLength(limit, maxChars);
                if (value.ValueKind != JsonValueKind.String)
                {
                    return $"{name} must be a string, not {Show(value)}";
                }

                var length = value.GetString()!.Length;
                return length > max ? string.Create(CultureInfo.InvariantCulture, $"{name} is {length} characters long; at most {max}") : null;
            case JsonKind.Integer:
                var (minimum, maximum) = IntegerRange(parameter.ParameterType, limit);
                return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var integer) && integer >= minimum && integer <= maximum
                    ? null
                    : string.Create(CultureInfo.InvariantCulture, $"{name} must be an integer from {minimum} to {maximum}, not {Show(value)}");
            case JsonKind.Number:
                return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
                    && number >= (limit?.Minimum ?? double.MinValue) && number <= (limit?.Maximum ?? double.MaxValue)
                    ? null
                    : $"{name} must be a finite number{(limit?.Minimum is null ? string.Empty : $" from {limit.Range}")}, not {Show(value)}";
            case JsonKind.Boolean:
                return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : $"{name} must be true or false, not {Show(value)}";
            default:
                // A value of a type the schema does not spell out (an object, an array): capped as a whole.
                var size = value.GetRawText().Length;
                return size > maxChars ? string.Create(CultureInfo.InvariantCulture, $"{name} is {size} characters of JSON; at most {maxChars} (Mcp:MaxArgumentChars)") : null;
        }
    }

    private static int MaxLength(ParameterLimit? limit, int maxChars) => Math.Min(limit?.MaxLength ?? maxChars, maxChars);

    private static (long Minimum, long Maximum) IntegerRange(Type? type, ParameterLimit? limit)
    {
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        var (lowest, highest) = type == typeof(long) ? (long.MinValue, long.MaxValue)
            : type == typeof(short) ? (short.MinValue, short.MaxValue)
            : type == typeof(byte) ? (byte.MinValue, byte.MaxValue)
            : ((long)int.MinValue, (long)int.MaxValue);
        return (
            limit?.Minimum is { } min ? Math.Max(lowest, (long)Math.Ceiling(min)) : lowest,
            limit?.Maximum is { } max ? Math.Min(highest, (long)Math.Floor(max)) : highest);
    }

    private static JsonKind Kind(Type? type)
    {
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type is null ? JsonKind.Any
            : type == typeof(string) ? JsonKind.String
            : type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) ? JsonKind.Integer
            : type == typeof(double) || type == typeof(float) || type == typeof(decimal) ? JsonKind.Number
            : type == typeof(bool) ? JsonKind.Boolean
            : JsonKind.Any;
    }

    private static string Show(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => $"the string \"{Cut(value.GetString()!)}\"",
            JsonValueKind.Array => "an array",
            JsonValueKind.Object => "an object",
            JsonValueKind.Null => "null",
            _ => Cut(value.GetRawText()),
        };
        return text;
    }

    private static string Cut(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private enum JsonKind
    {
        String,
        Integer,
        Number,
        Boolean,
        Any,
    }
}
