using ArticleBot.Discord.Gateway;
using ArticleBot.Discord.Model;
using ArticleBot.Discord.Rest;
using Microsoft.Extensions.Options;

namespace ArticleBot.Discord.Bot;

/// <summary>
/// MESSAGE_CREATE: answers a mention, a DM, or a reply to one of the bot's messages; ignores bots, webhooks and
/// itself. Without the Message Content intent a reply that does not mention the bot arrives with empty content:
/// it gets a short hint (once per channel), never an answer to an empty question.
/// </summary>
public sealed class MessageHandler(
    IDiscordRestClient rest,
    DiscordSession session,
    OwnMessages ownMessages,
    AnswerPoster poster,
    UserCooldown cooldown,
    IOptions<DiscordOptions> options,
    TimeProvider time)
{
    /// <summary>The hint for a reply the bot cannot read.</summary>
    public const string UnreadableReplyHint = "I can’t read replies that don’t mention me. Mention me with your question (@ArticleBot …) or use /ask. / 請 @我 提問，或使用 /ask。";

    /// <summary>The hint for a mention without a question.</summary>
    public const string EmptyMentionHint = "Ask me about the article, e.g. “OpenAI的廣告業務每年可能帶來多少收入？”";

    private static readonly TimeSpan s_typingRefresh = TimeSpan.FromSeconds(8);

    private readonly RecentIds _hintedChannels = new();

    /// <summary>Handles one message (already de-duplicated by the router).</summary>
    public async Task HandleAsync(MessageCreateEvent message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var userId = session.UserId;
        if (message.Author.Bot || message.WebhookId is not null || message.Author.Id == userId)
        {
            return;
        }

        var isDm = message.GuildId is null;
        var content = message.Content ?? string.Empty;
        if (!isDm && options.Value.AllowedChannelIds.Count > 0 && !options.Value.AllowedChannelIds.Contains(message.ChannelId))
        {
            return;
        }

        if (!(isDm || MentionsBot(message, content, userId) || RepliesToBot(message, userId)))
        {
            return;
        }

        var target = new ChannelReplyTarget(rest, message.ChannelId, ownMessages);
        if (content.Length == 0 && !isDm)
        {
            // A reply without a ping, and no Message Content intent: Discord sent no text at all.
            if (_hintedChannels.Add(message.ChannelId))
            {
                await target.SendAsync(DiscordMessages.Text(UnreadableReplyHint, message.Id), cancellationToken);
            }

            return;
        }

        var question = RemoveBotMention(content, userId).Trim();
        if (question.Length == 0)
        {
            await target.SendAsync(DiscordMessages.Text(EmptyMentionHint, message.Id), cancellationToken);
            return;
        }

        if ((poster.TooLongNotice(question) ?? cooldown.Notice(message.Author.Id)) is { } notice)
        {
            await target.SendAsync(DiscordMessages.Text(notice, message.Id), cancellationToken);
            return;
        }

        using var typing = StartTyping(message.ChannelId, cancellationToken);
        await poster.PostAsync(target, message.ChannelId, question, message.Id, cancellationToken);
    }

    private static bool MentionsBot(MessageCreateEvent message, string content, string? userId) =>
        userId is not null
        && ((message.Mentions?.Any(m => m.Id == userId) ?? false)
            || content.Contains($"<@{userId}>", StringComparison.Ordinal)
            || content.Contains($"<@!{userId}>", StringComparison.Ordinal));

    private bool RepliesToBot(MessageCreateEvent message, string? userId) =>
        (message.MessageReference?.MessageId is { } referenced && ownMessages.Contains(referenced))
        || (userId is not null && message.ReferencedMessage?.Author?.Id == userId);

    private static string RemoveBotMention(string content, string? userId) =>
        userId is null ? content : content.Replace($"<@{userId}>", string.Empty, StringComparison.Ordinal).Replace($"<@!{userId}>", string.Empty, StringComparison.Ordinal);

    /// <summary>
    /// Shows "typing…" now and every 8 s (it lasts 10 s) until disposed. The first request is started here, before the answer,
    /// and is not cancelled by a quick answer (only by shutdown): started on the thread pool, it sometimes went out after
    /// the answer, or not at all.
    /// </summary>
    private TypingIndicator StartTyping(string channelId, CancellationToken cancellationToken)
    {
        var typing = new TypingIndicator(cancellationToken);
        var first = rest.TriggerTypingAsync(channelId, cancellationToken);
        _ = Task.Run(
            async () =>
            {
                try
                {
                    await first;
                    var token = typing.Token;
                    while (!token.IsCancellationRequested)
                    {
                        await Task.Delay(s_typingRefresh, time, token);
                        await rest.TriggerTypingAsync(channelId, token);
                    }
                }
                catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or DiscordRestException or HttpRequestException)
                {
                }
            },
            CancellationToken.None);
        return typing;
    }

    /// <summary>Stops the typing loop when disposed.</summary>
    private sealed class TypingIndicator(CancellationToken cancellationToken) : IDisposable
    {
        private readonly CancellationTokenSource _cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        public CancellationToken Token => _cts.Token;

        public void Dispose()
        {
            _cts.Cancel();
            _cts.Dispose();
        }
    }
}
