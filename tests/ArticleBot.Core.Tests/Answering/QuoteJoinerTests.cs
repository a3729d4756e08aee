using ArticleBot.Abstractions;
using ArticleBot.Core.Answering;

namespace ArticleBot.Core.Tests.Answering;

public sealed class QuoteJoinerTests
{
    private static Passage P(string id, string text) => new(id, "seeds/a.txt", null, PassageKind.Body, 0, text.Length, text);

    [Fact]
    public void Join_AdjacentSentencesOfOnePassage_AreOneQuoteWithOneMark()
    {
        var passage = P("a#p1", "從第一屆至第三屆，實驗系考試只有一題；而在第四屆，實驗系考試就分成四題。其後再無變化。");

        var text = QuoteJoiner.Join([(1, passage, "從第一屆至第三屆，實驗系考試只有一題；"), (1, passage, "而在第四屆，實驗系考試就分成四題。")]);

        Assert.Equal("從第一屆至第三屆，實驗系考試只有一題；而在第四屆，實驗系考試就分成四題。[1]", text);
    }

    [Fact]
    public void Join_SentencesApartOrFromOtherPassages_EachKeepTheirMark()
    {
        var first = P("a#p1", "甲說了一句。中間還有一句。乙說了一句。");
        var second = P("a#p2", "丙說了一句。");

        Assert.Equal("甲說了一句。[1]乙說了一句。[1]", QuoteJoiner.Join([(1, first, "甲說了一句。"), (1, first, "乙說了一句。")]));
        Assert.Equal("乙說了一句。[1] 丙說了一句。[2]", QuoteJoiner.Join([(1, first, "乙說了一句。"), (2, second, "丙說了一句。")], " "));
    }
}
