using ArticleBot.Core.Language.English;
using ArticleBot.Core.Tests.Fakes;

namespace ArticleBot.Core.Tests.Language.English;

/// <summary>A mistyped English word of a question reaches the article through the word it is one slip from.</summary>
public sealed class EnglishTyposTests
{
    private static readonly HashSet<string> s_known = ["corruption", "between", "guarantee", "species", "special"];

    [Theory]
    [InlineData("coruption", "corruption")] // a letter dropped
    [InlineData("betwen", "between")]
    [InlineData("corrpution", "corruption")] // two letters swapped
    [InlineData("speceis", "species")]
    [InlineData("bteween", "between")]
    [InlineData("corruptoin", "corruption")]
    public void Corrections_FindTheWordOneSlipAway(string typed, string meant)
    {
        Assert.Equal(meant, Assert.Single(EnglishTypos.Corrections(typed, s_known.Contains)));
    }

    [Theory]
    [InlineData("gaurentee")] // two slips: left alone
    [InlineData("betw")] // too short to correct
    [InlineData("between")] // the word itself is no correction
    public void Corrections_OfAWordNotOneSlipFromAnother_AreNone(string typed)
    {
        Assert.Empty(EnglishTypos.Corrections(typed, s_known.Contains));
    }

    [Fact]
    public void Corrections_OfAWordLongerThanAnySlipOfAGlossWord_AreNotLookedFor()
    {
        const string known = "pneumonoultramicroscopicsilicovolcanoconiosis"; // no gloss word is this long
        var asked = 0;

        var corrections = EnglishTypos.Corrections(known.Remove(10, 1), w => ++asked > 0 && w == known).ToList();

        Assert.Empty(corrections);
        Assert.Equal(0, asked);
    }

    [Fact]
    public void Lookup_FindsTheCorrectionsGlosses_LessSurely()
    {
        var lexicon = CedictLexicon.Build("""
            腐敗 腐败 [fu3 bai4] /corruption/to rot/
            """, "腐败");

        var found = Assert.Single(EnglishTypos.Lookup(lexicon, "coruption"));

        Assert.Equal("腐败", found.Chinese);
        Assert.Equal(EnglishTypos.Confidence, found.Confidence, 5);
        Assert.Empty(EnglishTypos.Lookup(lexicon, "xylophone"));
    }
}
