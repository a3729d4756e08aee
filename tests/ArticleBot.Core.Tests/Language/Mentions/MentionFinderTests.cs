using ArticleBot.Core.Language.Mentions;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.Tests.Language.Mentions;

public sealed class MentionFinderTests
{
    private static bool HasNew(string question, string sentence)
    {
        var q = ScriptFolding.Default.Fold(question);
        return MentionFinder.Default.HasNewMention(AnswerKindClassifier.Classify(q), ScriptFolding.Default.Fold(sentence), q);
    }

    [Theory]
    [InlineData("江蘇路街道下轄多少個居委會？", "江蘇路街道下轄13個居委會。", true)]
    [InlineData("江蘇路街道下轄多少個居委會？", "江蘇路街道下轄歧山居委會、江蘇居委會。", false)]
    [InlineData("2026年的營收是多少？", "2026年是關鍵的一年。", false)]
    [InlineData("2026年的營收是多少？", "2026年的營收達到250億美元。", true)]
    [InlineData("斯壯羅山天文台是何時設立的？", "聯邦政府於1924年就設立了斯壯羅山天文台。", true)]
    [InlineData("斯壯羅山天文台是何時設立的？", "斯壯羅山天文台由聯邦政府設立。", false)]
    [InlineData("安雅来自哪个国家？", "安雅来自俄罗斯圣彼得堡。", true)]
    [InlineData("王栋为什么急需用钱？", "王栋喜获一对双胞胎，但因为体弱需入院治疗。", true)]
    [InlineData("硫是否有味道？", "硫是一種非金屬。", true)]
    [InlineData("投入10倍算力能換來多少性能提升？", "投入10倍的算力，只換來1%的性能提升。", true)]
    [InlineData("投入10倍算力能換來多少性能提升？", "投入10倍的算力也未必有用。", false)]
    public void HasNewMention_NeedsTheAskedKindNotInTheQuestion(string question, string sentence, bool expected)
    {
        Assert.Equal(expected, HasNew(question, sentence));
    }

    [Fact]
    public void Find_CombinesAllRecognisers()
    {
        var kinds = MentionFinder.Default.Find(ScriptFolding.Default.Fold("1990年，教宗在河內擢升他，因為總主教出缺。")).Select(m => m.Kind).ToHashSet();

        Assert.Contains(AnswerKind.Date, kinds);
        Assert.Contains(AnswerKind.Person, kinds);
        Assert.Contains(AnswerKind.Reason, kinds);
    }
}
