using ArticleBot.Core.ArticleTools;

namespace ArticleBot.Core.Tests.ArticleTools;

public sealed class EnglishFactsTests
{
    [Theory]
    [InlineData("廣告業務或將為OpenAI帶來250億美元的年收入", "US$25 billion a year")]
    [InlineData("即便ChatGPT周活已超9億", "more than 900 million weekly active users")]
    [InlineData("用戶上元寶App分10億現金紅包", "1 billion in red packets")]
    [InlineData("1月15日發布的“千問”產品", "15 January")]
    [InlineData("騰訊宣布2月1日上線春節活動", "1 February")]
    [InlineData("自2022年末至今", "the end of 2022")]
    [InlineData("憑借85%的B2B/API營收結構", "85%")]
    [InlineData("個人獲得3000元補貼", "3,000 yuan")]
    public void Figure_ChineseFigure_ReadsInEnglish(string sentence, string expected)
    {
        var mention = FigureReader.Read(sentence)[0];

        var english = EnglishFacts.Figure(mention, ArticleFigures.MeasureOf(sentence, mention));

        Assert.Equal(expected, english);
    }

    [Theory]
    [InlineData(2.5e10, "25 billion")]
    [InlineData(1.6e11, "160 billion")]
    [InlineData(5e12, "5 trillion")]
    [InlineData(9e8, "900 million")]
    [InlineData(1600, "1,600")]
    [InlineData(2.5, "2.5")]
    public void Number_UsesWordsOfScale(double value, string expected) => Assert.Equal(expected, EnglishFacts.Number(value));

    [Fact]
    public void Join_ListsWithAnd()
    {
        Assert.Equal("Tencent", EnglishFacts.Join(["Tencent"]));
        Assert.Equal("Tencent and ByteDance", EnglishFacts.Join(["Tencent", "ByteDance"]));
        Assert.Equal("Tencent, ByteDance and Alibaba", EnglishFacts.Join(["Tencent", "ByteDance", "Alibaba"]));
    }
}
