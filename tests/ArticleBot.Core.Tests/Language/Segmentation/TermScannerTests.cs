using ArticleBot.Core.Language.Segmentation;

namespace ArticleBot.Core.Tests.Language.Segmentation;

public sealed class TermScannerTests
{
    private static List<ScannedTerm> Scan(string folded)
    {
        var terms = new List<ScannedTerm>();
        TermScanner.Scan(folded, terms);
        return terms;
    }

    [Fact]
    public void Scan_Chinese_GivesBigramsAndUnigrams()
    {
        var terms = Scan("广告业务");

        Assert.Equal(["广告", "告业", "业务"], terms.Where(t => t.Kind == TermKind.Bigram).Select(t => t.Text));
        Assert.Equal(["广", "告", "业", "务"], terms.Where(t => t.Kind == TermKind.Unigram).Select(t => t.Text));
    }

    [Theory]
    [InlineData("带来250亿美元", "250")]
    [InlineData("带来250亿美元", "250亿")]
    [InlineData("凭借85%的b2b", "85%")]
    [InlineData("1600 亿的重金", "1600")]
    [InlineData("1600 亿的重金", "1600亿")]
    [InlineData("在30-35公里时", "30-35")]
    [InlineData("2月1日上线", "2月")]
    [InlineData("共1,000人", "1000")]
    public void Scan_Numbers_AreKeptWhole(string folded, string expected)
    {
        Assert.Contains(Scan(folded), t => t.Kind == TermKind.Number && t.Text == expected);
    }

    [Fact]
    public void Scan_LatinWords_AreWholeTerms()
    {
        var words = Scan("openai的chatgpt与b2b/api").Where(t => t.Kind == TermKind.Word).Select(t => t.Text);
        Assert.Equal(["openai", "chatgpt", "b2b", "api"], words);
    }

    [Fact]
    public void Scan_AstralHanCharacters_AreWholeCharacters()
    {
        var unigrams = Scan("𠀀中").Where(t => t.Kind == TermKind.Unigram).Select(t => t.Text).ToList();
        Assert.Equal(["𠀀", "中"], unigrams);
    }
}
