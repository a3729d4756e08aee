using ArticleBot.Core.Language.Mentions;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.Tests.Language.Mentions;

public sealed class QuantityRecognizerTests
{
    private static List<Mention> Find(string text) => QuantityRecognizer.Find(ScriptFolding.Default.Fold(text)).ToList();

    [Theory]
    [InlineData("公司市值達到三百億美元", "三百亿美元")]
    [InlineData("共有一千五百萬人", "一千五百万人")]
    [InlineData("第49屆超級盃", "第49届")]
    [InlineData("下辖13个居委会", "13个")]
    [InlineData("增長了25%", "25%")]
    [InlineData("佔百分之三十", "百分之三十")]
    [InlineData("市值5萬億", "5万亿")]
    [InlineData("It raised $5 million", "$5 million")]
    [InlineData("about 40 percent of them", "40 percent")]
    public void Find_Numbers(string text, string expected)
    {
        Assert.Contains(Find(text), m => m.Kind == AnswerKind.Number && m.Text == expected);
    }

    [Theory]
    [InlineData("他在2026年1月15日發布", "2026年1月15日")]
    [InlineData("1月15日上線", "1月15日")]
    [InlineData("起於1568年", "1568年")]
    [InlineData("在1970年代初期建造", "1970年代")]
    [InlineData("十九世紀末", "十九世纪末")]
    [InlineData("在 20 世紀，量子力學的發展", "20 世纪")]
    [InlineData("這些作家在第一次世界大戰前是最多產的", "第一次世界大战前")]
    [InlineData("春秋時期，楚滅申", "春秋时期")]
    [InlineData("永祿11年，織田信長上洛", "永禄11年")]
    [InlineData("released on 15 January 2026", "15 january 2026")]
    [InlineData("founded in 2015 by", "2015")]
    public void Find_Dates(string text, string expected)
    {
        Assert.Contains(Find(text), m => m.Kind == AnswerKind.Date && m.Text == expected);
    }

    [Theory]
    [InlineData("在這一時期，他們")] // a reference to a period named before, not a period
    [InlineData("戰爭造成了影響")]
    public void Find_NoPeriod(string text)
    {
        Assert.DoesNotContain(Find(text), m => m.Kind == AnswerKind.Date);
    }

    [Theory]
    [InlineData("他25歲時退役", AnswerKind.Age, "25岁")]
    [InlineData("he retired aged 25", AnswerKind.Age, "aged 25")]
    [InlineData("戰爭持續了三年", AnswerKind.Duration, "三年")]
    [InlineData("治療了6個月", AnswerKind.Duration, "6个月")]
    [InlineData("the war lasted ten years", AnswerKind.Duration, "ten years")]
    public void Find_AgesAndDurations(string text, AnswerKind kind, string expected)
    {
        Assert.Contains(Find(text), m => m.Kind == kind && m.Text == expected);
    }

    [Theory]
    [InlineData("這是一種無味的非金屬")]
    [InlineData("一些礦物也是硫化物")]
    [InlineData("a sulfur compound")]
    public void Find_ArticlesAndWordParts_AreNotAmounts(string text)
    {
        Assert.Empty(Find(text));
    }
}
