using ArticleBot.Core.Reading;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.Tests.Reading;

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

    [Theory]
    [InlineData("九龙湾属于哪一个港的一部分?", 2)] // 龙湾 湾属: the corpus has 九龙 and 属于, never 九龙湾
    [InlineData("阿尔沃兰海属于哪一个海?", 5)] // 阿尔 尔沃 沃兰 兰海 海属: a name the corpus lacks
    [InlineData("香港的一部分", 0)]
    [InlineData("What is it?", 0)]
    public void LongestUnseenChain_CountsAdjacentPairsTheCorpusNeverWrites(string question, int expected)
    {
        HashSet<string> corpus = ["九龙", "属于", "港口", "一部", "部分", "香港"];

        Assert.Equal(expected, QuestionBigrams.LongestUnseenChain(question, corpus.Contains));
    }

    [Fact]
    public void OfLead_IsThePairsOfTheFirstContentPhrase()
    {
        Assert.Equal(["九龙", "龙湾", "湾属", "属于"], QuestionBigrams.OfLead("九龙湾属于哪一个港的一部分?"));
        Assert.Empty(QuestionBigrams.OfLead("who won?"));
        Assert.Equal("九龙湾属于", QuestionBigrams.LeadPhrase("九龙湾属于哪一个港的一部分?"));
        Assert.Equal(string.Empty, QuestionBigrams.LeadPhrase("who won?"));
    }
}
