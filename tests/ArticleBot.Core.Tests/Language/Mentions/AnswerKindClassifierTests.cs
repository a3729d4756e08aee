using ArticleBot.Core.Language.Mentions;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.Tests.Language.Mentions;

public sealed class AnswerKindClassifierTests
{
    [Theory]
    [InlineData("谷歌的市值是多少？", AnswerKind.Number)]
    [InlineData("江蘇路街道下轄多少個居委會？", AnswerKind.Number)]
    [InlineData("How many people live there?", AnswerKind.Number)]
    [InlineData("王棟幾歲時加入球隊？", AnswerKind.Age)]
    [InlineData("How old was he when he died?", AnswerKind.Age)]
    [InlineData("戰爭持續了多久？", AnswerKind.Duration)]
    [InlineData("How long did the war last?", AnswerKind.Duration)]
    [InlineData("賽丁泉天文台是何時設立的？", AnswerKind.Date)]
    [InlineData("安土桃山时代是哪一年开始的？", AnswerKind.Date)]
    [InlineData("When was OpenAI founded?", AnswerKind.Date)]
    [InlineData("In what year did the treaty end?", AnswerKind.Date)]
    [InlineData("豆包是哪家公司的產品？", AnswerKind.Organisation)]
    [InlineData("Which company makes the chip?", AnswerKind.Organisation)]
    [InlineData("安雅来自哪个国家？", AnswerKind.Place)]
    [InlineData("Where is the observatory?", AnswerKind.Place)]
    [InlineData("誰證明了硫是一種元素？", AnswerKind.Person)]
    [InlineData("Who won Super Bowl XLIX?", AnswerKind.Person)]
    [InlineData("王栋为什么急需用钱？", AnswerKind.Reason)]
    [InlineData("Why did the king leave?", AnswerKind.Reason)]
    [InlineData("如何用硫代硫酸氨洗金？", AnswerKind.Manner)]
    [InlineData("How did the company grow?", AnswerKind.Manner)]
    [InlineData("什么是乙烯酮？", AnswerKind.Definition)]
    [InlineData("What is a ketene?", AnswerKind.Definition)]
    [InlineData("硫是否有味道？", AnswerKind.YesNo)]
    [InlineData("Is sulfur yellow?", AnswerKind.YesNo)]
    [InlineData("安雅参加了什么比赛？", AnswerKind.NamedThing)]
    [InlineData("Which band played at halftime?", AnswerKind.Organisation)]
    [InlineData("硫的顏色", AnswerKind.Any)]
    [InlineData("When imperialism impacts the norms of a state, what is it called?", AnswerKind.NamedThing)] // the "when" clause sets the scene
    [InlineData("If the war ended in 1763, when did it begin?", AnswerKind.Date)]
    public void Classify_TellsTheExpectedKind(string question, AnswerKind expected)
    {
        Assert.Equal(expected, AnswerKindClassifier.Classify(ScriptFolding.Default.Fold(question)));
    }

    [Fact]
    public void Classify_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => AnswerKindClassifier.Classify(null!));
    }
}
