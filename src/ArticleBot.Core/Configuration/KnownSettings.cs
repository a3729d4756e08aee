using System.Collections;
using System.Reflection;

namespace ArticleBot.Core.Configuration;

/// <summary>A configuration section and the options class bound to it (recorded by <c>AddSettings</c>).</summary>
/// <param name="Section">The section, e.g. <c>Retrieval</c>.</param>
/// <param name="OptionsType">The class its keys bind to.</param>
public sealed record SettingsSection(string Section, Type OptionsType);

/// <summary>
/// Every setting the bot reads, from the options classes bound to their sections, so a key given on the command
/// line can be checked: a misspelt <c>--Retreival:TopK=3</c> is refused with the nearest known key instead of being
/// silently ignored. <c>Logging:*</c> keys belong to the logging system and are always known.
/// </summary>
public sealed class KnownSettings(IEnumerable<SettingsSection> sections)
{
    private static readonly string[] s_openSections = ["Logging"];

    private readonly IReadOnlyList<SettingsSection> _sections = [.. sections];

    /// <summary>The settings' keys, <c>Section:Property</c>, for messages and suggestions.</summary>
    public IEnumerable<string> Keys => _sections.SelectMany(s => Properties(s.OptionsType).Select(p => $"{s.Section}:{p.Name}")).Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="key"/> (<c>Section:Property[:index…]</c>) is a setting the bot reads.</summary>
    public bool IsKnown(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parts = key.Split(':');
        if (s_openSections.Contains(parts[0], StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var section in _sections.Where(s => string.Equals(s.Section, parts[0], StringComparison.OrdinalIgnoreCase)))
        {
            if (parts.Length == 1)
            {
                return true;
            }

            var property = Properties(section.OptionsType).FirstOrDefault(p => string.Equals(p.Name, parts[1], StringComparison.OrdinalIgnoreCase));
            if (property is not null && (parts.Length == 2 || IsOpen(property.PropertyType)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The known key nearest to <paramref name="key"/> by edit distance, or null when none is close.</summary>
    public string? Nearest(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var head = string.Join(':', key.Split(':').Take(2));
        var best = Keys.Select(k => (Key: k, Distance: Distance(head.ToLowerInvariant(), k.ToLowerInvariant()))).MinBy(k => k.Distance);
        return best.Key is not null && best.Distance <= Math.Max(2, head.Length / 3) ? best.Key : null;
    }

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || IsOpen(p.PropertyType));

    /// <summary>Lists and dictionaries take keys below them (<c>Plugins:Directories:0</c>).</summary>
    private static bool IsOpen(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
