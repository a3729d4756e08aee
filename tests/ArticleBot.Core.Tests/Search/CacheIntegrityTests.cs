using ArticleBot.Core.Language.English;
using ArticleBot.Core.Language.Questions;
using ArticleBot.Core.Search;
using ArticleBot.Core.Tests.Fakes;
using ArticleBot.Core.Text;
using Microsoft.Extensions.Logging;

namespace ArticleBot.Core.Tests.Search;

/// <summary>Caches damaged after they were written are found on open, rebuilt and replaced, with one warning.</summary>
public sealed class CacheIntegrityTests : IDisposable
{
    private static readonly WeightedTerm[] Query = [new("红包", 1f), new("腾讯", 1f)];
    private readonly string _cache = Directory.CreateTempSubdirectory("articlebot-integrity-").FullName;

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    private static EnglishLexicon Built => TestCorpus.Search.Lexicon.Value;

    private string LexiconFile => Directory.GetFiles(_cache, "lexicon-*.tsv").Single();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TruncatedLexicon_IsRebuiltAndReplaced_WithOneWarning(bool atALineEnd)
    {
        // Arrange: a whole lexicon on disk, then cut short (at a line end it would otherwise parse).
        var logger = new CapturingLogger<LexiconCache>();
        new LexiconCache(_cache, logger).GetOrBuild(["广告业务"], () => Built);
        var text = File.ReadAllText(LexiconFile);
        var cut = atALineEnd ? text.LastIndexOf('\n', text.Length / 2) + 1 : (text.Length / 2) + 3;
        File.WriteAllText(LexiconFile, text[..cut]);
        var builds = 0;

        // Act
        var reopened = new LexiconCache(_cache, logger).GetOrBuild(["广告业务"], () => { builds++; return Built; });
        var third = new LexiconCache(_cache, logger).GetOrBuild(["广告业务"], () => { builds++; return Built; });

        // Assert: rebuilt once, the file whole again, English look-ups intact.
        Assert.Equal(1, builds);
        Assert.Equal(text, File.ReadAllText(LexiconFile));
        Assert.Equal(Built.Lookup("revenu"), third.Lookup("revenu"));
        Assert.Equal(Built.Count, reopened.Count);
        Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("damaged", StringComparison.Ordinal));
    }

    [Fact]
    public void HalfTruncatedIndexFile_IsFound_AndTheIndexRebuilt()
    {
        // Arrange: a cached index whose largest file (postings or norms) is cut in half.
        var passages = TestCorpus.FromText(TestCorpus.SeedText).Passages;
        using (LucenePassageIndex.Open(passages, ScriptFolding.Default, _cache))
        {
        }

        var entry = Directory.GetDirectories(_cache).Single();
        var victim = new DirectoryInfo(entry).GetFiles().Where(f => f.Name != FingerprintedCache.ManifestName).MaxBy(f => f.Length)!;
        File.WriteAllBytes(victim.FullName, File.ReadAllBytes(victim.FullName)[..(int)(victim.Length / 2)]);
        var logger = new CapturingLogger<LucenePassageIndexTests>();

        // Act
        using var index = LucenePassageIndex.Open(passages, ScriptFolding.Default, _cache, logger);
        using var again = LucenePassageIndex.Open(passages, ScriptFolding.Default, _cache, logger);

        // Assert
        Assert.False(index.Reused);
        Assert.True(again.Reused);
        Assert.NotEmpty(index.Search(Query, 3));
        Assert.Null(FingerprintedCache.Damage(entry));
        Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(victim.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void LeftoversOfAKilledBuild_AreRemoved_ButARunningBuildIsLeftAlone()
    {
        // Arrange: a temporary entry of a process that does not exist, and one of this (running) process.
        var dead = Directory.CreateDirectory(Path.Combine(_cache, "index-1-abc.999999.tmp")).FullName;
        File.WriteAllText(Path.Combine(_cache, "lexicon-3-abc.tsv.999999.tmp"), "half");
        var ours = Directory.CreateDirectory(Path.Combine(_cache, $"index-1-def.{Environment.ProcessId}.tmp")).FullName;

        // Act
        using var index = LucenePassageIndex.Open(TestCorpus.FromText(TestCorpus.SeedText).Passages, ScriptFolding.Default, _cache);

        // Assert
        Assert.False(Directory.Exists(dead));
        Assert.False(File.Exists(Path.Combine(_cache, "lexicon-3-abc.tsv.999999.tmp")));
        Assert.True(Directory.Exists(ours));
    }

    [Fact]
    public void UnwritableCache_SaysSoOnce_AtWarning()
    {
        var blocker = Path.Combine(_cache, "file");
        File.WriteAllText(blocker, "x");
        var logger = new CapturingLogger<LexiconCache>();

        var lexicon = new LexiconCache(Path.Combine(blocker, "sub"), logger).GetOrBuild(["广告业务"], () => Built);

        Assert.Equal(Built.Count, lexicon.Count);
        Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Corpus:CachePath", StringComparison.Ordinal));
    }
    [Fact]
    public void ASearch_ReadsTheCachedLexiconAhead_WithoutBuildingOne()
    {
        // Arrange: this corpus's lexicon on disk (the search reads it on the thread pool while its index opens).
        var corpus = TestCorpus.FromText(TestCorpus.SeedText);
        new LexiconCache(_cache, new CapturingLogger<LexiconCache>()).GetOrBuild(corpus.Passages.Select(p => p.Text), () => Built);
        var logger = new CapturingLogger<LexiconCache>();

        // Act
        using var search = new ArticleSearch(corpus, ScriptFolding.Default, lexiconCache: new LexiconCache(_cache, logger), indexCacheDirectory: _cache);

        // Assert: the cached one (no dictionary was given, so a build would have had to read CC-CEDICT), no warning.
        Assert.Equal(Built.Count, search.Lexicon.Value.Count);
        Assert.Equal(Built.Lookup("revenu"), search.Lexicon.Value.Lookup("revenu"));
        Assert.Empty(logger.Entries);
    }

    [Fact]
    public void ASearch_OverAWholeFileThatIsNoLexicon_WarnsOnce_AndBuildsAndKeepsANewOne()
    {
        // Arrange: a file with a valid checksum that is not a lexicon. Read ahead and then built: one warning, not two.
        var corpus = TestCorpus.FromText(TestCorpus.SeedText);
        new LexiconCache(_cache, new CapturingLogger<LexiconCache>()).GetOrBuild(corpus.Passages.Select(p => p.Text), () => Built);
        FingerprintedCache.WriteFile(LexiconFile, temporary => File.WriteAllText(temporary, "not a lexicon\n"));
        var logger = new CapturingLogger<LexiconCache>();

        // Act
        using var search = new ArticleSearch(corpus, ScriptFolding.Default, lexiconCache: new LexiconCache(_cache, logger), indexCacheDirectory: _cache);
        var lexicon = search.Lexicon.Value;

        // Assert
        Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("damaged", StringComparison.Ordinal));
        Assert.Null(FingerprintedCache.Damage(LexiconFile));
        Assert.Equal(lexicon.Count, new LexiconCache(_cache, logger).TryRead(corpus.Passages.Select(p => p.Text))!.Count);
        Assert.Single(logger.Entries);
    }
}
