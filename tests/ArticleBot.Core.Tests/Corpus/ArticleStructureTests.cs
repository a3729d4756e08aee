using ArticleBot.Abstractions;
using ArticleBot.Core.Corpus;
using ArticleBot.Core.Tests.Fakes;

namespace ArticleBot.Core.Tests.Corpus;

public sealed class ArticleStructureTests
{
    private static readonly string Seed = TestCorpus.SeedText;

    private static List<(BlockKind Kind, string Text)> Blocks(string text) =>
        ArticleStructure.Parse(text).Select(b => (b.Kind, text[b.Start..b.End])).ToList();

    [Fact]
    public void Parse_Seed_FindsBylineFirst()
    {
        Assert.Equal((BlockKind.Byline, "賽格特約作者 熊志"), Blocks(Seed)[0]);
    }

    [Fact]
    public void Parse_Seed_FindsTheThreeSectionHeadings()
    {
        var headings = Blocks(Seed).Where(b => b.Kind == BlockKind.Heading).Select(b => b.Text);
        Assert.Equal(["最強大模型陷入“增長焦慮”", "本土AI:卷場景成為第一要務", "內卷不可避免,必須卷出高度"], headings);
    }

    [Fact]
    public void Parse_Seed_FindsCaptionImagesAndDisclaimer()
    {
        var blocks = Blocks(Seed);
        Assert.Contains((BlockKind.Caption, "2026年中美AI戰略路徑分野對比 (作者制圖)"), blocks);
        Assert.Equal(7, blocks.Count(b => b.Kind == BlockKind.Image));
        Assert.Equal(2, blocks.Count(b => b.Kind == BlockKind.Disclaimer));
        Assert.StartsWith("特別聲明", blocks.First(b => b.Kind == BlockKind.Disclaimer).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Chunk_Seed_PassagesCarryTheirSectionAndDropImages()
    {
        var corpus = TestCorpus.FromText(Seed);

        Assert.DoesNotContain(corpus.Passages, p => p.Text.Contains("![]()", StringComparison.Ordinal));
        var hassabis = corpus.Passages.First(p => p.Text.StartsWith("哈薩比斯指出", StringComparison.Ordinal));
        Assert.Equal("內卷不可避免,必須卷出高度", hassabis.Section);
        Assert.Equal(PassageKind.Byline, corpus.Passages[0].Kind);
        Assert.Null(corpus.Passages[1].Section);
        Assert.Equal(PassageKind.Caption, corpus.Passages.Single(p => p.Text.Contains("作者制圖", StringComparison.Ordinal)).Kind);
    }

    [Fact]
    public void Parse_MarkdownHeadings_AreSections()
    {
        var text = "# 標題\n\n第一段。\n\n## 小節\n第二段。";
        var corpus = TestCorpus.FromText(text);

        Assert.Equal(["標題", "小節"], corpus.Passages.Select(p => p.Section));
    }
}
