namespace ArticleBot.Discord.Bot;

/// <summary>
/// Neutralises mention syntax in text the bot posts (a zero-width space after the <c>@</c>), so even a message
/// sent without <c>allowed_mentions</c> could not ping <c>@everyone</c>, a role or a user. Every message also
/// carries <c>allowed_mentions: {"parse": []}</c>; this is the second lock.
/// </summary>
public static class MentionGuard
{
    private const string ZeroWidthSpace = "\u200B";

    /// <summary>The text with every mention defused.</summary>
    public static string Defuse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text
            .Replace("@everyone", "@" + ZeroWidthSpace + "everyone", StringComparison.OrdinalIgnoreCase)
            .Replace("@here", "@" + ZeroWidthSpace + "here", StringComparison.OrdinalIgnoreCase)
            .Replace("<@", "<@" + ZeroWidthSpace, StringComparison.Ordinal);
    }
}
