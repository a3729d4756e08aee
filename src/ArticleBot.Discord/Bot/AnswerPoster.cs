using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using ArticleBot.Core.Answering;
using ArticleBot.Core.Feedback;
using Microsoft.Extensions.Options;

namespace ArticleBot.Discord.Bot;

/// <summary>
/// Answers a question and posts the answer to a reply target: a streaming answerer's text appears as a preview,
/// edited at most once a second on the injected clock; the final answer replaces it, split to Discord's limits,
/// with the sources embed and the rating buttons. Keeps a conversation per channel (or thread). Each answer is recorded
/// in the ratings store as it is posted; when the store cannot be used the answer goes out without buttons.
/// </summary>
public sealed class AnswerPoster(ArticleAnswerer answerer, IFeedbackStore feedback, IOptions<AnsweringOptions> answeringOptions, TimeProvider time)
{
    private static readonly TimeSpan s_editInterval = TimeSpan.FromSeconds(1);

    /// <summary>How Discord answers are labelled in the ratings store.</summary>
    public const string Surface = "discord";

    private readonly ConcurrentDictionary<string, ConversationHistory> _conversations = new(StringComparer.Ordinal);

    /// <summary>A notice when the question is over <c>Answering:MaxQuestionChars</c> (it is refused, not cut, in a chat room).</summary>
    public string? TooLongNotice(string question)
    {
        var limit = answeringOptions.Value.MaxQuestionChars;
        var length = QuestionText.Clean(question, int.MaxValue).Length;
        return length <= limit
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"That question is too long ({length} characters; the limit is {limit}). / 問題太長（{length} 字，上限 {limit}）。");
    }

    /// <summary>Answers <paramref name="question"/> in <paramref name="conversationId"/> and posts it.</summary>
    public async Task PostAsync(IReplyTarget target, string conversationId, string question, string? replyTo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
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
                if (now - lastEdit < s_editInterval || text.Length == 0 || !answerer.Streams)
                {
                    continue;
                }

                // Past 2,000 characters the preview shows the start (cut after defusing); the final answer is split.
                var current = text.ToString();
                var preview = DiscordMessages.Preview(current, replyTo);
                if (firstId is null)
                {
                    firstId = await target.SendAsync(preview, cancellationToken);
                }
                else if (shown != current)
                {
                    await target.EditAsync(firstId, preview, cancellationToken);
                }

                shown = current;
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
        await PostFinalAsync(target, answer, replyTo, firstId, cancellationToken);
    }

    /// <summary>
    /// Posts a complete answer (or a claim check): recorded for rating, split to Discord's limits, the last message
    /// with the sources embed and the rating buttons. <paramref name="previewId"/> is a preview to replace, if any.
    /// </summary>
    public async Task PostFinalAsync(IReplyTarget target, ArticleAnswer answer, string? replyTo, string? previewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(answer);
        var messages = DiscordMessages.Answer(answer, replyTo);

        // SQLite waits for a lock synchronously (up to Feedback:BusyTimeoutSeconds): off the gateway's thread.
        if (await Task.Run(() => feedback.RecordAnswer(answer, Surface), cancellationToken) is { } answerId)
        {
            messages[^1]["components"] = RatingButtons.For(answerId);
        }

        var firstId = previewId;
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
}
