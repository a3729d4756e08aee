using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ArticleBot.Core.Answering;
using ArticleBot.Core.Citations;
using ArticleBot.Core.Tests.Fakes;
using ArticleBot.Discord.Bot;
using ArticleBot.Discord.Tests.Fakes;
using CsCheck;
using Microsoft.Extensions.Time.Testing;

namespace ArticleBot.Discord.Tests;

/// <summary>Every Discord limit holds for the text that is finally sent: after defusing, splitting and the preview suffix.</summary>
public sealed partial class LimitTests
{
    /// <summary>Mention-dense text with emoji and astral (non-BMP) characters, where defusing lengthens the text most.</summary>
    private static readonly Gen<string> MentionDense = Gen.OneOfConst(
        "<@123456789012345678>", "<@!42>", "<@&7>", "@everyone", "@here", "@Everyone", "<@", "@", "😀", "👩‍👩‍👧", "𠀀𠀁", "騰訊", "紅包", "。", "，", " ", "\n", "[1]", "[23]", "word ", new string('<', 3), new string('長', 400))
        .Array[0, 400].Select(string.Concat);

    private static void AssertSendable(JsonObject message)
    {
        var content = message["content"]!.GetValue<string>();
        Assert.InRange(content.Length, 1, 2000);
        Assert.Equal(content, MentionGuard.Defuse(content)); // what is sent is final: defusing again changes nothing
        Assert.False(RawMention().IsMatch(content), $"a raw mention survived: {RawMention().Match(content).Value}");
        Assert.False(char.IsHighSurrogate(content[^1]), "ends inside a surrogate pair");
        Assert.False(char.IsLowSurrogate(content[0]), "starts inside a surrogate pair");
        Assert.Empty(message["allowed_mentions"]!["parse"]!.AsArray());
        if (message["embeds"] is JsonArray embeds)
        {
            var total = 0;
            foreach (var embed in embeds)
            {
                var description = embed!["description"]!.GetValue<string>();
                var footer = embed["footer"]!["text"]!.GetValue<string>();
                var title = embed["title"]!.GetValue<string>();
                Assert.InRange(description.Length, 1, DiscordMessages.EmbedDescriptionLimit);
                Assert.InRange(footer.Length, 0, DiscordMessages.EmbedFooterLimit);
                Assert.InRange(title.Length, 1, 256);
                Assert.False(RawMention().IsMatch(description + footer), "a raw mention survived in the embed");
                total += description.Length + footer.Length + title.Length;
            }

            Assert.InRange(total, 1, DiscordMessages.EmbedTotalLimit);
        }
    }

    [Fact]
    public void Defuse_IsIdempotent()
    {
        MentionDense.Sample(text =>
        {
            var once = MentionGuard.Defuse(text);
            Assert.Equal(once, MentionGuard.Defuse(once));
        }, iter: 2000);
    }

    [Fact]
    public void Answer_EveryMessageWithinLimits_AfterTheLastTransformation()
    {
        MentionDense.Select(MentionDense, Gen.Int[0, 14]).Sample((text, quote, citationCount) =>
        {
            var citations = Enumerable.Range(1, citationCount).Select(n => new Citation(n, $"a#p{n}", "seeds/<@1>.txt", "@everyone 節", 0, quote.Length, quote + "<@99>")).ToList();
            var answer = new ArticleAnswer("q", text.Length == 0 ? "<@1>" : text, true, "extractive", citations, []);

            var messages = DiscordMessages.Answer(answer, replyTo: "m1");

            Assert.All(messages, AssertSendable);
            if (string.IsNullOrWhiteSpace(answer.Text))
            {
                Assert.Equal("…", Assert.Single(messages)["content"]!.GetValue<string>()); // never an empty message
                return;
            }

            Assert.Equal(
                Regex.Replace(MentionGuard.Defuse(answer.Text), @"\s", string.Empty),
                Regex.Replace(string.Concat(messages.Select(m => m["content"]!.GetValue<string>())), @"\s", string.Empty));
        }, iter: 500);
    }

    [Fact]
    public void Preview_IsWithinTheLimit_WithItsSuffix()
    {
        MentionDense.Sample(text =>
        {
            var preview = DiscordMessages.Preview(text + "x", "m1");
            AssertSendable(preview);
            Assert.EndsWith(DiscordMessages.PreviewSuffix, preview["content"]!.GetValue<string>(), StringComparison.Ordinal);
        }, iter: 2000);
    }

    [Fact]
    public async Task StreamedMentionDenseAnswer_WhatIsSentStaysWithinDiscordsLimits()
    {
        // Arrange: a model that streams 6,000 characters dense with mentions, emoji and astral characters. Each REST
        // call moves the bot's fake clock on a second, so previews (over 2,000 characters, too) are edited in between.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var piece = string.Concat(Enumerable.Repeat("<@100> 😀𠀀 @everyone 騰訊紅包。[1] ", 12));
        var pieces = Enumerable.Repeat(piece, 24).ToArray();
        using var model = new FakeOpenAIServer(r => r.LastRole == "tool"
            ? FakeReply.StreamedText(pieces)
            : FakeReply.StreamedToolCall(r.SearchTool, "{\"query\":\"騰訊紅包\"}"));
        await using var bot = await BotHarness.StartAsync(
            d => d.CallReceived += call =>
            {
                if (call.Path.StartsWith("/channels/lim/", StringComparison.Ordinal))
                {
                    time.Advance(TimeSpan.FromSeconds(1));
                }
            },
            settings: new() { ["Llm:Provider"] = "OpenAICompatible", ["Llm:Model"] = "fake-model", ["Llm:Endpoint"] = model.Endpoint },
            time: time);

        // Act
        await bot.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("lim1", "lim", $"<@{FakeDiscord.BotUserId}> 騰訊紅包？", mentionBot: true));
        await FakeDiscord.WaitUntilAsync(() => bot.Discord.Calls.Any(c => c.Path.StartsWith("/channels/lim/messages", StringComparison.Ordinal) && c.Body?["embeds"] is not null), "the final message");

        // Assert: every body the fake Discord received is within the limits; edits carry no message_reference.
        var sent = bot.Discord.Calls.Where(c => c.Path.StartsWith("/channels/lim/messages", StringComparison.Ordinal)).ToList();
        Assert.True(sent.Count >= 4, $"{sent.Count} messages and edits"); // 6,000+ characters need at least 4 messages
        Assert.All(sent, c => AssertSendable(c.Body!.AsObject()));
        Assert.All(sent.Where(c => c.Method == "PATCH"), c => Assert.Null(c.Body!["message_reference"]));
    }

    [GeneratedRegex("<@(?!\u200B)|@(?=everyone|here)", RegexOptions.IgnoreCase)]
    private static partial Regex RawMention();
}
