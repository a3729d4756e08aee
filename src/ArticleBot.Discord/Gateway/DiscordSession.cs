namespace ArticleBot.Discord.Gateway;

/// <summary>
/// Who the bot is, from READY (parsed once, by the gateway, before any later event of that shard is handed on):
/// the bot's user id and its application id. The same for every shard.
/// </summary>
public sealed class DiscordSession
{
    private string? _userId;
    private string? _applicationId;

    /// <summary>The bot's own user id.</summary>
    public string? UserId => Volatile.Read(ref _userId);

    /// <summary>The application id.</summary>
    public string? ApplicationId => Volatile.Read(ref _applicationId);

    internal void Set(string userId, string applicationId)
    {
        Volatile.Write(ref _userId, userId);
        Volatile.Write(ref _applicationId, applicationId);
    }
}
