using ArticleBot.Core.Language.English;

namespace ArticleBot.Core.Tests.Language.English;

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
    [InlineData("Westminster", "weisiminsite")] // 威斯敏斯特: the t of "West" and the final r are not written
    [InlineData("Mackinder", "maijinde")] // 麦金德: "ki" is ji, the final r dropped
    [InlineData("Norman", "nuoman")] // 诺曼
    [InlineData("Iqbal", "yikebale")] // equal skeletons match too
    public void Matches_TransliterationThatDropsAFewTAndRSounds(string english, string pinyin)
    {
        Assert.True(SoundSkeleton.Matches(SoundSkeleton.OfEnglish(english), SoundSkeleton.OfPinyin(pinyin)));
    }

    [Theory]
    [InlineData("Westminster", "weisimin")] // three sounds short: more than the two a transliteration drops
    [InlineData("Ratzel", "lundun")] // different sounds, not dropped ones
    [InlineData("Trent", "lunde")] // the first sound is never dropped
    [InlineData("Alder", "ade")] // too few sounds left to tell
    public void Matches_NotForOtherNames(string english, string pinyin)
    {
        Assert.False(SoundSkeleton.Matches(SoundSkeleton.OfEnglish(english), SoundSkeleton.OfPinyin(pinyin)));
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
