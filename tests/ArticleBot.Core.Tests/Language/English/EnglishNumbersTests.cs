using ArticleBot.Core.Language.English;

namespace ArticleBot.Core.Tests.Language.English;

public sealed class EnglishNumbersTests
{
    [Theory]
    [InlineData("xlix", "Who won Super Bowl XLIX?", 49)]
    [InlineData("ten", "ten times more", 10)]
    [InlineData("fifth", "the fifth season", 5)]
    [InlineData("mcmxcix", "in MCMXCIX", 1999)]
    public void TryParse_NumberWordsAndCapitalRomanNumerals(string word, string question, int expected)
    {
        Assert.True(EnglishNumbers.TryParse(word, question, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("mix", "How do they mix it?")]
    [InlineData("cd", "Was it sold on cd?")]
    [InlineData("iix", "IIX")]
    [InlineData("civil", "CIVIL")]
    [InlineData("apple", "apple")]
    public void TryParse_WordsAndBadNumerals_AreNotNumbers(string word, string question)
    {
        Assert.False(EnglishNumbers.TryParse(word, question, out _));
    }

    [Theory]
    [InlineData(49, "四十九")]
    [InlineData(10, "十")]
    [InlineData(105, "一百零五")]
    [InlineData(2026, "二千零二十六")]
    [InlineData(1000, "一千")]
    public void ToChinese_WritesChineseNumerals(int value, string expected)
    {
        Assert.Equal(expected, EnglishNumbers.ToChinese(value));
    }
}
