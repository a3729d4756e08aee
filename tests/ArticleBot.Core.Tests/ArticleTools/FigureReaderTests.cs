using ArticleBot.Core.ArticleTools;

namespace ArticleBot.Core.Tests.ArticleTools;

public sealed class FigureReaderTests
{
    [Theory]
    [InlineData("廣告業務或將為OpenAI帶來250億美元的年收入", "250億美元", FigureKind.Amount, 25e9, "美元")]
    [InlineData("用戶上元寶App分10億現金紅包", "10億", FigureKind.Amount, 1e9, "")]
    [InlineData("憑借1600 億的重金算力投入", "1600 億", FigureKind.Amount, 160e9, "")]
    [InlineData("到英偉達市值突破5萬億美元", "5萬億美元", FigureKind.Amount, 5e12, "美元")]
    [InlineData("憑借85%的B2B/API營收結構", "85%", FigureKind.Percent, 85, "%")]
    [InlineData("投入10倍的算力", "10倍", FigureKind.Count, 10, "倍")]
    [InlineData("1月15日發布的“千問”產品", "1月15日", FigureKind.Date, 115, "")]
    [InlineData("自2022年末至今", "2022年末", FigureKind.Date, 20220000, "末")]
    public void Read_ChineseText_FindsTheFigureWithItsKindValueAndUnit(string text, string figure, FigureKind kind, double value, string unit)
    {
        var found = FigureReader.Read(text);

        var mention = Assert.Single(found);
        Assert.Equal(figure, mention.Text);
        Assert.Equal(kind, mention.Kind);
        Assert.Equal(value, mention.Value, 6);
        Assert.Equal(unit, mention.Unit);
        Assert.Equal(figure, text[mention.Start..mention.End].Trim());
    }

    [Fact]
    public void Read_QualifierBeforeTheNumber_IsKept()
    {
        var mention = Assert.Single(FigureReader.Read("即便ChatGPT周活已超9億"));

        Assert.Equal("超", mention.Qualifier);
        Assert.Equal(9e8, mention.Value);
    }

    [Fact]
    public void Read_DigitsOfNamesAndBareNumbers_AreNotFigures()
    {
        Assert.Empty(FigureReader.Read("挑戰者憑借B2B/API營收結構，在Web3與GPT4之間"));
    }

    [Theory]
    [InlineData("Is it true that ChatGPT has more than 900 million weekly users?", FigureKind.Amount, 9e8)]
    [InlineData("Could ads bring OpenAI US$25 billion a year?", FigureKind.Amount, 25e9)]
    [InlineData("Does Anthropic get 85% of its revenue from B2B?", FigureKind.Percent, 85)]
    [InlineData("Is the campaign starting on February 1?", FigureKind.Date, 201)]
    [InlineData("Is the campaign starting on 1 February?", FigureKind.Date, 201)]
    [InlineData("Did revenue reach 50 billion dollars?", FigureKind.Amount, 50e9)]
    public void ReadEnglish_Claim_FindsItsFigure(string claim, FigureKind kind, double value)
    {
        var mention = Assert.Single(FigureReader.ReadEnglish(claim));

        Assert.Equal(kind, mention.Kind);
        Assert.Equal(value, mention.Value, 6);
    }

    [Fact]
    public void SameAs_ComparesValuesAcrossLanguagesAndDatesWithoutAYear()
    {
        var chinese = FigureReader.Read("ChatGPT周活已超9億")[0];
        var english = FigureReader.ReadEnglish("900 million users")[0];
        var dated = FigureReader.Read("2026年2月1日")[0];
        var undated = FigureReader.ReadEnglish("February 1")[0];

        Assert.True(chinese.SameAs(english));
        Assert.True(dated.SameAs(undated));
        Assert.False(chinese.SameAs(FigureReader.Read("10億")[0]));
    }
}
