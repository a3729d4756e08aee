using ArticleBot.Core.Language.Mentions;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.Tests.Language.Mentions;

public sealed class NamingRecognizerTests
{
    [Theory]
    [InlineData("他繼續建造後來稱為 杜肯堡壘 的堡壘。", "杜肯堡垒")]
    [InlineData("工作組（簡稱TUMAS）", "tumas")]
    [InlineData("這種握法又稱「直拍」。", "直拍")]
    public void Find_TheNameAfterANamingWord(string text, string expected)
    {
        var mention = Assert.Single(NamingRecognizer.Find(ScriptFolding.Default.Fold(text)));

        Assert.Equal(AnswerKind.NamedThing, mention.Kind);
        Assert.Equal(expected, mention.Text);
    }

    [Fact]
    public void Find_NoNamingWord_NoName()
    {
        Assert.Empty(NamingRecognizer.Find(ScriptFolding.Default.Fold("雄性會有XY染色體。")));
    }

    [Theory]
    [InlineData("What is it called?", true)]
    [InlineData("Cultural imperialism is also known as what?", true)]
    [InlineData("草木變成的精怪又被稱為?", true)]
    [InlineData("雄性會有什麼染色體?", false)]
    [InlineData("What did Washington do?", false)]
    public void AsksForName(string question, bool expected)
    {
        Assert.Equal(expected, NamingRecognizer.AsksForName(ScriptFolding.Default.Fold(question)));
    }
}
