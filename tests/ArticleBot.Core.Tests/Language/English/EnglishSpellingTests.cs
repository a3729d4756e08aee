using ArticleBot.Core.Language.English;
using ArticleBot.Core.Tests.Fakes;

namespace ArticleBot.Core.Tests.Language.English;

public sealed class EnglishSpellingTests
{
    [Theory]
    [InlineData("defence", "defense")]
    [InlineData("offences", "offenses")]
    [InlineData("colour", "color")]
    [InlineData("favourite", "favorite")]
    [InlineData("behaviour", "behavior")]
    [InlineData("organisation", "organization")]
    [InlineData("organised", "organized")]
    [InlineData("analyse", "analyze")]
    [InlineData("centre", "center")]
    [InlineData("catalogue", "catalog")]
    [InlineData("four", "four")] // too short: "for" would collide
    [InlineData("hour", "hour")]
    [InlineData("surrendered", "surrendered")]
    [InlineData("revenue", "revenue")]
    public void American_FoldsBritishSpellings(string british, string american)
    {
        Assert.Equal(american, EnglishSpelling.American(british));
    }

    [Theory]
    [InlineData("defence", "defense")]
    [InlineData("behaviour", "behavior")]
    public void Analyze_BritishAndAmericanSpellings_FindTheSameChineseWords(string british, string american)
    {
        var fromBritish = TestCorpus.Search.Analyze(british).Groups.Single();
        var fromAmerican = TestCorpus.Search.Analyze(american).Groups.Single();

        Assert.True(fromBritish.InCorpus, $"{british} found nothing");
        Assert.Equal(fromAmerican.Alternatives, fromBritish.Alternatives);
    }
}
