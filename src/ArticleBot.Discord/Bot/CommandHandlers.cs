using System.Text.Json.Nodes;
using ArticleBot.Core.Answering;
using ArticleBot.Core.Plugins;
using ArticleBot.Core.Text;
using ArticleBot.Discord.Model;
using ArticleBot.Discord.Rest;

namespace ArticleBot.Discord.Bot;

/// <summary>Interaction responses, with their callback types named.</summary>
internal static class InteractionResponses
{
    public static JsonObject Deferred() => new() { ["type"] = (int)InteractionCallbackType.DeferredChannelMessageWithSource };

    public static JsonObject Message(JsonObject data) => new() { ["type"] = (int)InteractionCallbackType.ChannelMessageWithSource, ["data"] = data };

    public static JsonObject Ephemeral(string notice)
    {
        var data = DiscordMessages.Text(notice);
        data["flags"] = (int)MessageVisibility.Ephemeral;
        return Message(data);
    }

    public static JsonObject Choices(JsonArray choices) => new() { ["type"] = (int)InteractionCallbackType.ApplicationCommandAutocompleteResult, ["data"] = new JsonObject { ["choices"] = choices } };
}

/// <summary><c>/ask question</c>: deferred within Discord's 3 s, then answered by editing the original response.</summary>
public sealed class AskCommandHandler(IDiscordRestClient rest, AnswerPoster poster, UserCooldown cooldown)
{
    /// <summary>The command's name.</summary>
    public const string Name = "ask";

    /// <summary>Handles one /ask.</summary>
    public async Task HandleAsync(InteractionCreateEvent interaction, string applicationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var userId = interaction.Invoker?.Id ?? string.Empty;
        var channelId = interaction.ChannelId ?? userId;
        var question = interaction.Data?.Option("question") ?? string.Empty;
        if ((poster.TooLongNotice(question) ?? cooldown.Notice(userId)) is { } notice)
        {
            await rest.RespondToInteractionAsync(interaction.Id, interaction.Token, InteractionResponses.Ephemeral(notice), cancellationToken);
            return;
        }

        // Acknowledge within Discord's 3 s, then take the time the answer needs.
        await rest.RespondToInteractionAsync(interaction.Id, interaction.Token, InteractionResponses.Deferred(), cancellationToken);
        var target = new InteractionReplyTarget(rest, applicationId, interaction.Token);
        if (QuestionText.Clean(question).Length == 0)
        {
            await target.SendAsync(DiscordMessages.Text("The question is empty."), cancellationToken);
            return;
        }

        await poster.PostAsync(target, channelId, question, null, cancellationToken);
    }
}

/// <summary><c>/plugins</c>: the plugin list, as the console shows it.</summary>
public sealed class PluginsCommandHandler(IDiscordRestClient rest, PluginCatalog plugins)
{
    /// <summary>The command's name.</summary>
    public const string Name = "plugins";

    /// <summary>Handles one /plugins.</summary>
    public Task HandleAsync(InteractionCreateEvent interaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var list = PluginListing.Compact(plugins.Plugins, markdown: true);
        return rest.RespondToInteractionAsync(interaction.Id, interaction.Token, InteractionResponses.Message(DiscordMessages.Text(MessageSplitter.Split(MentionGuard.Defuse(list)).FirstOrDefault() ?? "(no plugins)")), cancellationToken);
    }
}

/// <summary><c>/call function arguments</c>: calls a plugin function; autocompletes the function's name.</summary>
public sealed class CallCommandHandler(IDiscordRestClient rest, PluginCatalog plugins, PluginInvoker invoker)
{
    /// <summary>The command's name.</summary>
    public const string Name = "call";

    /// <summary>Discord's limit for an autocomplete choice's name and value.</summary>
    public const int ChoiceLimit = 100;

    /// <summary>Discord's limit for the number of choices.</summary>
    public const int MaxChoices = 25;

    /// <summary>Runs the call and edits the deferred response with its result (or why it failed).</summary>
    public async Task HandleAsync(InteractionCreateEvent interaction, string applicationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        await rest.RespondToInteractionAsync(interaction.Id, interaction.Token, InteractionResponses.Deferred(), cancellationToken);
        var target = new InteractionReplyTarget(rest, applicationId, interaction.Token);
        var function = interaction.Data?.Option("function") ?? string.Empty;
        await target.SendAsync(DiscordMessages.Text(await CallAsync(function, interaction.Data?.Option("arguments") ?? string.Empty, cancellationToken)), cancellationToken);
    }

    /// <summary>Autocomplete: loaded functions whose name contains what was typed (at most 25, names within 100 characters).</summary>
    public Task AutocompleteAsync(InteractionCreateEvent interaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var typed = interaction.Data?.Option("function") ?? string.Empty;
        var choices = new JsonArray();
        foreach (var qualified in plugins.Plugins.Where(p => p.State == PluginState.Loaded).SelectMany(p => p.Functions.Select(f => $"{p.Name}.{f.Name}"))
                     .Where(q => q.Contains(typed, StringComparison.OrdinalIgnoreCase) && q.Length <= ChoiceLimit).Take(MaxChoices))
        {
            // A value over 100 characters could not be sent back, so such a function is not offered; the name is cut.
            choices.Add(new JsonObject { ["name"] = TextCut.AtMost(qualified, ChoiceLimit), ["value"] = qualified });
        }

        return rest.RespondToInteractionAsync(interaction.Id, interaction.Token, InteractionResponses.Choices(choices), cancellationToken);
    }

    private async Task<string> CallAsync(string function, string arguments, CancellationToken cancellationToken)
    {
        try
        {
            var parsed = PluginInvoker.ParseArguments(arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            var result = await invoker.InvokeAsync(function, parsed, cancellationToken);
            var text = string.IsNullOrWhiteSpace(result.Result) ? "(empty result)" : result.Result;
            return MessageSplitter.Split(MentionGuard.Defuse(text)).FirstOrDefault() ?? "(empty result)";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return PluginCallFailure.Describe(function, ex);
        }
    }
}
