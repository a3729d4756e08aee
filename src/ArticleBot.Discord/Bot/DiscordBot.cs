using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArticleBot.Core.Answering;
using ArticleBot.Core.Plugins;
using ArticleBot.Discord.Gateway;
using ArticleBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArticleBot.Discord.Bot;

/// <summary>
/// What the bot does with gateway events. It answers when mentioned, in DMs, when someone replies to one of its
/// messages, and on <c>/ask</c>. It ignores bots, webhooks and itself, answers a duplicated event once, keeps a
/// conversation per channel or thread, applies a per-user cooldown with a short notice, shows typing while it
/// works, and streams a model's answer by editing its message at most once a second.
/// </summary>
public sealed partial class DiscordBot(
    IDiscordRestClient rest,
    ArticleAnswerer answerer,
    PluginCatalog plugins,
    PluginInvoker invoker,
    IOptions<DiscordOptions> options,
    IOptions<AnsweringOptions> answeringOptions,
    TimeProvider time,
    ILogger<DiscordBot> logger)
{
    /// <summary>The slash command's name.</summary>
    public const string AskCommand = "ask";

    /// <summary>Lists the plugins.</summary>
    public const string PluginsCommand = "plugins";

    /// <summary>Calls a plugin function.</summary>
    public const string CallCommand = "call";

    private static readonly TimeSpan s_typingRefresh = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan s_editInterval = TimeSpan.FromSeconds(1);

    private readonly RecentIds _handled = new();
    private readonly RecentIds _botMessages = new();
    private readonly ConcurrentDictionary<string, ConversationHistory> _conversations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastQuestion = new(StringComparer.Ordinal);

    /// <summary>The bot's own user id (from READY).</summary>
    public string? UserId { get; private set; }

    /// <summary>The application id (from READY).</summary>
    public string? ApplicationId { get; private set; }

    /// <summary>True when the bot posted the message with this id (so a reply to it is addressed to the bot).</summary>
    internal bool IsOwnMessage(string messageId) => _botMessages.Contains(messageId);

    /// <summary>The slash commands, as registered by bulk overwrite.</summary>
    public static JsonArray Commands() =>
    [
        new JsonObject
        {
            ["name"] = AskCommand,
            ["type"] = 1,
            ["description"] = "Ask about the article (中文 or English); the answer cites its passages.",
            ["options"] = new JsonArray(new JsonObject
            {
                ["type"] = 3,
                ["name"] = "question",
                ["description"] = "Your question",
                ["required"] = true,
                ["max_length"] = 1000,
            }),
        },
        new JsonObject { ["name"] = PluginsCommand, ["type"] = 1, ["description"] = "List the bot's plugins and their functions." },
        new JsonObject
        {
            ["name"] = CallCommand,
            ["type"] = 1,
            ["description"] = "Call a plugin function directly.",
            ["options"] = new JsonArray(
                new JsonObject { ["type"] = 3, ["name"] = "function", ["description"] = "Plugin.function", ["required"] = true, ["autocomplete"] = true },
                new JsonObject { ["type"] = 3, ["name"] = "arguments", ["description"] = "name=value pairs, separated by spaces", ["required"] = false }),
        },
    ];

    /// <summary>Handles one dispatch; never throws for a bad event or a failed reply.</summary>
    public async Task HandleAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        try
        {
            switch (dispatch.Type)
            {
                case "READY":
                    UserId = dispatch.Data.GetProperty("user").GetProperty("id").GetString();
                    ApplicationId = dispatch.Data.TryGetProperty("application", out var app) ? app.GetProperty("id").GetString() : UserId;
                    await RegisterCommandsAsync(cancellationToken);
                    break;
                case "MESSAGE_CREATE":
                    await OnMessageAsync(dispatch.Data, cancellationToken);
                    break;
                case "INTERACTION_CREATE":
                    await OnInteractionAsync(dispatch.Data, cancellationToken);
                    break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is DiscordRestException or HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            Log.HandlerFailed(logger, dispatch.Type, ex.Message);
        }
    }

    private async Task RegisterCommandsAsync(CancellationToken cancellationToken)
    {
        if (ApplicationId is null)
        {
            return;
        }

        var guilds = options.Value.GuildIds.Where(g => !string.IsNullOrWhiteSpace(g)).ToList();
        if (guilds.Count == 0)
        {
            await rest.OverwriteCommandsAsync(ApplicationId, null, Commands(), cancellationToken);
        }

        foreach (var guild in guilds)
        {
            await rest.OverwriteCommandsAsync(ApplicationId, guild, Commands(), cancellationToken);
        }
    }

    private async Task OnMessageAsync(JsonElement message, CancellationToken cancellationToken)
    {
        var author = message.GetProperty("author");
        var authorId = author.GetProperty("id").GetString() ?? string.Empty;
        if ((author.TryGetProperty("bot", out var bot) && bot.ValueKind == JsonValueKind.True)
            || message.TryGetProperty("webhook_id", out _)
            || authorId == UserId)
        {
            return;
        }

        var id = message.GetProperty("id").GetString() ?? string.Empty;
        var channelId = message.GetProperty("channel_id").GetString() ?? string.Empty;
        var isDm = !message.TryGetProperty("guild_id", out _);
        var content = message.TryGetProperty("content", out var c) ? c.GetString() ?? string.Empty : string.Empty;
        if (!isDm && options.Value.AllowedChannelIds.Count > 0 && !options.Value.AllowedChannelIds.Contains(channelId))
        {
            return;
        }

        if (!(isDm || MentionsBot(message, content) || RepliesToBot(message)))
        {
            return;
        }

        if (!_handled.Add("message:" + id))
        {
            return; // a duplicated MESSAGE_CREATE: answered once
        }

        var target = new ChannelReplyTarget(rest, channelId, _botMessages);
        var question = RemoveBotMention(content).Trim();
        if (question.Length == 0)
        {
            await target.SendAsync(DiscordMessages.Text("Ask me about the article, e.g. “OpenAI的廣告業務每年可能帶來多少收入？”", id), cancellationToken);
            return;
        }

        if (TooLongNotice(question) is { } tooLong)
        {
            await target.SendAsync(DiscordMessages.Text(tooLong, id), cancellationToken);
            return;
        }

        if (CooldownNotice(authorId) is { } notice)
        {
            await target.SendAsync(DiscordMessages.Text(notice, id), cancellationToken);
            return;
        }

        using var typing = StartTyping(channelId, cancellationToken);
        await ReplyAsync(target, channelId, question, id, cancellationToken);
    }

    private async Task OnInteractionAsync(JsonElement interaction, CancellationToken cancellationToken)
    {
        var type = interaction.GetProperty("type").GetInt32();
        var id = interaction.GetProperty("id").GetString() ?? string.Empty;
        var token = interaction.GetProperty("token").GetString() ?? string.Empty;
        var applicationId = interaction.TryGetProperty("application_id", out var a) ? a.GetString() ?? ApplicationId : ApplicationId;
        var data = interaction.GetProperty("data");
        var name = data.GetProperty("name").GetString();
        if (applicationId is null || !_handled.Add("interaction:" + id))
        {
            return;
        }

        if (type == 4 && name == CallCommand)
        {
            await rest.RespondToInteractionAsync(id, token, new JsonObject { ["type"] = 8, ["data"] = new JsonObject { ["choices"] = FunctionChoices(Option(data, "function")) } }, cancellationToken);
            return;
        }

        if (type != 2)
        {
            return;
        }

        if (name == PluginsCommand)
        {
            var list = string.Join('\n', plugins.Plugins.Select(p => $"**{p.Name}** ({p.Kind.ToString().ToLowerInvariant()}, {p.State.ToString().ToLowerInvariant()}{(p.Reason is null ? string.Empty : ": " + p.Reason)}): {string.Join(", ", p.Functions.Select(f => f.Name))}"));
            var reply = DiscordMessages.Text(MessageSplitter.Split(list)[0]);
            await rest.RespondToInteractionAsync(id, token, new JsonObject { ["type"] = 4, ["data"] = reply }, cancellationToken);
            return;
        }

        if (name == CallCommand)
        {
            await rest.RespondToInteractionAsync(id, token, new JsonObject { ["type"] = 5 }, cancellationToken);
            var target = new InteractionReplyTarget(rest, applicationId, token);
            await target.SendAsync(DiscordMessages.Text(await CallPluginAsync(Option(data, "function"), Option(data, "arguments"), cancellationToken)), cancellationToken);
            return;
        }

        if (name != AskCommand)
        {
            return;
        }

        var user = interaction.TryGetProperty("member", out var member) ? member.GetProperty("user") : interaction.GetProperty("user");
        var userId = user.GetProperty("id").GetString() ?? string.Empty;
        var channelId = interaction.TryGetProperty("channel_id", out var ch) ? ch.GetString() ?? userId : userId;
        var question = data.TryGetProperty("options", out var opts)
            ? opts.EnumerateArray().Where(o => o.GetProperty("name").GetString() == "question").Select(o => o.GetProperty("value").GetString()).FirstOrDefault() ?? string.Empty
            : string.Empty;

        if ((TooLongNotice(question) ?? CooldownNotice(userId)) is { } notice)
        {
            var ephemeral = DiscordMessages.Text(notice);
            ephemeral["flags"] = 64;
            await rest.RespondToInteractionAsync(id, token, new JsonObject { ["type"] = 4, ["data"] = ephemeral }, cancellationToken);
            return;
        }

        // Acknowledge within Discord's 3 s, then take the time the answer needs.
        await rest.RespondToInteractionAsync(id, token, new JsonObject { ["type"] = 5 }, cancellationToken);
        if (QuestionText.Clean(question).Length == 0)
        {
            await new InteractionReplyTarget(rest, applicationId, token).SendAsync(DiscordMessages.Text("The question is empty."), cancellationToken);
            return;
        }

        await ReplyAsync(new InteractionReplyTarget(rest, applicationId, token), channelId, question, null, cancellationToken);
    }

    private static string Option(JsonElement data, string name) =>
        data.TryGetProperty("options", out var options)
            ? options.EnumerateArray().Where(o => o.GetProperty("name").GetString() == name).Select(o => o.GetProperty("value").GetString()).FirstOrDefault() ?? string.Empty
            : string.Empty;

    /// <summary>Autocomplete for /call: loaded functions whose name contains what was typed (at most 25).</summary>
    private JsonArray FunctionChoices(string typed)
    {
        var choices = new JsonArray();
        foreach (var qualified in plugins.Plugins.Where(p => p.State == PluginState.Loaded).SelectMany(p => p.Functions.Select(f => $"{p.Name}.{f.Name}"))
                     .Where(q => q.Contains(typed, StringComparison.OrdinalIgnoreCase)).Take(25))
        {
            choices.Add(new JsonObject { ["name"] = qualified, ["value"] = qualified });
        }

        return choices;
    }

    private async Task<string> CallPluginAsync(string function, string arguments, CancellationToken cancellationToken)
    {
        try
        {
            var parsed = PluginInvoker.ParseArguments(arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            var result = await invoker.InvokeAsync(function, parsed, cancellationToken);
            var text = string.IsNullOrWhiteSpace(result.Result) ? "(empty result)" : result.Result;
            return MessageSplitter.Split(text, MessageSplitter.MaxMessageLength - 40)[0];
        }
        catch (PluginCallException ex)
        {
            return $"Cannot call: {ex.Message}";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return $"{function} failed: {(ex is Microsoft.SemanticKernel.KernelException { InnerException: { } inner } ? inner.Message : ex.Message)}";
        }
    }

    /// <summary>Answers and posts: streamed with a model (edits at most once a second), in one go offline.</summary>
    private async Task ReplyAsync(IReplyTarget target, string conversationId, string question, string? replyTo, CancellationToken cancellationToken)
    {
        var history = _conversations.GetOrAdd(conversationId, _ => new ConversationHistory(answeringOptions.Value.MaxHistoryTurns, answeringOptions.Value.MaxHistoryChars));
        ArticleAnswer? answer = null;
        string? firstId = null;
        try
        {
            var text = new StringBuilder();
            var lastEdit = DateTimeOffset.MinValue;
            var shown = string.Empty;
            await foreach (var update in answerer.AskStreamingAsync(question, history.Messages(), cancellationToken))
            {
                if (update.Answer is not null)
                {
                    answer = update.Answer;
                    break;
                }

                if (update.Restart)
                {
                    text.Clear();
                }

                text.Append(update.Text);
                var now = time.GetUtcNow();
                if (now - lastEdit < s_editInterval || text.Length == 0 || text.Length > MessageSplitter.MaxMessageLength - 8 || !answerer.Streams)
                {
                    continue;
                }

                var preview = DiscordMessages.Text(text + " …", replyTo);
                if (firstId is null)
                {
                    firstId = await target.SendAsync(preview, cancellationToken);
                }
                else if (shown != text.ToString())
                {
                    await target.EditAsync(firstId, preview, cancellationToken);
                }

                shown = text.ToString();
                lastEdit = now;
            }
        }
        catch (ArgumentException)
        {
            await target.SendAsync(DiscordMessages.Text("The question is empty.", replyTo), cancellationToken);
            return;
        }

        if (answer is null)
        {
            return;
        }

        // Remembered before it is posted, so a quick follow-up in the same channel already sees it.
        history.Add(answer.Question, answer.Text);
        var messages = DiscordMessages.Answer(answer, replyTo);
        if (firstId is null)
        {
            await target.SendAsync(messages[0], cancellationToken);
        }
        else
        {
            await target.EditAsync(firstId, messages[0], cancellationToken);
        }

        foreach (var message in messages.Skip(1))
        {
            await target.SendAsync(message, cancellationToken);
        }
    }

    /// <summary>A notice when the question is over <c>Answering:MaxQuestionChars</c> (it is refused, not cut, in a chat room).</summary>
    private string? TooLongNotice(string question)
    {
        var limit = answeringOptions.Value.MaxQuestionChars;
        var length = QuestionText.Clean(question, int.MaxValue).Length;
        return length <= limit
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"That question is too long ({length} characters; the limit is {limit}). / 問題太長（{length} 字，上限 {limit}）。");
    }

    /// <summary>A notice when the user asked too recently (and records this question otherwise).</summary>
    private string? CooldownNotice(string userId)
    {
        var cooldown = TimeSpan.FromSeconds(options.Value.UserCooldownSeconds);
        if (cooldown <= TimeSpan.Zero)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var previous = DateTimeOffset.MinValue;
        var allowed = false;
        _lastQuestion.AddOrUpdate(userId, _ => { allowed = true; return now; }, (_, last) =>
        {
            previous = last;
            allowed = now - last >= cooldown;
            return allowed ? now : last;
        });
        if (allowed)
        {
            return null;
        }

        var wait = Math.Max(1, (int)Math.Ceiling((cooldown - (now - previous)).TotalSeconds));
        return string.Create(CultureInfo.InvariantCulture, $"Please wait {wait} s before asking again. / 請稍候 {wait} 秒再提問。");
    }

    private bool MentionsBot(JsonElement message, string content)
    {
        if (UserId is null)
        {
            return false;
        }

        if (message.TryGetProperty("mentions", out var mentions) && mentions.ValueKind == JsonValueKind.Array
            && mentions.EnumerateArray().Any(m => m.TryGetProperty("id", out var mid) && mid.GetString() == UserId))
        {
            return true;
        }

        return content.Contains($"<@{UserId}>", StringComparison.Ordinal) || content.Contains($"<@!{UserId}>", StringComparison.Ordinal);
    }

    private bool RepliesToBot(JsonElement message)
    {
        if (message.TryGetProperty("message_reference", out var reference) && reference.ValueKind == JsonValueKind.Object
            && reference.TryGetProperty("message_id", out var referenced) && referenced.GetString() is { } referencedId
            && _botMessages.Contains(referencedId))
        {
            return true;
        }

        return message.TryGetProperty("referenced_message", out var original) && original.ValueKind == JsonValueKind.Object
            && original.TryGetProperty("author", out var author) && author.TryGetProperty("id", out var authorId) && authorId.GetString() == UserId && UserId is not null;
    }

    private string RemoveBotMention(string content) =>
        UserId is null ? content : content.Replace($"<@{UserId}>", string.Empty, StringComparison.Ordinal).Replace($"<@!{UserId}>", string.Empty, StringComparison.Ordinal);

    /// <summary>Shows "typing…" now and every 8 s (it lasts 10 s) until disposed.</summary>
    private TypingIndicator StartTyping(string channelId, CancellationToken cancellationToken)
    {
        var typing = new TypingIndicator(cancellationToken);
        _ = Task.Run(
            async () =>
            {
                try
                {
                    var token = typing.Token;
                    while (!token.IsCancellationRequested)
                    {
                        await rest.TriggerTypingAsync(channelId, token);
                        await Task.Delay(s_typingRefresh, time, token);
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

    private static partial class Log
    {
        [LoggerMessage(EventId = 4201, EventName = "DiscordHandlerFailed", Level = LogLevel.Warning, Message = "Handling {Event} failed: {Reason}")]
        public static partial void HandlerFailed(ILogger logger, string @event, string reason);
    }
}
