using System.Globalization;

namespace ArticleBot.Discord.Gateway;

/// <summary>Gateway opcodes (C→S: the bot sends; C←S: Discord sends).</summary>
public enum GatewayOpCode
{
    /// <summary>C←S: an event (<c>t</c> names it, <c>s</c> is its sequence).</summary>
    Dispatch = 0,

    /// <summary>C↔S: keep-alive; the server may ask for one at once.</summary>
    Heartbeat = 1,

    /// <summary>C→S: start a new session.</summary>
    Identify = 2,

    /// <summary>C→S: continue a dropped session.</summary>
    Resume = 6,

    /// <summary>C←S: reconnect and resume.</summary>
    Reconnect = 7,

    /// <summary>C←S: the session is invalid; <c>d</c> says whether it may be resumed.</summary>
    InvalidSession = 9,

    /// <summary>C←S: the first message, with <c>heartbeat_interval</c>.</summary>
    Hello = 10,

    /// <summary>C←S: a heartbeat was received.</summary>
    HeartbeatAck = 11,
}

/// <summary>Gateway intents the bot asks for.</summary>
[Flags]
public enum GatewayIntents
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>Guild create/update events.</summary>
    Guilds = 1 << 0,

    /// <summary>MESSAGE_CREATE in guilds.</summary>
    GuildMessages = 1 << 9,

    /// <summary>MESSAGE_CREATE in DMs.</summary>
    DirectMessages = 1 << 12,

    /// <summary>Privileged: message content of messages that do not mention the bot.</summary>
    MessageContent = 1 << 15,
}

/// <summary>Close codes and what they mean for reconnecting.</summary>
public static class GatewayCloseCodes
{
    /// <summary>The code the bot closes with when it wants to resume (not 1000/1001, which end the session).</summary>
    public const int ResumableClose = 4900;

    /// <summary>What to do after the server closed with <paramref name="code"/>.</summary>
    public static CloseAction ActionFor(int? code) => code switch
    {
        4004 or 4010 or 4011 or 4012 or 4013 or 4014 => CloseAction.Stop,
        4003 or 4007 or 4009 => CloseAction.Identify,
        _ => CloseAction.Resume,
    };

    /// <summary>Why a close happened, for the log; for a fatal one, what to change.</summary>
    public static string Describe(int? code, ShardInfo shard = default) => code switch
    {
        4004 => "authentication failed: check Discord:Token",
        4010 => string.Create(CultureInfo.InvariantCulture, $"invalid shard [{shard.Id}, {shard.Count}]: every id in Discord:ShardIds must be below Discord:ShardCount, and every process of the bot must use the same Discord:ShardCount"),
        4011 => string.Create(CultureInfo.InvariantCulture, $"sharding required: the bot is in too many servers for {shard.Count} shard(s); set Discord:ShardCount=0 to use the count Discord recommends (GET /gateway/bot), or to a larger number of shards (at most 2,500 servers per shard), in every process"),
        4012 => "invalid API version",
        4013 => "invalid intents",
        4014 => "disallowed intents: enable the privileged Message Content intent in the Developer Portal, or set Discord:MessageContentIntent=false",
        null => "closed without a code",
        _ => $"close code {code}",
    };
}

/// <summary>What the client does after a connection ends.</summary>
public enum CloseAction
{
    /// <summary>Reconnect and resume the session.</summary>
    Resume,

    /// <summary>Reconnect with a new session.</summary>
    Identify,

    /// <summary>Do not reconnect.</summary>
    Stop,
}
