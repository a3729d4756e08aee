using System.Text.Json.Nodes;
using ArticleBot.Core.Feedback;
using ArticleBot.Discord.Model;

namespace ArticleBot.Discord.Bot;

/// <summary>
/// The "Helpful" / "Not helpful" buttons under an answer. Each button's <c>custom_id</c> carries the answer's id in the
/// ratings database (<c>rate:up:&lt;id&gt;</c>), so a click on a message posted before a restart still finds its answer.
/// </summary>
public static class RatingButtons
{
    /// <summary>Discord's limit for a <c>custom_id</c>.</summary>
    public const int CustomIdLimit = 100;

    private const string Prefix = "rate:";
    private const string Up = "up";
    private const string Down = "down";

    /// <summary>The action row for the answer <paramref name="answerId"/>.</summary>
    public static JsonArray For(string answerId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(answerId);
        return
        [
            new JsonObject
            {
                ["type"] = (int)ComponentType.ActionRow,
                ["components"] = new JsonArray(
                    Button(CustomId(Vote.Up, answerId), "Helpful", ButtonStyle.Success),
                    Button(CustomId(Vote.Down, answerId), "Not helpful", ButtonStyle.Danger)),
            },
        ];
    }

    /// <summary>The <c>custom_id</c> of a vote on an answer.</summary>
    public static string CustomId(Vote vote, string answerId)
    {
        var id = $"{Prefix}{(vote == Vote.Up ? Up : Down)}:{answerId}";
        return id.Length <= CustomIdLimit ? id : throw new ArgumentException($"The answer id makes a custom_id over {CustomIdLimit} characters.", nameof(answerId));
    }

    /// <summary>Reads a rating button's <c>custom_id</c>; false for any other component (or a malformed id).</summary>
    public static bool TryParse(string? customId, out Vote vote, out string answerId)
    {
        vote = Vote.Up;
        answerId = string.Empty;
        if (customId is null || customId.Length > CustomIdLimit || !customId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = customId[Prefix.Length..].Split(':');
        if (parts.Length != 2 || parts[1].Length == 0)
        {
            return false;
        }

        switch (parts[0])
        {
            case Up:
                vote = Vote.Up;
                break;
            case Down:
                vote = Vote.Down;
                break;
            default:
                return false;
        }

        answerId = parts[1];
        return true;
    }

    private static JsonObject Button(string customId, string label, ButtonStyle style) => new()
    {
        ["type"] = (int)ComponentType.Button,
        ["style"] = (int)style,
        ["label"] = label,
        ["custom_id"] = customId,
    };
}
