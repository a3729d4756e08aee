using System.Text.Json.Nodes;
using ArticleBot.Discord.Rest;

namespace ArticleBot.Discord.Bot;

/// <summary>Where an answer goes: a channel (replying to a message) or an interaction's response.</summary>
public interface IReplyTarget
{
    /// <summary>Sends a new message; returns its id.</summary>
    Task<string> SendAsync(JsonObject message, CancellationToken cancellationToken);

    /// <summary>Edits a message sent through this target.</summary>
    Task EditAsync(string messageId, JsonObject message, CancellationToken cancellationToken);
}

/// <summary>Messages in a channel.</summary>
public sealed class ChannelReplyTarget(IDiscordRestClient rest, string channelId, OwnMessages botMessages) : IReplyTarget
{
    /// <inheritdoc/>
    public async Task<string> SendAsync(JsonObject message, CancellationToken cancellationToken)
    {
        var created = await rest.CreateMessageAsync(channelId, message, cancellationToken);
        var id = created.ValueKind == System.Text.Json.JsonValueKind.Object && created.TryGetProperty("id", out var v) ? v.GetString() ?? string.Empty : string.Empty;
        botMessages.Add(id);
        return id;
    }

    /// <inheritdoc/>
    public Task EditAsync(string messageId, JsonObject message, CancellationToken cancellationToken) =>
        rest.EditMessageAsync(channelId, messageId, DiscordMessages.ForEdit(message), cancellationToken);
}

/// <summary>A deferred interaction: the first message edits the original response, the rest are follow-ups.</summary>
public sealed class InteractionReplyTarget(IDiscordRestClient rest, string applicationId, string token) : IReplyTarget
{
    private const string Original = "@original";
    private bool _originalUsed;

    /// <inheritdoc/>
    public async Task<string> SendAsync(JsonObject message, CancellationToken cancellationToken)
    {
        if (!_originalUsed)
        {
            _originalUsed = true;
            await rest.EditOriginalResponseAsync(applicationId, token, message, cancellationToken);
            return Original;
        }

        var created = await rest.CreateFollowupAsync(applicationId, token, message, cancellationToken);
        return created.ValueKind == System.Text.Json.JsonValueKind.Object && created.TryGetProperty("id", out var v) ? v.GetString() ?? string.Empty : string.Empty;
    }

    /// <inheritdoc/>
    public Task EditAsync(string messageId, JsonObject message, CancellationToken cancellationToken) =>
        messageId == Original
            ? rest.EditOriginalResponseAsync(applicationId, token, DiscordMessages.ForEdit(message), cancellationToken)
            : Task.CompletedTask; // follow-ups are final when sent
}
