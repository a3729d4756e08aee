using ArticleBot.Core.Language.English;
using ArticleBot.Core.Search;
using ArticleBot.Core.Tests.Fakes;

namespace ArticleBot.Core.Tests.Search;

/// <summary>A question's paraphrase finds the article's word through CC-CEDICT meanings (去世 → 离世).</summary>
public sealed class ChineseSynonymTests
{
    private const string Cedict = """
        # a few CC-CEDICT lines
        去世 去世 [qu4 shi4] /to pass away/to die/
        離世 离世 [li2 shi4] /(archaic) to live in seclusion/to pass away/
        職務 职务 [zhi2 wu4] /post/position/job/
        職位 职位 [zhi2 wei4] /post/office/position/
        騰訊 腾讯 [Teng2 xun4] /Tencent, Chinese tech company/
        鵝廠 鹅厂 [E2 chang3] /Tencent (nickname)/
        """;

    private static EnglishLexicon Build(params string[] corpusWords) => CedictLexicon.Build(Cedict, corpusWords);

    [Fact]
    public void SynonymsInCorpus_WordTheCorpusLacks_FindsTheCorpusWordOfTheSameMeaning()
    {
        var lexicon = Build("离世", "职位", "腾讯");

        Assert.Equal(["离世"], lexicon.SynonymsInCorpus("去世")); // 去世's first meaning is one of 离世's
        Assert.Equal(["职位"], lexicon.SynonymsInCorpus("职务"));
        Assert.Empty(lexicon.SynonymsInCorpus("鹅厂")); // a name's gloss makes no synonym
        Assert.Empty(lexicon.SynonymsInCorpus("离世")); // the corpus writes it: nothing to find
        Assert.Equal(ProperNameKind.Organisation, lexicon.ProperName("腾讯"));
        Assert.Null(lexicon.ProperName("离世"));
    }

    [Fact]
    public void Synonyms_SurviveTheLexiconCacheFormat()
    {
        var lexicon = Build("离世", "腾讯");
        using var text = new StringWriter();
        lexicon.Write(text);

        var read = EnglishLexicon.Read(new StringReader(text.ToString()));

        Assert.NotNull(read);
        Assert.Equal(["离世"], read.SynonymsInCorpus("去世"));
        Assert.Equal(lexicon.ProperName("腾讯"), read.ProperName("腾讯"));
    }

    [Fact]
    public void CacheFormat_ReadsTheSizesLine_AnOlderFileWithoutIt_AndRefusesAMalformedOne()
    {
        var lexicon = Build("离世", "腾讯");
        using var text = new StringWriter();
        lexicon.Write(text);
        var lines = text.ToString().Split('\n').ToList();
        Assert.StartsWith("C\t", lines[1], StringComparison.Ordinal);

        var withoutSizes = string.Join('\n', lines.Where((_, i) => i != 1));
        var malformed = string.Join('\n', lines.Select((l, i) => i == 1 ? "C\t1\t2\tlots\t4\t5\t6" : l));

        Assert.Equal(["离世"], EnglishLexicon.Read(new StringReader(withoutSizes))!.SynonymsInCorpus("去世"));
        Assert.Null(EnglishLexicon.Read(new StringReader(malformed))); // so the cache is built again
    }
}
