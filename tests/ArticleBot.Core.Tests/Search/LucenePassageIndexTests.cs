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
