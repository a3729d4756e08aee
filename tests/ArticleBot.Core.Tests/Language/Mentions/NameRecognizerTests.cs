using ArticleBot.Core.Language.Mentions;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.Tests.Language.Mentions;

public sealed class NameRecognizerTests
{
    private static List<Mention> Find(string text) => NameRecognizer.Find(ScriptFolding.Default.Fold(text)).ToList();

    [Theory]
    [InlineData("豆包是字節跳動公司的產品", AnswerKind.Organisation, "公司")]
    [InlineData("他畢業於新南威爾斯大學", AnswerKind.Organisation, "大学")]
    [InlineData("他們來自俄羅斯聖彼得堡", AnswerKind.Place, "俄罗斯")]
    [InlineData("牠們分布在墨西哥的聖路易斯波托西州北部", AnswerKind.Place, "州")]
    [InlineData("位於庫納巴拉班市的郊外", AnswerKind.Place, "市")]
    [InlineData("安雅·羅素法是模特兒", AnswerKind.Person, "安雅·罗素法")]
    [InlineData("王棟表示不滿", AnswerKind.Person, "王栋")]
    [InlineData("教宗若望保祿二世擢升他", AnswerKind.Person, "教宗")]
    [InlineData("她參加了《全美超級模特兒新秀大賽》", AnswerKind.NamedThing, "《全美超级模特儿新秀大赛》")]
    public void Find_Names(string text, AnswerKind kind, string contained)
    {
        Assert.Contains(Find(text), m => m.Kind == kind && m.Text.Contains(contained, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("谷歌的市值很高")]
    [InlineData("社會的全部問題")]
    public void Find_OneCharacterSuffixInsideAWord_IsNotAName(string text)
    {
        Assert.DoesNotContain(Find(text), m => m.Kind is AnswerKind.Place or AnswerKind.Organisation);
    }

    [Fact]
    public void Find_ReferenceBeforeSuffix_IsNotAName()
    {
        Assert.DoesNotContain(Find("這個市的人口"), m => m.Kind == AnswerKind.Place && m.Text.EndsWith('市'));
    }

    [Fact]
    public void Find_KnownNames_ComeFromTheLexicon()
    {
        var mentions = NameRecognizer.Find("谷歌的市值", w => w == "谷歌" ? AnswerKind.Organisation : null).ToList();

        Assert.Contains(mentions, m => m.Kind == AnswerKind.Organisation && m.Text == "谷歌");
    }

    [Fact]
    public void FindLatinCapitalised_SkipsTheSentenceStart()
    {
        var mentions = NameRecognizer.FindLatinCapitalised("The show starred Lady Gaga and the Denver Broncos.").Select(m => m.Text).ToList();

        Assert.Equal(["Lady Gaga", "Denver Broncos"], mentions);
    }
}
