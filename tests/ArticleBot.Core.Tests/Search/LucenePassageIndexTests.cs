using ArticleBot.Abstractions;
using ArticleBot.Core.Language.Questions;
using ArticleBot.Core.Language.Segmentation;
using ArticleBot.Core.Search;
using ArticleBot.Core.Tests.Fakes;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.Tests.Search;

public sealed class LucenePassageIndexTests : IDisposable
{
    private readonly string _cache = Directory.CreateTempSubdirectory("articlebot-index-").FullName;

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    private static readonly WeightedTerm[] Query = [new("红包", 1f), new("腾讯", 1f)];

    [Fact]
    public void Open_SameCorpusTwice_ReusesTheIndexOnDisk()
    {
        var passages = TestCorpus.FromText(TestCorpus.SeedText).Passages;

        using var first = LucenePassageIndex.Open(passages, ScriptFolding.Default, _cache);
        using var second = LucenePassageIndex.Open(passages, ScriptFolding.Default, _cache);

        Assert.False(first.Reused);
        Assert.True(second.Reused);
        Assert.Equal(first.Search(Query, 3), second.Search(Query, 3));
        Assert.Single(Directory.GetDirectories(_cache));
    }

    [Fact]
    public void Open_ChangedSeed_IndexesAfresh()
    {
        using var original = LucenePassageIndex.Open(TestCorpus.FromText(TestCorpus.SeedText).Passages, ScriptFolding.Default, _cache);
        var changed = TestCorpus.FromText(TestCorpus.SeedText + "\n新增的一段：騰訊再發紅包。").Passages;

        using var reopened = LucenePassageIndex.Open(changed, ScriptFolding.Default, _cache);

        Assert.False(reopened.Reused);
        Assert.Equal(changed.Count, reopened.Count);
        Assert.Equal(2, Directory.GetDirectories(_cache).Length);
    }

    [Fact]
    public void Open_FromThePreviousIndex_IsTheIndexABuildFromScratchMakes()
    {
        // Arrange: the seed's passages as four articles; then one changed in the middle, one removed, one added
        // between two others and one at the end.
        var seed = TestCorpus.FromText(TestCorpus.SeedText).Passages.Select(p => p.Text).ToList();
        var before = Articles(("a", seed[0..5]), ("b", seed[5..10]), ("c", seed[10..15]), ("d", seed[15..]));
        var changedB = seed[5..10].ToList();
        changedB[2] = "騰訊再發紅包，這次總額二十億元。";
        var after = Articles(("a", seed[0..5]), ("ab", ["新增的文章：阿里巴巴發布新模型。", "它的用戶數已超過一億。"]), ("b", changedB), ("d", seed[15..]), ("e", ["最後一篇：字節跳動擴大算力投入。"]));
        using var previous = LucenePassageIndex.Open(before, ScriptFolding.Default, _cache);

        // Act
        using var incremental = LucenePassageIndex.Open(after, ScriptFolding.Default, _cache, previous: previous);
        using var inMemory = LucenePassageIndex.InMemory(after, ScriptFolding.Default, previous); // a Discord server's view
        using var scratch = LucenePassageIndex.InMemory(after, ScriptFolding.Default);

        // Assert: the same documents in the same order, with the same statistics, so every search scores the same.
        Assert.False(incremental.Reused);

        Assert.Equal(after.Count, incremental.Count);
        for (var i = 0; i < after.Count; i++)
        {
            var words = TermScanner.WordTerms(ScriptFolding.Default.Fold(after[i].Text)).Distinct().Take(12).ToList();
            var query = words.Select(w => new WeightedTerm(w, 1f)).ToArray();
            Assert.Equal(scratch.Search(query, 8), incremental.Search(query, 8));
            Assert.Equal(scratch.Search(query, 8), inMemory.Search(query, 8));
            Assert.All(words, w => Assert.Equal(scratch.InverseDocumentFrequency(w), incremental.InverseDocumentFrequency(w)));
        }

        Assert.Equal(0f, incremental.InverseDocumentFrequency("騰訊再發紅包") - scratch.InverseDocumentFrequency("騰訊再發紅包"));
        Assert.False(incremental.Contains(ScriptFolding.Default.Fold(seed[12]))); // a removed article's text is gone
    }

    [Fact]
    public void Open_FromAPreviousIndexThatCannotBeRead_BuildsFromScratch()
    {
        // A previous index already closed (a reload racing the end of its grace period) cannot be copied from.
        var passages = TestCorpus.FromText(TestCorpus.SeedText).Passages;
        var previous = LucenePassageIndex.InMemory(passages, ScriptFolding.Default);
        previous.Dispose();
        var changed = TestCorpus.FromText(TestCorpus.SeedText + "\n新增的一段：騰訊再發紅包。").Passages;

        using var index = LucenePassageIndex.InMemory(changed, ScriptFolding.Default, previous);
        using var scratch = LucenePassageIndex.InMemory(changed, ScriptFolding.Default);

        Assert.Equal(changed.Count, index.Analysed);
        Assert.Equal(scratch.Search(Query, 5), index.Search(Query, 5));
    }

    private static List<Passage> Articles(params (string Source, IReadOnlyList<string> Texts)[] articles) =>
        [.. articles.SelectMany(a => a.Texts.Select((text, i) => new Passage($"{a.Source}#p{i}", a.Source, null, PassageKind.Body, 0, text.Length, text)))];

    [Fact]
    public void Open_UnwritableCache_FallsBackToMemory()
    {
        var blocker = Path.Combine(_cache, "file");
        File.WriteAllText(blocker, "x");
        var passages = TestCorpus.FromText(TestCorpus.SeedText).Passages;

        using var index = LucenePassageIndex.Open(passages, ScriptFolding.Default, Path.Combine(blocker, "sub"));

        Assert.False(index.Reused);
        Assert.NotEmpty(index.Search(Query, 3));
    }

    [Fact]
    public void Vocabulary_MatchesTheIndexedText()
    {
        using var index = LucenePassageIndex.InMemory(TestCorpus.FromText(TestCorpus.SeedText).Passages, ScriptFolding.Default);

        Assert.True(index.Contains("红包"));
        Assert.True(index.Contains("春节活动"));
        Assert.False(index.Contains("苹果"));
        Assert.True(index.InverseDocumentFrequency("元宝派") > index.InverseDocumentFrequency("ai"));
    }
}
