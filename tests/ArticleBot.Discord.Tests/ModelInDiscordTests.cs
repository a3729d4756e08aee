using ArticleBot.Core.Tests.Fakes;
using ArticleBot.Discord.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace ArticleBot.Discord.Tests;

/// <summary>Discord with a language model (a fake OpenAI-compatible server): streamed edits and per-channel memory.</summary>
public sealed class ModelInDiscordTests
{
    private static Dictionary<string, string?> ModelSettings(FakeOpenAIServer model) => new()
    {
        ["Llm:Provider"] = "OpenAICompatible",
        ["Llm:Model"] = "fake-model",
        ["Llm:Endpoint"] = model.Endpoint,
    };

    [Fact]
    public async Task StreamedAnswer_EditsOnTheBotsClock_AtMostOnceASecond_ThenFinalises()
    {
        // Arrange: the model streams 16 pieces, 150 ms apart in real time (2.4 s); the bot's clock is fake and does not move.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var pieces = Enumerable.Range(0, 15).Select(i => $"part{i} ").Append("done [1].").ToArray();
        using var model = new FakeOpenAIServer(r => r.LastRole == "tool"
            ? FakeReply.StreamedText(pieces) with { EventDelay = TimeSpan.FromMilliseconds(150) }
            : FakeReply.StreamedToolCall(r.SearchTool, "{\"query\":\"英偉達\"}"));
        await using var bot = await BotHarness.StartAsync(d => d.Clock = time.GetUtcNow, settings: ModelSettings(model), time: time);

        // Act
        await bot.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("s1", "cm", $"<@{FakeDiscord.BotUserId}> Nvidia?", mentionBot: true));
        await FakeDiscord.WaitUntilAsync(() => bot.Discord.CallsTo("PATCH", "/channels/cm/messages/").Any(c => c.Body!["embeds"] is not null), "the final edit");

        // Assert: one preview (no second of the bot's clock passed, whatever the real time), then the final edit only.
        var created = Assert.Single(bot.MessagesIn("cm"));
        Assert.Equal("s1", created.Body!["message_reference"]!["message_id"]!.GetValue<string>());
        Assert.EndsWith(" …", created.Body["content"]!.GetValue<string>(), StringComparison.Ordinal);
        var edit = Assert.Single(bot.Discord.CallsTo("PATCH", "/channels/cm/messages/"));
        Assert.Empty(edit.Body!["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Null(edit.Body["message_reference"]); // Edit Message takes none
        Assert.Equal(string.Concat(pieces), edit.Body["content"]!.GetValue<string>());
        Assert.Contains("英偉達", edit.Body["embeds"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conversation_IsRememberedPerChannel()
    {
        using var model = new FakeOpenAIServer(r => r.LastRole == "tool"
            ? FakeReply.Text("Answer [1].")
            : FakeReply.ToolCall(r.SearchTool, "{\"query\":\"騰訊\"}"));
        await using var bot = await BotHarness.StartAsync(settings: ModelSettings(model));

        // A streamed answer may show a preview before it is complete: wait for the final message (with its sources).
        int Finished(string channel) => bot.Discord.Calls.Count(c => c.Path.StartsWith($"/channels/{channel}/messages", StringComparison.Ordinal) && c.Body?["embeds"] is not null);
        await bot.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("a1", "room1", $"<@{FakeDiscord.BotUserId}> 騰訊春節紅包有多少？", mentionBot: true));
        await FakeDiscord.WaitUntilAsync(() => Finished("room1") == 1, "first answer");
        await bot.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("a2", "room1", $"<@{FakeDiscord.BotUserId}> 那阿里呢？", mentionBot: true));
        await FakeDiscord.WaitUntilAsync(() => Finished("room1") == 2, "follow-up answer");
        await bot.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("a3", "room2", $"<@{FakeDiscord.BotUserId}> 那阿里呢？", mentionBot: true));
        await FakeDiscord.WaitUntilAsync(() => Finished("room2") == 1, "other channel answer");

        var firstRequests = model.Requests.Where(r => r.LastRole == "user").ToList();
        Assert.Equal(3, firstRequests.Count);
        Assert.Contains(firstRequests[1].Messages, m => m!["content"]?.ToString() == "騰訊春節紅包有多少？");
        Assert.DoesNotContain(firstRequests[2].Messages, m => m!["content"]?.ToString() == "騰訊春節紅包有多少？");
    }

    [Fact]
    public async Task AllowedChannels_LimitWhereTheBotAnswers()
    {
        await using var bot = await BotHarness.StartAsync(settings: new() { ["Discord:AllowedChannelIds:0"] = "yes" });

        await bot.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("x1", "no", $"<@{FakeDiscord.BotUserId}> 騰訊紅包？", mentionBot: true));
        await bot.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("x2", "yes", $"<@{FakeDiscord.BotUserId}> 騰訊紅包？", mentionBot: true));
        await FakeDiscord.WaitUntilAsync(() => bot.MessagesIn("yes").Count == 1, "the allowed channel's answer");

        Assert.Empty(bot.MessagesIn("no"));
    }
}
