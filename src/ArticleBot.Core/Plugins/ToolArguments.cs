using System.Globalization;
using System.Text.Json;
using Microsoft.SemanticKernel;

namespace ArticleBot.Core.Plugins;

/// <summary>
/// Checks a function call's arguments against the function's parameters before it runs: required ones present,
/// none unknown, each convertible to its parameter's type and in range (an int that overflows, a number that is
/// infinite, "many" for an integer). One check for every caller: a model's tool call and <c>call</c> alike.
/// </summary>
public static class ToolArguments
{
    /// <summary>What is wrong with the arguments; empty when the call can be made.</summary>
    public static IReadOnlyList<string> Problems(KernelFunctionMetadata function, IReadOnlyDictionary<string, object?> arguments)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(arguments);
        var problems = new List<string>();
        foreach (var parameter in function.Parameters)
        {
            var present = arguments.FirstOrDefault(a => string.Equals(a.Key, parameter.Name, StringComparison.OrdinalIgnoreCase));
            if (present.Key is null || present.Value is null)
            {
                if (parameter.IsRequired)
                {
                    problems.Add($"missing {parameter.Name}");
                }

                continue;
            }

            if (Fits(present.Value, parameter.ParameterType) is { } expected)
            {
                problems.Add($"{parameter.Name}={Show(present.Value)} is not of type {TypeName(parameter.ParameterType)} ({expected})");
            }
        }

        problems.AddRange(arguments.Keys
            .Where(k => !function.Parameters.Any(p => string.Equals(p.Name, k, StringComparison.OrdinalIgnoreCase)))
            .Select(k => $"unknown argument {k}"));
        return problems;
    }

    /// <summary>The parameters as a model or a user should give them, for error messages.</summary>
    public static string Signature(KernelFunctionMetadata function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return $"{function.PluginName}.{function.Name}({string.Join(", ", function.Parameters.Select(p => $"{p.Name}: {TypeName(p.ParameterType)}{(p.IsRequired ? string.Empty : " (optional)")}"))})";
    }

    /// <summary>The JSON-schema-like name of a parameter type: string, integer, number, boolean.</summary>
    public static string TypeName(Type? type)
    {
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            null => "string",
            _ when type == typeof(string) => "string",
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) => "integer",
            _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "number",
            _ when type == typeof(bool) => "boolean",
            _ => type.Name,
        };
    }

    /// <summary>Null when <paramref name="value"/> converts to <paramref name="type"/>; otherwise what was expected.</summary>
    private static string? Fits(object value, Type? type)
    {
        type = Nullable.GetUnderlyingType(type ?? typeof(string)) ?? type ?? typeof(string);
        var text = value switch
        {
            JsonElement { ValueKind: JsonValueKind.String } json => json.GetString(),
            JsonElement json => json.GetRawText(),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        } ?? string.Empty;

        if (type == typeof(string))
        {
            return value is JsonElement { ValueKind: JsonValueKind.Object or JsonValueKind.Array } ? "a string" : null;
        }

        if (type == typeof(int))
        {
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? null : $"an integer from {int.MinValue} to {int.MaxValue}";
        }

        if (type == typeof(long))
        {
            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? null : "an integer";
        }

        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
                && (type != typeof(float) || float.IsFinite((float)number))
                && (type != typeof(decimal) || Math.Abs(number) < 7.9e28)
                ? null
                : "a finite number";
        }

        if (type == typeof(bool))
        {
            return bool.TryParse(text, out _) ? null : "true or false";
        }

        return null; // other types: Semantic Kernel's own conversion decides
    }

    private static string Show(object value)
    {
        var text = value is JsonElement json ? json.ValueKind == JsonValueKind.String ? $"'{json.GetString()}'" : json.GetRawText() : $"'{value}'";
        return text.Length > 40 ? text[..40] + "…" : text;
    }
}
