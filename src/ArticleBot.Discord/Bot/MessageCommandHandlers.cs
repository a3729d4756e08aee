using System.Text.Json.Nodes;
using ArticleBot.Core.Answering;
using ArticleBot.Core.Feedback;
using ArticleBot.Discord.Model;
using ArticleBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace ArticleBot.Discord.Bot;

/// <summary>
/// What the two message commands share: the selected message (<c>data.resolved.messages[data.target_id]</c>) and the
/// refusals answered at once with an ephemeral notice (no text, too long, cooldown), before the deferral.
/// </summary>
public sealed class MessageCommandGate(IDiscordRestClient rest, AnswerPoster poster, UserCooldown cooldown)
{
    /// <summary>The selected message's text, or null after an ephemeral notice was sent (the command is done).</summary>
    /// <param name="interaction">The message command.</param>
    /// <param name="extraCheck">A further refusal for this command (a notice), or null.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    public async Task<string?> TargetTextAsync(InteractionCreateEvent interaction, Func<string, string?>? extraCheck, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var content = interaction.Data?.TargetMessage?.Content ?? string.Empty;
        var notice = QuestionText.Clean(content, int.MaxValue).Length == 0
            ? "That message has no text to read (only attachments, embeds or stickers). / 這則訊息沒有文字。"
            : poster.TooLongNotice(content) ?? extraCheck?.Invoke(content) ?? cooldown.Notice(interaction.Invoker?.Id ?? string.Empty);
        if (notice is null)
        {
            return content;
        }

        await rest.RespondToInteractionAsync(interaction.Id, interaction.Token, InteractionResponses.Ephemeral(notice), cancellationToken);
        return null;
    }

    /// <summary>Acknowledges within Discord's 3 s; the answer then edits the original response.</summary>
    public async Task<IReplyTarget> DeferAsync(InteractionCreateEvent interaction, string applicationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        await rest.RespondToInteractionAsync(interaction.Id, interaction.Token, InteractionResponses.Deferred(), cancellationToken);
        return new InteractionReplyTarget(rest, applicationId, interaction.Token);
    }
}

/// <summary>"Ask ArticleBot" in a message's Apps menu: answers the message's text as a question.</summary>
public sealed class AskMessageCommandHandler(MessageCommandGate gate, AnswerPoster poster)
{
    /// <summary>The command's name as the menu shows it (at most 32 characters).</summary>
    public const string Name = "Ask ArticleBot";

    /// <summary>Handles one click on the menu item.</summary>
    public async Task HandleAsync(InteractionCreateEvent interaction, string applicationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (await gate.TargetTextAsync(interaction, null, cancellationToken) is not { } question)
        {
            return;
        }

        var target = await gate.DeferAsync(interaction, applicationId, cancellationToken);

        // The asker's conversation in this channel: the question is someone else's message, the follow-ups are theirs.
        await poster.PostAsync(target, interaction.ChannelId ?? interaction.Invoker?.Id ?? string.Empty, question, null, cancellationToken);
    }
}

/// <summary>"Check against the article" in a message's Apps menu: a verdict with citations for each claim of the message.</summary>
public sealed class CheckMessageCommandHandler(MessageCommandGate gate, AnswerPoster poster, MessageClaimCheck check)
{
    /// <summary>The command's name as the menu shows it (at most 32 characters).</summary>
    public const string Name = "Check against the article";

    /// <summary>Handles one click on the menu item.</summary>
    public async Task HandleAsync(InteractionCreateEvent interaction, string applicationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (await gate.TargetTextAsync(interaction, NoClaimsNotice, cancellationToken) is not { } message)
        {
            return;
        }

        var target = await gate.DeferAsync(interaction, applicationId, cancellationToken);
        var answer = await check.CheckAsync(message, cancellationToken);
        await poster.PostFinalAsync(target, answer, null, null, cancellationToken);
    }

    private static string? NoClaimsNotice(string message) =>
        MessageClaimCheck.Claims(message).Count == 0
            ? "I found no statement to check in that message (a claim needs a few words, not just a link or an emoji). / 這則訊息沒有可查核的陳述。"
            : null;
}

/// <summary>
/// A click on "Helpful" / "Not helpful": acknowledged at once with a deferred update (no new message, the buttons stay),
/// then the vote is recorded under the clicking user (only a salted hash of the id is stored). A click that cannot be
/// recorded (unknown answer, the store unusable) is still acknowledged; the store logs its problem once.
/// </summary>
public sealed partial class RatingButtonHandler(IDiscordRestClient rest, IFeedbackStore feedback, ILogger<RatingButtonHandler> logger)
{
    /// <summary>True for a component this handler owns.</summary>
    public static bool Handles(InteractionCreateEvent interaction) =>
        interaction?.Type == InteractionType.MessageComponent && RatingButtons.TryParse(interaction.Data?.CustomId, out _, out _);

    /// <summary>Handles one click.</summary>
    public async Task HandleAsync(InteractionCreateEvent interaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (!RatingButtons.TryParse(interaction.Data?.CustomId, out var vote, out var answerId))
        {
            return;
        }

        await rest.RespondToInteractionAsync(interaction.Id, interaction.Token, new JsonObject { ["type"] = (int)InteractionCallbackType.DeferredUpdateMessage }, cancellationToken);
        if (interaction.Invoker?.Id is not { Length: > 0 } voter)
        {
            return;
        }

        var outcome = await Task.Run(() => feedback.Vote(answerId, voter, vote), cancellationToken);
        Log.Rated(logger, answerId, vote, outcome);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4211, EventName = "DiscordAnswerRated", Level = LogLevel.Debug, Message = "Rating of answer {AnswerId}: {Vote} ({Outcome})")]
        public static partial void Rated(ILogger logger, string answerId, Vote vote, VoteOutcome outcome);
    }
}
