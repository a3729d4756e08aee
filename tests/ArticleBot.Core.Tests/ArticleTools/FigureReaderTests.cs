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
    [InlineData("位於海拔一千米的高原", "一千米", FigureKind.Count, 1000, "米")]
    [InlineData("投票率不到八成", "八成", FigureKind.Percent, 80, "%")]
    [InlineData("全隊共三十五人", "三十五人", FigureKind.Count, 35, "人")]
    [InlineData("獎金兩萬元", "兩萬元", FigureKind.Amount, 20000, "元")]
    [InlineData("距地球5900光年", "5900光年", FigureKind.Count, 5900, "光年")]
    [InlineData("舊城保存了4座石橋", "4座", FigureKind.Count, 4, "座")] // a classifier CC-CEDICT names (figures.classifiers)
    [InlineData("鎮上有分校17間", "17間", FigureKind.Count, 17, "間")]
    [InlineData("每天有9趟渡輪往返", "9趟", FigureKind.Count, 9, "趟")]
    [InlineData("積雪厚度約3厘米", "3厘米", FigureKind.Count, 3, "厘米")] // a unit of measurement (figures.units)
    [InlineData("湖面面積12平方公里", "12平方公里", FigureKind.Count, 12, "平方公里")] // the longest unit, not 平方 or 公里 alone
    [InlineData("全村共有 40 家商店", "40 家", FigureKind.Count, 40, "家")] // one space before the classifier
    [InlineData("雷達的有效距離30km", "30km", FigureKind.Count, 30, "km")]
    [InlineData("每年約有150對伴侶登記", "150對", FigureKind.Count, 150, "對")] // CC-CEDICT's "classifier: couple; pair"
    [InlineData("他於2015 年 2 月辭任主席", "2015 年 2 月", FigureKind.Date, 20150200, "")] // a date written with spaces
    [InlineData("在 3 月 18 日開幕", "3 月 18 日", FigureKind.Date, 318, "")]
    [InlineData("他在富豪榜上排名第51", "第51", FigureKind.Count, 51, "第")] // a rank, with its 第
    [InlineData("該國排名 第 139 ，", "第 139", FigureKind.Count, 139, "第")]
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

    [Theory]
    [InlineData("他於２００９年３月加入球隊", FigureKind.Date, 20090300)]
    [InlineData("全隊共３５人", FigureKind.Count, 35)]
    [InlineData("獎金１２００萬元", FigureKind.Amount, 12e6)]
    public void Read_FullWidthDigits_AreReadLikeAsciiOnes_NotAnError(string text, FigureKind kind, double value)
    {
        // \d matches every script's digits; the parser of the invariant culture refused them (a FormatException per claim).
        var mention = Assert.Single(FigureReader.Read(text));

        Assert.Equal(kind, mention.Kind);
        Assert.Equal(value, mention.Value, 6);
    }

    [Theory]
    [InlineData("新版Qwen3模型今天上線")] // 模 is no classifier: a digit of a name
    [InlineData("見附錄2的說明")]
    [InlineData("最早把NGC 6231记录在星表中")] // 记 is a classifier, but the number is a catalogue name's
    [InlineData("Qwen3个版本")]
    public void Read_ADigitWithoutAMeasureWord_IsNoFigure(string text)
    {
        Assert.Empty(FigureReader.Read(text));
    }

    [Fact]
    public void Read_AThousandDigits_IsOneHugeNumber_NotAStackOverflow()
    {
        var mention = Assert.Single(FigureReader.Read("共" + new string('９', 1000) + "人"));

        Assert.True(mention.Value > 1e300);
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

    [Theory]
    [InlineData("一千", 1000)]
    [InlineData("三百五十", 350)]
    [InlineData("十二", 12)]
    [InlineData("二十", 20)]
    [InlineData("兩萬", 20000)]
    [InlineData("一億五千萬", 150_000_000)]
    public void ChineseNumber_ReadsChineseNumerals(string numeral, double value)
    {
        Assert.Equal(value, FigureReader.ChineseNumber(numeral));
    }

    [Theory]
    [InlineData("一年舉辦一次")] // a lone numeral is a phrase, not a figure
    [InlineData("這是一種氣體")]
    [InlineData("第一千名觀眾")] // an order
    [InlineData("石田三成面見德川家康")] // 成 ends a name here, not a share
    public void Read_ChineseNumeralsWithoutAnAmount_AreNoFigures(string text)
    {
        Assert.Empty(FigureReader.Read(text));
    }

    [Theory]
    [InlineData("Did Spain lose Cuba in 1898?", 18980000)]
    [InlineData("Was the bridge opened in 1781?", 17810000)]
    [InlineData("Was the company founded in 2015?", 20150000)]
    public void ReadEnglish_AFourDigitYear_IsADate(string claim, double value)
    {
        var date = Assert.Single(FigureReader.ReadEnglish(claim));

        Assert.Equal(FigureKind.Date, date.Kind);
        Assert.Equal(value, date.Value);
    }

    [Fact]
    public void ReadEnglish_AnEarlyNumberFollowedByAWord_IsNoYear()
    {
        Assert.DoesNotContain(FigureReader.ReadEnglish("Did 1500 soldiers cross the river?"), f => f.Kind == FigureKind.Date);
    }
}
