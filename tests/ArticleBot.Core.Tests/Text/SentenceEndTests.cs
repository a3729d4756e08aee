using ArticleBot.Core.Text;

namespace ArticleBot.Core.Tests.Text;

public sealed class SentenceEndTests
{
    [Theory]
    [InlineData("市值突破5萬億美元。", true)]
    [InlineData("他說：「這是開始。」", true)]
    [InlineData("Is it?", true)]
    [InlineData("He said \"yes.\"", true)]
    [InlineData("第二部分", false)]
    [InlineData("記者 王小明", false)]
    [InlineData("「引號」", false)]
    [InlineData("", false)]
    public void Ends_RecognisesSentenceEnds(string text, bool expected) => Assert.Equal(expected, SentenceEnd.Ends(text));

    [Theory]
    [InlineData('。', true)]
    [InlineData('…', true)]
    [InlineData('｡', true)]
    [InlineData(',', false)]
    [InlineData('.', false)]
    public void IsTerminator_OnlyChineseTerminators(char c, bool expected) => Assert.Equal(expected, SentenceEnd.IsTerminator(c));
}
