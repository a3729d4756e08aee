using System.Text.RegularExpressions;

namespace ArticleBot.Discord.Bot;

/// <summary>
/// Neutralises mention syntax in text the bot posts (a zero-width space after the <c>@</c>), so even a message
/// sent without <c>allowed_mentions</c> could not ping <c>@everyone</c>, a role or a user. Every message also
/// carries <c>allowed_mentions: {"parse": []}</c>; this is the second lock. Defusing is idempotent (defused text
/// is left as it is), so a piece can be checked against Discord's limits once and stay within them.
/// </summary>
public static partial class MentionGuard
{
    private const string ZeroWidthSpace = "\u200B";

    /// <summary>The text with every mention defused.</summary>
    public static string Defuse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return MentionRegex().Replace(text, m => m.Value.Insert(m.Value.IndexOf('@', StringComparison.Ordinal) + 1, ZeroWidthSpace));
    }

    /// <summary><c>@everyone</c>, <c>@here</c> (any case) and <c>&lt;@</c>, unless already followed by the zero-width space.</summary>
    [GeneratedRegex("@(?=everyone|here)|<@(?!\u200B)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MentionRegex();
}
