using System.Text.Json.Serialization;

namespace ArticleBot.Discord.Model;

/// <summary><c>GET /gateway/bot</c>: where to connect, how many shards Discord recommends, and the identify budget.</summary>
/// <param name="Url">The gateway URL (cache it).</param>
/// <param name="Shards">The recommended shard count.</param>
/// <param name="SessionStartLimit">How many sessions may still be started, and how fast.</param>
public sealed record GatewayBotInfo(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("shards")] int Shards,
    [property: JsonPropertyName("session_start_limit")] SessionStartLimit? SessionStartLimit = null);

/// <summary>The identify budget: <c>remaining</c> of <c>total</c> until <c>reset_after</c> ms; <c>max_concurrency</c> identifies per 5 s.</summary>
public sealed record SessionStartLimit(
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("remaining")] int Remaining,
    [property: JsonPropertyName("reset_after")] long ResetAfterMs,
    [property: JsonPropertyName("max_concurrency")] int MaxConcurrency);

/// <summary>A user (or the bot itself).</summary>
public sealed record DiscordUser(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("username")] string? Username = null,
    [property: JsonPropertyName("global_name")] string? GlobalName = null,
    [property: JsonPropertyName("bot")] bool Bot = false);

/// <summary>The application in READY.</summary>
public sealed record PartialApplication([property: JsonPropertyName("id")] string Id);

/// <summary>READY: the session to cache (id, resume URL), the bot's user and application, and the shard it is for.</summary>
public sealed record ReadyEvent(
    [property: JsonPropertyName("v")] int Version,
    [property: JsonPropertyName("user")] DiscordUser User,
    [property: JsonPropertyName("session_id")] string SessionId,
    [property: JsonPropertyName("resume_gateway_url")] string? ResumeGatewayUrl = null,
    [property: JsonPropertyName("application")] PartialApplication? Application = null,
    [property: JsonPropertyName("shard")] IReadOnlyList<int>? Shard = null);

/// <summary>
/// A guild member: its user and, in an interaction, <c>permissions</c>: the member's total permissions in the channel
/// (overwrites included) as a decimal bitfield in a string.
/// </summary>
public sealed record GuildMember(
    [property: JsonPropertyName("user")] DiscordUser? User = null,
    [property: JsonPropertyName("permissions")] string? Permissions = null);

/// <summary>What a message replies to.</summary>
public sealed record MessageReference(
    [property: JsonPropertyName("message_id")] string? MessageId = null,
    [property: JsonPropertyName("channel_id")] string? ChannelId = null);

/// <summary>The message replied to (present for replies; may be missing or null).</summary>
public sealed record ReferencedMessage(
    [property: JsonPropertyName("id")] string? Id = null,
    [property: JsonPropertyName("author")] DiscordUser? Author = null);

/// <summary>MESSAGE_CREATE: the fields the bot uses.</summary>
public sealed record MessageCreateEvent(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("channel_id")] string ChannelId,
    [property: JsonPropertyName("author")] DiscordUser Author,
    [property: JsonPropertyName("guild_id")] string? GuildId = null,
    [property: JsonPropertyName("content")] string? Content = null,
    [property: JsonPropertyName("mentions")] IReadOnlyList<DiscordUser>? Mentions = null,
    [property: JsonPropertyName("type")] MessageType Type = MessageType.Default,
    [property: JsonPropertyName("message_reference")] MessageReference? MessageReference = null,
    [property: JsonPropertyName("referenced_message")] ReferencedMessage? ReferencedMessage = null,
    [property: JsonPropertyName("webhook_id")] string? WebhookId = null);

