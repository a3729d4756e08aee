namespace ArticleBot.Discord.Bot;

/// <summary>The ids of recent messages the bot posted, so a reply to one of them is addressed to the bot.</summary>
public sealed class OwnMessages
{
    private readonly RecentIds _ids = new();

    /// <summary>Remembers a message the bot posted.</summary>
    public void Add(string messageId)
    {
        if (!string.IsNullOrEmpty(messageId))
        {
            _ids.Add(messageId);
        }
    }

    /// <summary>True when the bot posted the message.</summary>
    public bool Contains(string messageId) => _ids.Contains(messageId);
}
