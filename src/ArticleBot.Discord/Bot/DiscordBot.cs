using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArticleBot.Discord.Articles;
using ArticleBot.Discord.Gateway;
using ArticleBot.Discord.Model;
using ArticleBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArticleBot.Discord.Bot;

/// <summary>
/// Routes gateway events to their handlers: READY registers the slash commands (once per process, by the process
/// that runs shard 0), MESSAGE_CREATE goes to <see cref="MessageHandler"/>, each command interaction to its
/// command's handler (the slash commands, the two message-menu commands), a rating button's click to
/// <see cref="RatingButtonHandler"/>. A message or interaction from a server is handled inside that server's corpus
/// (<see cref="GuildCorpora.Enter"/>: the shared seeds plus its own articles); a DM on the shared seeds. A duplicated
/// event is handled once. Each event handled is a span
/// (<see cref="DiscordTelemetry.Source"/>); a bad event or a failed reply is logged, never thrown.
/// </summary>
public sealed partial class DiscordBot(
    IDiscordRestClient rest,
    DiscordSession session,
    OwnMessages ownMessages,
    MessageHandler messages,
    AskCommandHandler ask,
    PluginsCommandHandler pluginsCommand,
    CallCommandHandler call,
    AskMessageCommandHandler askMessage,
    CheckMessageCommandHandler checkMessage,
    RatingButtonHandler rating,
    ArticleCommandHandler article,
    GuildCorpora guildCorpora,
    IOptions<DiscordOptions> options,
    ILogger<DiscordBot> logger)
{
    /// <summary>The slash command's name.</summary>
    public const string AskCommand = AskCommandHandler.Name;

    /// <summary>Lists the plugins.</summary>
    public const string PluginsCommand = PluginsCommandHandler.Name;

    /// <summary>Calls a plugin function.</summary>
    public const string CallCommand = CallCommandHandler.Name;

    /// <summary>Adds, lists and removes a server's articles.</summary>
    public const string ArticleCommand = ArticleCommandHandler.Name;

    private readonly RecentIds _handled = new();
    private int _commandsRegistered;

    /// <summary>The bot's own user id (from READY, parsed by the gateway).</summary>
    public string? UserId => session.UserId;

    /// <summary>The application id (from READY).</summary>
    public string? ApplicationId => session.ApplicationId;

    /// <summary>True when the bot posted the message with this id (so a reply to it is addressed to the bot).</summary>
    internal bool IsOwnMessage(string messageId) => ownMessages.Contains(messageId);

    /// <summary>The slash commands, as registered by bulk overwrite.</summary>
    public static JsonArray Commands() =>
    [
        new JsonObject
        {
            ["name"] = AskCommand,
            ["type"] = (int)ApplicationCommandType.ChatInput,
            ["description"] = "Ask about the article (中文 or English); the answer cites its passages.",
            ["options"] = new JsonArray(new JsonObject
            {
                ["type"] = (int)ApplicationCommandOptionType.Text,
                ["name"] = "question",
                ["description"] = "Your question",
                ["required"] = true,
                ["max_length"] = 1000,
            }),
        },
        new JsonObject { ["name"] = PluginsCommand, ["type"] = (int)ApplicationCommandType.ChatInput, ["description"] = "List the bot's plugins and their functions." },
        new JsonObject
        {
            ["name"] = CallCommand,
            ["type"] = (int)ApplicationCommandType.ChatInput,
            ["description"] = "Call a plugin function directly.",
            ["options"] = new JsonArray(
                new JsonObject { ["type"] = (int)ApplicationCommandOptionType.Text, ["name"] = "function", ["description"] = "Plugin.function", ["required"] = true, ["autocomplete"] = true },
                new JsonObject { ["type"] = (int)ApplicationCommandOptionType.Text, ["name"] = "arguments", ["description"] = "name=value pairs, separated by spaces", ["required"] = false }),
        },
        ArticleCommandHandler.Command(),

        // Message commands (a message's Apps menu) take no description or options.
        new JsonObject { ["name"] = AskMessageCommandHandler.Name, ["type"] = (int)ApplicationCommandType.Message },
        new JsonObject { ["name"] = CheckMessageCommandHandler.Name, ["type"] = (int)ApplicationCommandType.Message },
    ];

    /// <summary>Handles one dispatch; never throws for a bad event or a failed reply.</summary>
    public async Task HandleAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        using var activity = DiscordTelemetry.Source.StartActivity("discord.event " + dispatch.Type, ActivityKind.Consumer);
        activity?.SetTag("discord.event", dispatch.Type);
        activity?.SetTag("discord.shard", dispatch.ShardId);
        DiscordTelemetry.EventsHandled.Add(1, new KeyValuePair<string, object?>("discord.event", dispatch.Type), new KeyValuePair<string, object?>("discord.shard", dispatch.ShardId));
        try
        {
            switch (dispatch.Type)
            {
                case "READY" when dispatch.ShardId == 0 && Interlocked.Exchange(ref _commandsRegistered, 1) == 0:
                    // Once per process, by the process that runs shard 0: every shard's READY would overwrite the same commands.
                    await RegisterCommandsAsync(cancellationToken);
                    break;
                case "MESSAGE_CREATE":
                    var message = dispatch.Data.Deserialize(DiscordJsonContext.Default.MessageCreateEvent) ?? throw new JsonException("MESSAGE_CREATE without a body");
                    activity?.SetTag("discord.channel", message.ChannelId);
                    if (_handled.Add("message:" + message.Id))
                    {
                        using var scope = guildCorpora.Enter(message.GuildId);
                        await messages.HandleAsync(message, cancellationToken);
                    }

                    break;
                case "INTERACTION_CREATE":
                    var interaction = dispatch.Data.Deserialize(DiscordJsonContext.Default.InteractionCreateEvent) ?? throw new JsonException("INTERACTION_CREATE without a body");
                    activity?.SetTag("discord.channel", interaction.ChannelId);
                    activity?.SetTag("discord.interaction.type", interaction.Type.ToString());
                    using (guildCorpora.Enter(interaction.GuildId))
                    {
                        await OnInteractionAsync(interaction, cancellationToken);
                    }

                    break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is DiscordRestException or HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException or NotSupportedException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            Log.HandlerFailed(logger, dispatch.Type, ex.Message);
        }
    }

    private async Task RegisterCommandsAsync(CancellationToken cancellationToken)
    {
        if (ApplicationId is not { } applicationId)
        {
            return;
        }

        try
        {
            var guilds = options.Value.GuildIds.Where(g => !string.IsNullOrWhiteSpace(g)).ToList();
            if (guilds.Count == 0)
            {
                await rest.OverwriteCommandsAsync(applicationId, null, Commands(), cancellationToken);
            }

            foreach (var guild in guilds)
            {
                await rest.OverwriteCommandsAsync(applicationId, guild, Commands(), cancellationToken);
            }
        }
        catch
        {
            Interlocked.Exchange(ref _commandsRegistered, 0); // the next READY tries again
            throw;
        }
    }

    private Task OnInteractionAsync(InteractionCreateEvent interaction, CancellationToken cancellationToken)
    {
        var applicationId = interaction.ApplicationId ?? ApplicationId;
        if (applicationId is null || !_handled.Add("interaction:" + interaction.Id))
        {
            return Task.CompletedTask;
        }

        if (RatingButtonHandler.Handles(interaction))
        {
            return rating.HandleAsync(interaction, cancellationToken);
        }

        return (interaction.Type, interaction.Data?.Name) switch
        {
            (InteractionType.ApplicationCommand, AskMessageCommandHandler.Name) => askMessage.HandleAsync(interaction, applicationId, cancellationToken),
            (InteractionType.ApplicationCommand, CheckMessageCommandHandler.Name) => checkMessage.HandleAsync(interaction, applicationId, cancellationToken),
            (InteractionType.ApplicationCommandAutocomplete, CallCommand) => call.AutocompleteAsync(interaction, cancellationToken),
            (InteractionType.ApplicationCommandAutocomplete, ArticleCommand) => article.AutocompleteAsync(interaction, cancellationToken),
            (InteractionType.ApplicationCommand, ArticleCommand) => article.HandleAsync(interaction, applicationId, cancellationToken),
            (InteractionType.ApplicationCommand, AskCommand) => ask.HandleAsync(interaction, applicationId, cancellationToken),
            (InteractionType.ApplicationCommand, PluginsCommand) => pluginsCommand.HandleAsync(interaction, cancellationToken),
            (InteractionType.ApplicationCommand, CallCommand) => call.HandleAsync(interaction, applicationId, cancellationToken),
            _ => Task.CompletedTask,
        };
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4201, EventName = "DiscordHandlerFailed", Level = LogLevel.Warning, Message = "Handling {Event} failed: {Reason}")]
        public static partial void HandlerFailed(ILogger logger, string @event, string reason);
    }
}
