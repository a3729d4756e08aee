using ArticleBot.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ArticleBot.Cli;

/// <summary>A setting that cannot work as given: exit code 2, with a message that names it and what it may be.</summary>
public sealed class SettingsException(string message) : Exception(message);

/// <summary>
/// Checks what the configuration framework would otherwise accept silently or reject with a stack trace: log levels
/// that are not levels, and command-line switches for settings that do not exist (a typo that would be ignored).
/// </summary>
public static class SettingsCheck
{
    private static readonly string s_levels = string.Join(", ", Enum.GetNames<LogLevel>());

    /// <summary>Every <c>Logging:…:LogLevel:…</c> value must name a log level.</summary>
    /// <exception cref="SettingsException">One does not.</exception>
    public static void LogLevels(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var setting in configuration.GetSection("Logging").AsEnumerable())
        {
            if (setting.Value is { } value && setting.Key.Contains(":LogLevel:", StringComparison.OrdinalIgnoreCase)
                && !(Enum.TryParse<LogLevel>(value, ignoreCase: true, out var level) && Enum.IsDefined(level)))
            {
                throw new SettingsException($"{setting.Key} is '{value}', which is not a log level; use one of {s_levels}.");
            }
        }
    }

    /// <summary>Every <c>--Section:Key</c> switch must be a setting the bot reads.</summary>
    /// <exception cref="SettingsException">
    /// Some are not: the message names each of them (so one run shows every typo), with the nearest known key.
    /// </exception>
    public static void Switches(IReadOnlyList<string> configurationArgs, KnownSettings known)
    {
        ArgumentNullException.ThrowIfNull(configurationArgs);
        ArgumentNullException.ThrowIfNull(known);
        var unknown = configurationArgs.Where(a => a.StartsWith("--", StringComparison.Ordinal))
            .Select(a => a[2..].Split('=', 2)[0]).Where(key => !known.IsKnown(key)).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(key => known.Nearest(key) is { } nearest ? $"--{key} (did you mean --{nearest}?)" : $"--{key}").ToList();
        if (unknown.Count > 0)
        {
            throw new SettingsException($"unknown setting{(unknown.Count > 1 ? "s" : string.Empty)} {string.Join(", ", unknown)}; see the README's configuration tables");
        }
    }
}
