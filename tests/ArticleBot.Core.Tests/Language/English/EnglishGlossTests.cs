using ArticleBot.Core.Language.English;
using ArticleBot.Core.Tests.Fakes;

namespace ArticleBot.Core.Tests.Language.English;

/// <summary>How English words reach the article's Chinese words: the heads of noun glosses, adjectives of nationality.</summary>
public sealed class EnglishGlossTests
{
    private const string Cedict = """
        議會 议会 [yi4 hui4] /parliament/legislative assembly/
        集會 集会 [ji2 hui4] /to assemble/assembly/
        """;

    private static EnglishLexicon Build(params string[] corpusWords) => CedictLexicon.Build(Cedict, corpusWords);

    [Fact]
    public void Lookup_HeadOfATwoWordNounGloss_FindsTheWordLessSurelyThanItsOwnGloss()
    {
        var lexicon = Build("议会", "集会");

        var assembly = lexicon.Lookup(EnglishLexicon.Stem("assembly"));

        var parliament = Assert.Single(assembly, e => e.Chinese == "议会"); // "legislative assembly"
        var gathering = Assert.Single(assembly, e => e.Chinese == "集会"); // "assembly" itself
        Assert.True(parliament.Confidence < gathering.Confidence);
        Assert.Contains(lexicon.Lookup("legisl assembl"), e => e.Chinese == "议会");
    }

    [Theory]
    [InlineData("scottish", "scotland")]
    [InlineData("french", "france")]
    [InlineData("american", "united states")]
    [InlineData("parliament", null)]
    public void Place_OfAnAdjectiveOfNationality(string word, string? place)
    {
        Assert.Equal(place, EnglishDemonyms.Place(word));
    }

    [Fact]
    public void Analyze_NameTheDictionaryTranslates_ButTheArticleNeverWrites_IsMissing_NotAWordThatSoundsLikeIt()
    {
        // CC-CEDICT gives 北京 for Beijing; the article has no 北京, only 背景 (bei jing, "background").
        var plan = TestCorpus.Search.Analyze("What is the weather in Beijing today?");

        var beijing = plan.Groups.Single(g => g.Label == "beijing");
        Assert.False(beijing.InCorpus);
        Assert.DoesNotContain("背景", beijing.Alternatives);
    }

    [Fact]
    public void Analyze_AdjectiveOfNationality_FindsThePlace_NotATransliteration()
    {
        var plan = TestCorpus.Search.Analyze("What do American companies plan?");

        Assert.Contains("美国", plan.Groups.Single(g => g.Label == "american").Alternatives);
    }
}
