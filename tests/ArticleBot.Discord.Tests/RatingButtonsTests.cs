using ArticleBot.Core.Feedback;
using ArticleBot.Discord.Bot;

namespace ArticleBot.Discord.Tests;

public sealed class RatingButtonsTests
{
    [Theory]
    [InlineData(Vote.Up, "0123456789abcdef", "rate:up:0123456789abcdef")]
    [InlineData(Vote.Down, "0123456789abcdef", "rate:down:0123456789abcdef")]
    public void CustomId_RoundTrips(Vote vote, string answerId, string expected)
    {
        var customId = RatingButtons.CustomId(vote, answerId);

        Assert.Equal(expected, customId);
        Assert.True(RatingButtons.TryParse(customId, out var parsedVote, out var parsedId));
        Assert.Equal((vote, answerId), (parsedVote, parsedId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("rate:")]
    [InlineData("rate:up")]
    [InlineData("rate:up:")]
    [InlineData("rate:maybe:abc")]
    [InlineData("rate:up:a:b")]
    [InlineData("RATE:up:abc")]
    [InlineData("page:next")]
    public void TryParse_RefusesAnythingElse(string? customId)
    {
        Assert.False(RatingButtons.TryParse(customId, out _, out _));
    }

    [Fact]
    public void TryParse_RefusesAnIdOverDiscordsLimit()
    {
        Assert.False(RatingButtons.TryParse("rate:up:" + new string('a', 100), out _, out _));
    }

    [Fact]
    public void CustomId_OverDiscordsLimit_IsAnError()
    {
        Assert.Throws<ArgumentException>(() => RatingButtons.CustomId(Vote.Down, new string('a', 95)));
    }

    [Fact]
    public void Row_HasTwoButtons_HelpfulFirst()
    {
        var row = Assert.Single(RatingButtons.For("abc"))!.AsObject();
        var buttons = row["components"]!.AsArray();

        Assert.Equal(1, row["type"]!.GetValue<int>());
        Assert.Equal(["rate:up:abc", "rate:down:abc"], buttons.Select(b => b!["custom_id"]!.GetValue<string>()));
        Assert.Equal([3, 4], buttons.Select(b => b!["style"]!.GetValue<int>()));
    }
}
