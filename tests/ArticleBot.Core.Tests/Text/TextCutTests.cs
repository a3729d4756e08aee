using ArticleBot.Core.Text;

namespace ArticleBot.Core.Tests.Text;

public sealed class TextCutTests
{
    [Theory]
    [InlineData("abc", 5, "abc")]
    [InlineData("abcdef", 3, "abc")]
    [InlineData("ab😀c", 3, "ab")]
    [InlineData("ab😀c", 4, "ab😀")]
    [InlineData("😀", 0, "")]
    public void AtMost_NeverSplitsASurrogatePair(string text, int max, string expected)
    {
        // Act
        var cut = TextCut.AtMost(text, max);

        // Assert
        Assert.Equal(expected, cut);
        Assert.True(cut.Length <= max);
    }
}
