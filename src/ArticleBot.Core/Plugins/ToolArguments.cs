using System.Globalization;
using System.Text.Json;
using Microsoft.SemanticKernel;

namespace ArticleBot.Core.Plugins;

/// <summary>
/// Checks a function call's arguments against the function's parameters before it runs: required ones present,
/// none unknown, each convertible to its parameter's type and in range (an int that overflows, a number that is
/// infinite, "many" for an integer, or outside the bounds the function declares: see <see cref="ParameterLimits"/>).
/// One check for every caller: a model's tool call, <c>call</c> and MCP alike.
/// </summary>
public static class ToolArguments
{
    /// <summary>What is wrong with the arguments, the function's declared bounds included; empty when the call can be made.</summary>
    public static IReadOnlyList<string> Problems(KernelFunction function, IReadOnlyDictionary<string, object?> arguments)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(arguments);
        var problems = Problems(function.Metadata, arguments).ToList();
        if (problems.Count > 0)
        {
            return problems;
        }

        foreach (var parameter in function.Metadata.Parameters)
        {
            var present = arguments.FirstOrDefault(a => string.Equals(a.Key, parameter.Name, StringComparison.OrdinalIgnoreCase));
            if (present.Value is not null && ParameterLimits.For(function, parameter.Name) is { } limit && OutOfBounds(present.Value, limit) is { } problem)
            {
                problems.Add($"{parameter.Name}={Show(present.Value)} {problem}");
            }
        }

        return problems;
    }

    /// <summary>What is wrong with the arguments (types, missing, unknown); empty when the call can be made.</summary>
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
        var text = Text(value);

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

    /// <summary>Why a value is outside the declared bounds, or null.</summary>
    private static string? OutOfBounds(object value, ParameterLimit limit)
    {
        var text = Text(value);
        if (limit.MaxLength is { } max && text.Length > max)
        {
            return string.Create(CultureInfo.InvariantCulture, $"is {text.Length} characters long; at most {max}");
        }

        if ((limit.Minimum is not null || limit.Maximum is not null) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && (number < (limit.Minimum ?? double.MinValue) || number > (limit.Maximum ?? double.MaxValue)))
        {
            return $"is out of range ({limit.Range})";
        }

        return null;
    }

    private static string Text(object value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.String } json => json.GetString() ?? string.Empty,
        JsonElement json => json.GetRawText(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Show(object value)
    {
        var text = value is JsonElement json ? json.ValueKind == JsonValueKind.String ? $"'{json.GetString()}'" : json.GetRawText() : $"'{value}'";
        return text.Length > 40 ? text[..40] + "…" : text;
    }
}
