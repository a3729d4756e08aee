using System.Text.Json.Nodes;
using ArticleBot.Core.Answering;

namespace ArticleBot.Discord.Bot;

/// <summary>
/// Builds the JSON of the messages the bot sends: answer text split to Discord's limits, mentions defused,
/// the sources in an embed within the embed limits, and <c>allowed_mentions: {"parse": []}</c> on every message.
/// </summary>
public static class DiscordMessages
{
    private const int EmbedDescriptionLimit = 4096;
    private const int EmbedTotalLimit = 6000;
    private const int QuoteLimit = 600;

    /// <summary>The <c>allowed_mentions</c> object that allows no ping at all.</summary>
    public static JsonObject NoMentions() => new() { ["parse"] = new JsonArray() };

    /// <summary>A plain message (a notice), optionally replying to a message.</summary>
    public static JsonObject Text(string content, string? replyTo = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var message = new JsonObject { ["content"] = MentionGuard.Defuse(content), ["allowed_mentions"] = NoMentions() };
        if (replyTo is not null)
        {
            message["message_reference"] = new JsonObject { ["message_id"] = replyTo, ["fail_if_not_exists"] = false };
        }

        return message;
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
        var description = new System.Text.StringBuilder();
        foreach (var c in citations)
        {
            var quote = c.Quote.Length > QuoteLimit ? Cut(c.Quote, QuoteLimit) + "…" : c.Quote;
            var line = $"**[{c.N}]** {(c.Section is null ? string.Empty : $"§{c.Section} ")}“{quote}”\n";
            if (description.Length + line.Length > Math.Min(EmbedDescriptionLimit, EmbedTotalLimit - title.Length - 200))
            {
                break;
            }

            description.Append(line);
        }

        var footer = string.Join(", ", citations.Select(c => c.PassageId).Distinct());
        return new JsonObject
        {
            ["title"] = title,
            ["description"] = MentionGuard.Defuse(description.ToString().TrimEnd()),
            ["footer"] = new JsonObject { ["text"] = Cut($"{citations[0].Source} · {footer}", 180) },
        };
    }

    private static string Cut(string text, int length) =>
        text.Length <= length ? text : char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];
}
