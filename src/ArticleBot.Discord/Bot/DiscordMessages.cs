using System.Text.Json.Nodes;
using ArticleBot.Core.Answering;
using ArticleBot.Core.Text;

namespace ArticleBot.Discord.Bot;

/// <summary>
/// Builds the JSON of the messages the bot sends: mentions defused first, then every limit checked on the final
/// text (content 2,000; embed description 4,096, footer 2,048, title 256, all embeds 6,000), the sources in an embed,
/// and <c>allowed_mentions: {"parse": []}</c> on every message.
/// </summary>
public static class DiscordMessages
{
    /// <summary>Discord's embed description limit.</summary>
    public const int EmbedDescriptionLimit = 4096;

    /// <summary>Discord's limit for all embeds of a message together.</summary>
    public const int EmbedTotalLimit = 6000;

    /// <summary>Discord's embed footer limit.</summary>
    public const int EmbedFooterLimit = 2048;

    /// <summary>What a streamed preview ends with while the answer is still coming.</summary>
    public const string PreviewSuffix = " …";

    private const int QuoteLimit = 600;
    private const int FooterLength = 180;

    /// <summary>The <c>allowed_mentions</c> object that allows no ping at all.</summary>
    public static JsonObject NoMentions() => new() { ["parse"] = new JsonArray() };

    /// <summary>
    /// A plain message (a notice), optionally replying to a message: defused, then cut to 2,000 characters (the cut
    /// is the last step, so what is sent is within the limit).
    /// </summary>
    public static JsonObject Text(string content, string? replyTo = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var message = new JsonObject { ["content"] = Fit(content, MessageSplitter.MaxMessageLength), ["allowed_mentions"] = NoMentions() };
        if (replyTo is not null)
        {
            message["message_reference"] = new JsonObject { ["message_id"] = replyTo, ["fail_if_not_exists"] = false };
        }

        return message;
    }

    /// <summary>
    /// A streamed preview: the text so far, defused, cut so that with <see cref="PreviewSuffix"/> it is within 2,000
    /// characters. An edit never carries <c>message_reference</c> (Edit Message does not take it).
    /// </summary>
    public static JsonObject Preview(string textSoFar, string? replyTo)
    {
        ArgumentNullException.ThrowIfNull(textSoFar);
        var shown = Fit(textSoFar, MessageSplitter.MaxMessageLength - PreviewSuffix.Length);
        return Text(shown + PreviewSuffix, replyTo);
    }

    /// <summary>
    /// The text defused and cut to <paramref name="limit"/>, as it will be sent: a cut that leaves a fragment defusing
    /// would lengthen again (a trailing <c>&lt;@</c>) loses that fragment, so the result is within the limit and stays
    /// as it is when defused again.
    /// </summary>
    public static string Fit(string text, int limit)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fitted = TextCut.AtMost(MentionGuard.Defuse(text), limit);
        while (fitted.Length > 0 && MentionGuard.Defuse(fitted).Length != fitted.Length)
        {
            fitted = TextCut.AtMost(fitted, fitted.Length - 1);
        }

        return fitted;
    }

    /// <summary>The same message for an edit: Edit Message takes no <c>message_reference</c>.</summary>
    public static JsonObject ForEdit(JsonObject message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var edit = message.DeepClone().AsObject();
        edit.Remove("message_reference");
        return edit;
    }

    /// <summary>The messages of an answer: text pieces, the first replying to the question, the last with the sources embed.</summary>
    public static List<JsonObject> Answer(ArticleAnswer answer, string? replyTo)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var text = answer.Fallback is { } reason ? $"{answer.Text}\n-# offline answer: {reason}" : answer.Text;
        var pieces = MessageSplitter.Split(MentionGuard.Defuse(text));
        if (pieces.Count == 0)
        {
            pieces.Add("…");
        }

        var messages = pieces.Select((piece, i) => Text(piece, i == 0 ? replyTo : null)).ToList();
        if (SourcesEmbed(answer) is { } embed)
        {
            messages[^1]["embeds"] = new JsonArray(embed);
        }

        return messages;
    }

    /// <summary>The sources (or closest passages) as one embed, within Discord's limits; null when there are none.</summary>
    public static JsonObject? SourcesEmbed(ArticleAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var citations = answer.Grounded ? answer.Citations : answer.Closest;
        if (citations.Count == 0)
        {
            return null;
        }

        var title = answer.Grounded ? "Sources" : "Closest passages (not citations)";
        var footer = TextCut.AtMost(MentionGuard.Defuse($"{citations[0].Source} · {string.Join(", ", citations.Select(c => c.PassageId).Distinct())}"), FooterLength);
        var budget = Math.Min(EmbedDescriptionLimit, EmbedTotalLimit - title.Length - footer.Length);
        var description = new System.Text.StringBuilder();
        foreach (var c in citations)
        {
            // Each line is defused before it is measured: the limit holds for the text that is sent.
            var quote = c.Quote.Length > QuoteLimit ? TextCut.AtMost(c.Quote, QuoteLimit) + "…" : c.Quote;
            var line = MentionGuard.Defuse($"**[{c.N}]** {(c.Section is null ? string.Empty : $"§{c.Section} ")}“{quote}”\n");
            if (description.Length + line.Length > budget)
            {
                break;
            }

            description.Append(line);
        }

        if (description.Length == 0)
        {
            return null;
        }

        return new JsonObject
        {
            ["title"] = title,
            ["description"] = description.ToString().TrimEnd(),
            ["footer"] = new JsonObject { ["text"] = footer },
        };
    }
}
