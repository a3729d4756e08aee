using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace ArticleBot.Core.Configuration;

/// <summary>
/// Checks an options class's <see cref="RangeAttribute"/> and <see cref="RequiredAttribute"/> and writes each failure
/// naming the setting as it is configured, e.g. <c>Corpus:PassageTargetChars must be between 40 and 20000 (got 5)</c>,
/// so hosts can show the message as it is (no parsing of the framework's own wording).
/// </summary>
/// <typeparam name="TOptions">The options class.</typeparam>
/// <param name="section">The configuration section the options bind to.</param>
public sealed class SettingsValidator<TOptions>(string section) : IValidateOptions<TOptions>
    where TOptions : class
{
    private static readonly PropertyInfo[] s_properties = typeof(TOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanRead && p.GetCustomAttributes<ValidationAttribute>().Any())
        .ToArray();

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var property in s_properties)
        {
            var value = property.GetValue(options);
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
            {
                if (!attribute.IsValid(value))
                {
                    failures.Add(Describe($"{section}:{property.Name}", attribute, value));
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Describe(string key, ValidationAttribute attribute, object? value) => attribute switch
    {
        RangeAttribute range => string.Create(CultureInfo.InvariantCulture, $"{key} must be between {range.Minimum} and {range.Maximum} (got {value})"),
        RequiredAttribute => $"{key} is required",
        _ => $"{key}: {attribute.FormatErrorMessage(key)}",
    };
}
