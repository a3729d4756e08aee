using System.ComponentModel.DataAnnotations;
using System.Globalization;
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
    /// <summary>The limit declared on <paramref name="parameter"/> of <paramref name="function"/>, or null when it declares none.</summary>
    public static ParameterLimit? For(KernelFunction function, string parameter)
    {
        ArgumentNullException.ThrowIfNull(function);
        var info = function.UnderlyingMethod?.GetParameters().FirstOrDefault(p => string.Equals(p.Name, parameter, StringComparison.OrdinalIgnoreCase));
        if (info is null)
        {
            return null;
        }

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
