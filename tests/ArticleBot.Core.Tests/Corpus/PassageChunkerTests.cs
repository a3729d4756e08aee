using ArticleBot.Core.Corpus;
using ArticleBot.Core.Tests.Fakes;
using CsCheck;

namespace ArticleBot.Core.Tests.Corpus;

public sealed class PassageChunkerTests
{
    [Fact]
    public void Chunk_Seed_EveryPassageIsExactlyItsFileSlice()
    {
        // Arrange
        var text = TestCorpus.SeedText;

        // Act
        var corpus = TestCorpus.FromText(text);

        // Assert
        Assert.NotEmpty(corpus.Passages);
        Assert.All(corpus.Passages, p => Assert.Equal(text[p.Start..p.End], p.Text));
    }

    [Fact]
    public void Chunk_Seed_PassagesCoverEverySentenceOfEveryParagraph()
    {
        var text = TestCorpus.SeedText;
        var corpus = TestCorpus.FromText(text, target: 80);
        var indexed = ArticleStructure.Parse(text).Where(b => ArticleStructure.ToPassageKind(b.Kind) is not null);

        foreach (var block in indexed)
        {
            foreach (var sentence in SentenceSplitter.Split(text, block.Start, block.End))
            {
                Assert.Contains(corpus.Passages, p => p.Start <= sentence.Start && sentence.End <= p.End);
            }
        }
    }

    [Fact]
    public void Chunk_LongParagraph_SplitsAtSentencesWithOverlap()
    {
        var paragraph = string.Concat(Enumerable.Range(1, 12).Select(i => $"這是第{i}句比較長的測試句子，內容足夠長。"));
        var corpus = TestCorpus.FromText(paragraph, target: 60, overlap: 1);

        Assert.True(corpus.Passages.Count > 2);
        Assert.All(corpus.Passages, p => Assert.EndsWith("。", p.Text, StringComparison.Ordinal));
        for (var i = 1; i < corpus.Passages.Count; i++)
        {
            Assert.True(corpus.Passages[i].Start < corpus.Passages[i - 1].End, "consecutive pieces share a sentence");
        }
    }

    [Fact]
    public void Chunk_OverlapSentenceThatLeansBack_BringsItsAntecedent()
    {
        // Sentence 3 opens with 牠們 ("they"): the second piece, which would open with it as its overlap, starts one
        // sentence earlier instead.
        var paragraph = "土撥鼠是齧齒動物。體型中等，尾巴很短。牠們生活在墨西哥北部的草原上面。聖路易斯波托西州北部及科阿韋拉州氣候乾燥。"
            + "冬季時土撥鼠並不冬眠，而是躲在洞裡。";
        var corpus = TestCorpus.FromText(paragraph, target: 50, overlap: 1);

        Assert.True(corpus.Passages.Count > 1);
        Assert.All(corpus.Passages.Skip(1), p => Assert.False(p.Text.StartsWith("牠們", StringComparison.Ordinal), p.Text));
    }

    [Theory]
    [InlineData("牠們分布在墨西哥。", true)]
    [InlineData("這種握法很常見。", true)]
    [InlineData("該法令於1990年通過。", true)]
    [InlineData("It was founded in 2015.", true)]
    [InlineData("其他國家也有。", false)]
    [InlineData("墨西哥土撥鼠是齧齒動物。", false)]
    public void LeansOnPrevious_TellsPronounOpenings(string sentence, bool expected)
    {
        Assert.Equal(expected, SentenceContext.LeansOnPrevious(sentence, 0, sentence.Length, ArticleBot.Core.Text.ScriptFolding.Default));
    }

    [Fact]
    public void Chunk_SameText_GivesSameIds()
    {
        var first = TestCorpus.FromText(TestCorpus.SeedText).Passages.Select(p => (p.Id, p.Start, p.End));
        var second = TestCorpus.FromText(TestCorpus.SeedText).Passages.Select(p => (p.Id, p.Start, p.End));

        Assert.Equal(first, second);
        Assert.Equal("test#p1", TestCorpus.FromText(TestCorpus.SeedText).Passages[0].Id);
    }

    [Fact]
    public void Chunk_CrlfText_OffsetsStayExact()
    {
        var text = TestCorpus.SeedText.Replace("\n", "\r\n", StringComparison.Ordinal);
        var corpus = TestCorpus.FromText(text);

        Assert.All(corpus.Passages, p => Assert.Equal(text[p.Start..p.End], p.Text));
        Assert.DoesNotContain(corpus.Passages, p => p.Text.Contains('\r') || p.Text.Contains('\n'));
    }

    [Fact]
    public void Chunk_RandomText_OffsetsAlwaysExactAndWithinBounds()
    {
        // Random mixes of Chinese, Latin, punctuation, line breaks, surrogate pairs and huge lines.
        var pieces = Gen.OneOfConst("騰訊", "宣布", "。", "，", ",", "?", "!", ";", "…", "”", "「", "」", "\n", "\r\n", " ", "OpenAI", "85%",
            "![]()", "# 標題\n", "😀", "𠀀", "特別聲明:", "作者 ", ".", "Notice: x.", new string('長', 300));
        var texts = pieces.Array[0, 200].Select(string.Concat);

        texts.Sample(text =>
        {
            foreach (var (target, overlap) in new[] { (40, 0), (120, 1), (240, 2) })
            {
                var corpus = TestCorpus.FromText(text, target, overlap);
                foreach (var p in corpus.Passages)
                {
                    Assert.InRange(p.Start, 0, p.End);
                    Assert.InRange(p.End, p.Start, text.Length);
                    Assert.Equal(text[p.Start..p.End], p.Text);
                    Assert.False(p.Start > 0 && char.IsLowSurrogate(text[p.Start]) && char.IsHighSurrogate(text[p.Start - 1]), "passage starts inside a surrogate pair");
                }
            }
        }, iter: 2000);
    }
}
