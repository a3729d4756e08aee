using ArticleBot.Core.Language.English;
using ArticleBot.Core.Tests.Fakes;

namespace ArticleBot.Core.Tests.Language.English;

/// <summary>A question's English word that CC-CEDICT glosses only under another form of it.</summary>
public sealed class EnglishDerivationsTests
{
    private const string Cedict = """
        素數 素数 [su4 shu4] /prime (number)/
        部門 部门 [bu4 men2] /department/branch/sector/
        分解 分解 [fen1 jie3] /to resolve/to decompose/to break down/
        """;

    [Theory]
    [InlineData("primality", "prime")]
    [InlineData("decomposable", "decompose")]
    [InlineData("organization", "organize")]
    [InlineData("happiness", "happy")]
    [InlineData("subsectors", "sectors")]
    [InlineData("indecomposable", "decompose")]
    public void Forms_HoldTheGlossedForm(string word, string form)
    {
        Assert.Contains(form, EnglishDerivations.Forms(word));
    }

    [Theory]
    [InlineData("ally")] // no stem of three letters before "ly"
    [InlineData("unit")] // "un" leaves too little
    [InlineData("cat")]
    public void Forms_OfAShortWord_AreNone(string word)
    {
        Assert.Empty(EnglishDerivations.Forms(word));
    }

    [Fact]
    public void Lookup_FindsTheGlossOfTheDerivedForm_LessSurelyThanTheFormItself()
    {
        var lexicon = CedictLexicon.Build(Cedict, "素数", "部门", "分解");

        var prime = Assert.Single(EnglishDerivations.Lookup(lexicon, "primality"));
        var own = Assert.Single(lexicon.Lookup(EnglishLexicon.Stem("prime")));

        Assert.Equal("素数", prime.Chinese);
        Assert.Equal(own.Confidence * EnglishDerivations.Confidence, prime.Confidence, 5);
        Assert.Contains(EnglishDerivations.Lookup(lexicon, "subsectors"), e => e.Chinese == "部门");
        Assert.Contains(EnglishDerivations.Lookup(lexicon, "indecomposable"), e => e.Chinese == "分解");
    }

    [Fact]
    public void Lookup_OfAWordWithNoGlossedForm_IsEmpty()
    {
        var lexicon = CedictLexicon.Build(Cedict, "素数", "部门", "分解");

        Assert.Empty(EnglishDerivations.Lookup(lexicon, "xylophonist"));
    }
}