/// <summary>
/// One option of a command interaction (<c>value</c> is a string for the bot's STRING options, an attachment's id for
/// an ATTACHMENT option); a sub-command's own options are in <c>options</c>.
/// </summary>
public sealed record InteractionOption(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] ApplicationCommandOptionType Type,
    [property: JsonPropertyName("value")] System.Text.Json.JsonElement Value = default,
    [property: JsonPropertyName("focused")] bool Focused = false,
    [property: JsonPropertyName("options")] IReadOnlyList<InteractionOption>? Options = null)
{
    /// <summary>A sub-command's named option's text; empty when it is absent.</summary>
    public string Option(string name) => Options?.FirstOrDefault(o => o.Name == name)?.Text ?? string.Empty;

    /// <summary>The value as text (numbers and booleans as their JSON text).</summary>
    public string Text => Value.ValueKind switch
    {
        System.Text.Json.JsonValueKind.String => Value.GetString() ?? string.Empty,
        System.Text.Json.JsonValueKind.Undefined or System.Text.Json.JsonValueKind.Null => string.Empty,
        _ => Value.GetRawText(),
    };
}

/// <summary>A message as Discord resolves it for a message command (only what the bot reads).</summary>
public sealed record ResolvedMessage(
    [property: JsonPropertyName("id")] string? Id = null,
    [property: JsonPropertyName("channel_id")] string? ChannelId = null,
    [property: JsonPropertyName("content")] string? Content = null,
    [property: JsonPropertyName("author")] DiscordUser? Author = null);

/// <summary>A file uploaded with a command (an ATTACHMENT option), as Discord resolves it: on its CDN, with its size in bytes.</summary>
public sealed record ResolvedAttachment(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("filename")] string? FileName = null,
    [property: JsonPropertyName("size")] long Size = 0,
    [property: JsonPropertyName("url")] string? Url = null,
    [property: JsonPropertyName("content_type")] string? ContentType = null);

/// <summary>The objects an interaction refers to, by id (<c>data.resolved</c>).</summary>
public sealed record ResolvedData(
    [property: JsonPropertyName("messages")] IReadOnlyDictionary<string, ResolvedMessage>? Messages = null,
    [property: JsonPropertyName("attachments")] IReadOnlyDictionary<string, ResolvedAttachment>? Attachments = null);

/// <summary>
/// The command part of an interaction: a slash command's name and options, a message command's target
/// (<c>target_id</c>, looked up in <c>resolved.messages</c>), or a clicked component's <c>custom_id</c>.
/// </summary>
public sealed record InteractionData(
    [property: JsonPropertyName("name")] string? Name = null,
    [property: JsonPropertyName("options")] IReadOnlyList<InteractionOption>? Options = null,
    [property: JsonPropertyName("type")] ApplicationCommandType? Type = null,
    [property: JsonPropertyName("target_id")] string? TargetId = null,
    [property: JsonPropertyName("resolved")] ResolvedData? Resolved = null,
    [property: JsonPropertyName("custom_id")] string? CustomId = null,
    [property: JsonPropertyName("component_type")] ComponentType? ComponentType = null)
{
    /// <summary>A message command's target message, or null when Discord did not resolve it.</summary>
    public ResolvedMessage? TargetMessage =>
        TargetId is { } id && Resolved?.Messages is { } messages && messages.TryGetValue(id, out var message) ? message : null;

    /// <summary>The named option's text; empty when it is absent.</summary>
    public string Option(string name) => Options?.FirstOrDefault(o => o.Name == name)?.Text ?? string.Empty;

    /// <summary>The sub-command invoked (<c>/article add</c> → <c>add</c>), or null.</summary>
    public InteractionOption? SubCommand => Options?.FirstOrDefault(o => o.Type == ApplicationCommandOptionType.SubCommand);
}

/// <summary>INTERACTION_CREATE: the fields the bot uses.</summary>
public sealed record InteractionCreateEvent(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] InteractionType Type,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("application_id")] string? ApplicationId = null,
    [property: JsonPropertyName("data")] InteractionData? Data = null,
    [property: JsonPropertyName("guild_id")] string? GuildId = null,
    [property: JsonPropertyName("channel_id")] string? ChannelId = null,
    [property: JsonPropertyName("member")] GuildMember? Member = null,
    [property: JsonPropertyName("user")] DiscordUser? User = null)
{
    /// <summary>Who invoked it: the member's user in a guild, the user in a DM.</summary>
    public DiscordUser? Invoker => Member?.User ?? User;
}

