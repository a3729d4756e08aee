using System.ComponentModel.DataAnnotations;

namespace ArticleBot.Discord;

/// <summary>
/// The Discord channel. Section <c>Discord</c>:
/// <code>
/// "Discord": { "ApiBaseUrl": "https://discord.com/api/v10", "GatewayUrl": "", "GuildIds": [], "AllowedChannelIds": [],
///              "MessageContentIntent": false, "UserCooldownSeconds": 10, "ShardCount": 0, "ShardIds": [] }
/// </code>
/// <c>Discord:Token</c> comes from the environment (<c>Discord__Token</c>) or user-secrets; it is never logged.
/// </summary>
public sealed class DiscordOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Discord";

    /// <summary>The bot token. Secret.</summary>
    public string? Token { get; set; }

    /// <summary>The REST API base URL (tests point it at a fake).</summary>
    [Required]
    [Url]
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>The gateway URL; empty to ask <c>GET /gateway/bot</c>.</summary>
    public string? GatewayUrl { get; set; }

    /// <summary>Guilds to register slash commands in (instantly); empty registers them globally.</summary>
    public IList<string> GuildIds { get; } = [];

    /// <summary>When not empty, the bot answers only in these channels (and in DMs).</summary>
    public IList<string> AllowedChannelIds { get; } = [];

    /// <summary>Ask for the privileged MESSAGE_CONTENT intent (enable it in the Developer Portal first).</summary>
    public bool MessageContentIntent { get; set; }

    /// <summary>Seconds a user waits between questions; 0 turns the cooldown off.</summary>
    [Range(0, 3600)]
    public int UserCooldownSeconds { get; set; } = 10;

    /// <summary>How many questions are answered at once; the rest wait their turn.</summary>
    [Range(1, 64)]
    public int MaxConcurrentAnswers { get; set; } = 4;

    /// <summary>Seconds to wait for Hello after connecting.</summary>
    [Range(1, 300)]
    public int HelloTimeoutSeconds { get; set; } = 20;

    /// <summary>
    /// How many shards the bot has in all (every process uses the same number); 0 asks <c>GET /gateway/bot</c> for
    /// Discord's recommendation. Discord requires sharding from 2,500 servers (close code 4011).
    /// </summary>
    [Range(0, 65_536)]
    public int ShardCount { get; set; }

    /// <summary>The shards this process runs (ids from 0 to ShardCount − 1); empty runs all of them. DMs arrive on shard 0.</summary>
    public IList<int> ShardIds { get; } = [];

    /// <summary>The longest wait between reconnection attempts, in seconds.</summary>
    [Range(1, 600)]
    public int MaxReconnectDelaySeconds { get; set; } = 60;
}
