using System.Text.RegularExpressions;
using ArticleBot.Core.Answering;
using ArticleBot.Core.Citations;
using ArticleBot.Discord.Bot;
using CsCheck;

namespace ArticleBot.Discord.Tests;

public sealed partial class MessageRenderingTests
{
    [Fact]
    public void Split_ShortText_IsOneMessage()
    {
        Assert.Equal(["短答案[1]"], MessageSplitter.Split("短答案[1]"));
    }

    [Fact]
    public void Split_LongChinese_CutsAtSentenceEnds_WithTheirMarkers()
    {
        var text = string.Concat(Enumerable.Repeat("騰訊宣布2月1日上線春節活動,用戶上元寶App分10億現金紅包。[12]", 80));

        var pieces = MessageSplitter.Split(text);

        Assert.True(pieces.Count > 1);
        Assert.All(pieces, p => Assert.InRange(p.Length, 1, 2000));
        Assert.All(pieces.SkipLast(1), p => Assert.EndsWith("[12]", p, StringComparison.Ordinal));
        Assert.Equal(text, string.Concat(pieces));
    }

    [Fact]
    public void Split_RandomText_NeverOverTheLimit_NeverInsideAMarkerOrSurrogatePair()
    {
        var atoms = Gen.OneOfConst("騰訊", "紅包", "。", "，", " ", "\n", "[1]", "[23]", "[456]", "😀", "𠀀", "OpenAI", "word ", "!", "?", new string('長', 700), new string('x', 2100));
        atoms.Array[0, 120].Select(string.Concat).Sample(text =>
        {
            var pieces = MessageSplitter.Split(text);
            foreach (var piece in pieces)
            {
                Assert.InRange(piece.Length, 1, MessageSplitter.MaxMessageLength);
                Assert.False(char.IsHighSurrogate(piece[^1]), "piece ends inside a surrogate pair");
                Assert.False(char.IsLowSurrogate(piece[0]), "piece starts inside a surrogate pair");
                Assert.False(BrokenMarkerAtEnd().IsMatch(piece), $"piece ends inside a marker: …{piece[^Math.Min(8, piece.Length)..]}");
                Assert.False(BrokenMarkerAtStart().IsMatch(piece), "piece starts inside a marker");
            }

            // Nothing but whitespace is lost or added.
            Assert.Equal(Regex.Replace(text, @"\s", string.Empty), Regex.Replace(string.Concat(pieces), @"\s", string.Empty));
        }, iter: 3000);
    }

    [Theory]
    [InlineData("@everyone look", "@\u200Beveryone look")]
    [InlineData("hi @here", "hi @\u200Bhere")]
    [InlineData("<@123> and <@&456> and <@!789>", "<@\u200B123> and <@\u200B&456> and <@\u200B!789>")]
    public void MentionGuard_DefusesEveryMention(string text, string expected)
    {
        Assert.Equal(expected, MentionGuard.Defuse(text));
    }

    [Fact]
    public void Answer_EveryMessageHasNoMentionsAllowed_AndTheEmbedStaysWithinLimits()
    {
        var quote = new string('長', 3000);
        var citations = Enumerable.Range(1, 12).Select(n => new Citation(n, $"a#p{n}", "seeds/a.txt", "節", 0, quote.Length, quote)).ToList();
        var answer = new ArticleAnswer("q", string.Concat(Enumerable.Repeat("一句話。[1]", 500)) + " @everyone", true, "extractive", citations, []);

        var messages = DiscordMessages.Answer(answer, replyTo: "m1");

        Assert.All(messages, m => Assert.Empty(m["allowed_mentions"]!["parse"]!.AsArray()));
        Assert.All(messages, m => Assert.InRange(m["content"]!.GetValue<string>().Length, 1, 2000));
        Assert.Equal("m1", messages[0]["message_reference"]!["message_id"]!.GetValue<string>());
        Assert.All(messages.Skip(1), m => Assert.Null(m["message_reference"]));
        var embed = messages[^1]["embeds"]![0]!;
        var total = embed["title"]!.GetValue<string>().Length + embed["description"]!.GetValue<string>().Length + embed["footer"]!["text"]!.GetValue<string>().Length;
        Assert.InRange(embed["description"]!.GetValue<string>().Length, 1, 4096);
        Assert.InRange(total, 1, 6000);
        Assert.DoesNotContain("@everyone", string.Concat(messages.Select(m => m.ToJsonString())), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\[\d*$")]
    private static partial Regex BrokenMarkerAtEnd();

    [GeneratedRegex(@"^\d*\]")]
    private static partial Regex BrokenMarkerAtStart();
}
