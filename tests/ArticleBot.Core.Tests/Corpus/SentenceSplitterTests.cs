using ArticleBot.Core.Corpus;

namespace ArticleBot.Core.Tests.Corpus;

public sealed class SentenceSplitterTests
{
    private static List<string> Split(string text) => SentenceSplitter.Split(text).Select(s => text[s.Start..s.End]).ToList();

    [Fact]
    public void Split_ChineseTerminators_EndSentences()
    {
        Assert.Equal(["第一句。", "第二句！", "第三句？", "第四句；", "第五句……"], Split("第一句。第二句！第三句？第四句；第五句……"));
    }

    [Fact]
    public void Split_ClosingQuotes_StayWithTheirSentence()
    {
        Assert.Equal(["他說：「好。」", "然後走了。"], Split("他說：「好。」然後走了。"));
        Assert.Equal(["認為這預示著“AI純凈時代的終結”。", "當原本中立"], Split("認為這預示著“AI純凈時代的終結”。當原本中立"));
    }

    [Fact]
    public void Split_AsciiPunctuationBetweenChinese_IsABoundary()
    {
        var text = "大號搜索引擎”?當然,這種模式;也折射出困境!最後";
        var spans = SentenceSplitter.Split(text);

        Assert.Equal(["大號搜索引擎”?", "當然,", "這種模式;", "也折射出困境!", "最後"], spans.Select(s => text[s.Start..s.End]));
        Assert.True(spans[1].IsClause);
        Assert.False(spans[0].IsClause);
    }

    [Fact]
    public void Split_AsciiPunctuationInLatinOrNumbers_IsNotABoundary()
    {
        Assert.Single(Split("版本4.8,共1,000人"));
        Assert.Equal(["The content above is uploaded.", "It is stored."], Split("The content above is uploaded. It is stored."));
    }

    [Fact]
    public void FullSentences_JoinClausesUpToTheFullStop()
    {
        var text = "投入10倍的算力,往往只能換來1%的性能提升。更殘酷的是";
        var full = SentenceSplitter.FullSentences(SentenceSplitter.Split(text));

        Assert.Equal(["投入10倍的算力,往往只能換來1%的性能提升。", "更殘酷的是"], full.Select(s => text[s.Start..s.End]));
    }

    [Fact]
    public void Split_CoversEveryNonSpaceCharacter()
    {
        var text = "  第一句。  second one. 第三,句 ";
        var covered = new bool[text.Length];
        foreach (var s in SentenceSplitter.Split(text))
        {
            for (var i = s.Start; i < s.End; i++)
            {
                covered[i] = true;
            }
        }

        Assert.All(Enumerable.Range(0, text.Length).Where(i => !char.IsWhiteSpace(text[i])), i => Assert.True(covered[i]));
    }
}
