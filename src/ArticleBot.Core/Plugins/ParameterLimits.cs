using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.SemanticKernel;

namespace ArticleBot.Core.Plugins;

/// <summary>The bounds a function declares on one parameter: a number's range, a text's length.</summary>
/// <param name="Minimum">The smallest number allowed.</param>
/// <param name="Maximum">The largest number allowed.</param>
/// <param name="MaxLength">The longest text allowed, in characters.</param>
public sealed record ParameterLimit(double? Minimum, double? Maximum, int? MaxLength)
{
    /// <summary>The range as a user reads it: "0 to 20".</summary>
    public string Range => string.Create(CultureInfo.InvariantCulture, $"{Minimum} to {Maximum}");
}

/// <summary>
/// Reads the bounds a plugin function declares on its parameters with DataAnnotations (<see cref="RangeAttribute"/>,
/// <see cref="StringLengthAttribute"/>, <see cref="MaxLengthAttribute"/>), so that one declaration beside the
/// parameter both refuses an out-of-range call (instead of clamping it silently) and goes into the schema a client sees.
/// Semantic Kernel keeps the method, not these attributes, in its metadata.
/// </summary>
public static class ParameterLimits
{
    // Every tool call checks its arguments against these, so each method's limits are read once. The table holds
    // the methods weakly: a plugin's collectible load context can still unload.
    private static readonly ConditionalWeakTable<MethodInfo, IReadOnlyDictionary<string, ParameterLimit>> s_byMethod = [];

    /// <summary>The limit declared on <paramref name="parameter"/> of <paramref name="function"/>, or null when it declares none.</summary>
    public static ParameterLimit? For(KernelFunction function, string parameter)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (function.UnderlyingMethod is not { } method)
        {
            return null;
        }

        var limits = s_byMethod.GetValue(method, Read);
        return limits.GetValueOrDefault(parameter);
    }

    private static IReadOnlyDictionary<string, ParameterLimit> Read(MethodInfo method)
    {
        var limits = new Dictionary<string, ParameterLimit>(StringComparer.OrdinalIgnoreCase);
        foreach (var info in method.GetParameters())
        {
            if (info.Name is { } name && !limits.ContainsKey(name) && Read(info) is { } limit)
            {
                limits[name] = limit;
            }
        }

        return limits;
    }

    private static ParameterLimit? Read(ParameterInfo info)
    {
        var range = info.GetCustomAttributes(typeof(RangeAttribute), inherit: false).OfType<RangeAttribute>().FirstOrDefault();
        var length = info.GetCustomAttributes(typeof(StringLengthAttribute), inherit: false).OfType<StringLengthAttribute>().FirstOrDefault()?.MaximumLength
            ?? info.GetCustomAttributes(typeof(MaxLengthAttribute), inherit: false).OfType<MaxLengthAttribute>().FirstOrDefault()?.Length;
        if (range is null && length is null)
        {
            return null;
        }

        return new ParameterLimit(
            range is null ? null : Convert.ToDouble(range.Minimum, CultureInfo.InvariantCulture),
            range is null ? null : Convert.ToDouble(range.Maximum, CultureInfo.InvariantCulture),
            length);
    }
}
