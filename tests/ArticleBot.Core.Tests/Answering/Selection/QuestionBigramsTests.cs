using ArticleBot.Core.Answering.Selection;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.Tests.Answering.Selection;

public sealed class QuestionBigramsTests
{
    [Fact]
    public void Of_DropsQuestionWords()
    {
        var bigrams = QuestionBigrams.Of(ScriptFolding.Default.Fold("九龍灣屬於哪一個港？"));

        Assert.Contains("九龙", bigrams);
        Assert.Contains("龙湾", bigrams);
        Assert.DoesNotContain(bigrams, b => b.Contains('哪', StringComparison.Ordinal));
    }

    [Fact]
    public void ShareIn_EnglishQuestion_IsOne()
    {
        Assert.Equal(1, QuestionBigrams.ShareIn(QuestionBigrams.Of("who won?"), "任何文字"));
    }
}
