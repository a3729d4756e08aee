using ArticleBot.Core.Search;

namespace ArticleBot.Core.Tests.Search;

public sealed class SoundSkeletonTests
{
    [Theory]
    [InlineData("Iqbal", "yikebale")] // 伊克巴勒
    [InlineData("Ratzel", "lacaier")] // 拉采尔
    [InlineData("Hassabis", "hasabisi")] // 哈萨比斯
    [InlineData("London", "lundun")] // 伦敦
    [InlineData("Smith", "shimisi")] // 史密斯
    public void EnglishNameAndItsPinyinTransliteration_ShareASkeleton(string english, string pinyin)
    {
        Assert.Equal(SoundSkeleton.OfEnglish(english), SoundSkeleton.OfPinyin(pinyin));
    }

    [Theory]
    [InlineData("Iqbal", "yiannong")]
    [InlineData("Ratzel", "lundun")]
    public void DifferentNames_HaveDifferentSkeletons(string english, string pinyin)
    {
        Assert.NotEqual(SoundSkeleton.OfEnglish(english), SoundSkeleton.OfPinyin(pinyin));
    }

    [Theory]
    [InlineData("伊克巴勒", true)]
    [InlineData("拉采尔", true)]
    [InlineData("人议案通", false)] // sounds like "London" in a skeleton, but no name is written with these
    [InlineData("伦", false)] // one character is not a name
    public void LooksTransliterated_OnlyWordsOfNameCharacters(string chinese, bool expected)
    {
        Assert.Equal(expected, SoundSkeleton.LooksTransliterated(chinese));
    }
}