/// <summary>Interaction types (RR "Interaction Type").</summary>
public enum InteractionType
{
    /// <summary>Discord checks the endpoint.</summary>
    Ping = 1,

    /// <summary>A slash command.</summary>
    ApplicationCommand = 2,

    /// <summary>A button or select menu.</summary>
    MessageComponent = 3,

    /// <summary>The user is typing an option that has autocomplete.</summary>
    ApplicationCommandAutocomplete = 4,

    /// <summary>A modal was submitted.</summary>
    ModalSubmit = 5,
}

/// <summary>Interaction callback types (RR "Interaction Callback Type").</summary>
public enum InteractionCallbackType
{
    /// <summary>Answer with a message.</summary>
    ChannelMessageWithSource = 4,

    /// <summary>Acknowledge now, edit the original response later.</summary>
    DeferredChannelMessageWithSource = 5,

    /// <summary>A component click: acknowledge it without a new message (the message may be edited later).</summary>
    DeferredUpdateMessage = 6,

    /// <summary>Autocomplete choices.</summary>
    ApplicationCommandAutocompleteResult = 8,
}

/// <summary>Application command types (AC).</summary>
public enum ApplicationCommandType
{
    /// <summary>A slash command.</summary>
    ChatInput = 1,

    /// <summary>A command in a message's context menu (Apps → …); its interaction names the message.</summary>
    Message = 3,
}

/// <summary>Message component types.</summary>
public enum ComponentType
{
    /// <summary>A row holding up to five buttons.</summary>
    ActionRow = 1,

    /// <summary>A button.</summary>
    Button = 2,
}

/// <summary>Button styles (a button with a <c>custom_id</c> sends an interaction when clicked).</summary>
public enum ButtonStyle
{
    /// <summary>Grey.</summary>
    Secondary = 2,

    /// <summary>Green.</summary>
    Success = 3,

    /// <summary>Red.</summary>
    Danger = 4,
}

/// <summary>Application command option types (AC).</summary>
public enum ApplicationCommandOptionType
{
    /// <summary>A sub-command.</summary>
    SubCommand = 1,

    /// <summary>A group of sub-commands.</summary>
    SubCommandGroup = 2,

    /// <summary>Text (Discord's STRING).</summary>
    Text = 3,

    /// <summary>A whole number (Discord's INTEGER).</summary>
    WholeNumber = 4,

    /// <summary>True or false (Discord's BOOLEAN).</summary>
    TrueOrFalse = 5,

    /// <summary>An uploaded file (Discord's ATTACHMENT): the value is its id in <c>resolved.attachments</c>.</summary>
    Attachment = 11,
}

/// <summary>Message types the bot distinguishes.</summary>
public enum MessageType
{
    /// <summary>A plain message.</summary>
    Default = 0,

    /// <summary>A reply.</summary>
    Reply = 19,
}

/// <summary>The message flag the bot sets (Discord's <c>flags</c>): who sees a response.</summary>
public enum MessageVisibility
{
    /// <summary>Everyone in the channel.</summary>
    Public = 0,

    /// <summary>Only the invoking user sees the message.</summary>
    Ephemeral = 1 << 6,
}

/// <summary>Source-generated (reflection-free) JSON for the payloads above.</summary>
[JsonSourceGenerationOptions(RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(GatewayBotInfo))]
[JsonSerializable(typeof(ReadyEvent))]
[JsonSerializable(typeof(MessageCreateEvent))]
[JsonSerializable(typeof(InteractionCreateEvent))]
public sealed partial class DiscordJsonContext : JsonSerializerContext;
