using ArticleBot.Core.Language.English;
using ArticleBot.Core.Search;
using ArticleBot.Core.Tests.Fakes;

namespace ArticleBot.Core.Tests.Search;

public sealed class LexiconCacheTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("articlebot-cache-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static EnglishLexicon Built => TestCorpus.Search.Lexicon.Value;

    [Fact]
    public void GetOrBuild_SecondTime_LoadsTheSameLexiconWithoutBuilding()
    {
        // Arrange
        var cache = new LexiconCache(_directory, new CapturingLogger<LexiconCache>());
        var builds = 0;

        // Act
        cache.GetOrBuild(["广告业务"], () => { builds++; return Built; });
        var loaded = cache.GetOrBuild(["广告业务"], () => { builds++; return Built; });

        // Assert
        Assert.Equal(1, builds);
        Assert.Equal(Built.Count, loaded.Count);
        Assert.Equal(Built.Lookup("revenu"), loaded.Lookup("revenu"));
        Assert.Equal(Built.Transliterate("hassabis"), loaded.Transliterate("hassabis"));
        Assert.Equal(Built.KnowsEnglish("giraffe"), loaded.KnowsEnglish("giraffe"));
        Assert.Equal(Built.IsVerb("拿到"), loaded.IsVerb("拿到"));
    }

    [Fact]
    public void GetOrBuild_ChangedCorpus_Rebuilds()
    {
        var cache = new LexiconCache(_directory, new CapturingLogger<LexiconCache>());
        var builds = 0;

        cache.GetOrBuild(["广告业务"], () => { builds++; return Built; });
        cache.GetOrBuild(["广告业务。新的一段"], () => { builds++; return Built; });

        Assert.Equal(2, builds);
    }

    [Fact]
    public void GetOrBuild_CorruptCacheFile_IsRebuilt()
    {
        var cache = new LexiconCache(_directory, new CapturingLogger<LexiconCache>());
        cache.GetOrBuild(["甲"], () => Built);
        foreach (var file in Directory.GetFiles(_directory))
        {
            File.WriteAllText(file, "garbage");
        }

        var builds = 0;
        var lexicon = cache.GetOrBuild(["甲"], () => { builds++; return Built; });

        Assert.Equal(1, builds);
        Assert.Same(Built, lexicon);
    }

    [Fact]
    public void GetOrBuild_UnwritableFolder_StillReturnsTheLexicon()
    {
        var blocker = Path.Combine(_directory, "file-not-folder");
        File.WriteAllText(blocker, "x");
        var cache = new LexiconCache(Path.Combine(blocker, "sub"), new CapturingLogger<LexiconCache>());

        Assert.Same(Built, cache.GetOrBuild(["甲"], () => Built));
    }
}
