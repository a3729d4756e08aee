using System.Text;
using ArticleBot.Core.Corpus;
using ArticleBot.Core.Tests.Fakes;
using Microsoft.Extensions.Logging;

namespace ArticleBot.Core.Tests.Corpus;

public sealed class SeedLoaderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("articlebot-seeds-").FullName;

    private string Seeds => Path.Combine(_root, "seeds");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Load_Utf8WithBom_StripsTheBom()
    {
        Directory.CreateDirectory(Seeds);
        File.WriteAllBytes(Path.Combine(Seeds, "a.txt"), [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("第一段。")]);

        var documents = new SeedLoader(new CapturingLogger<SeedLoader>()).Load(Seeds, _root);

        Assert.Equal("第一段。", Assert.Single(documents).Text);
        Assert.Equal("seeds/a.txt", documents[0].Source);
    }

    [Fact]
    public void Load_InvalidUtf8_WarnsNamingTheFileAndLoadsTheRest()
    {
        Directory.CreateDirectory(Seeds);
        File.WriteAllText(Path.Combine(Seeds, "good.md"), "好的文章。");
        File.WriteAllBytes(Path.Combine(Seeds, "bad.txt"), [0xB0, 0xA1, 0xFF, 0xFE, 0x41]); // GBK-ish bytes
        File.WriteAllText(Path.Combine(Seeds, "ignored.json"), "{}");
        var logger = new CapturingLogger<SeedLoader>();

        var documents = new SeedLoader(logger).Load(Seeds, _root);

        Assert.Equal("seeds/good.md", Assert.Single(documents).Source);
        var warning = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("bad.txt", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFolder_ThrowsNamingTheSetting()
    {
        var error = Assert.Throws<CorpusConfigurationException>(() => new SeedLoader(new CapturingLogger<SeedLoader>()).Load(Seeds, _root));
        Assert.Contains("Corpus:SeedsPath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SeedsOutsideTheContentRoot_AreNamedFromTheirFolder_NotByClimbingUp()
    {
        // Arrange: the content root is one folder, the seeds another beside it, with a name of spaces and non-ASCII.
        var seeds = Directory.CreateDirectory(Path.Combine(_root, "cfg", "種子 folder ñ", "sub")).Parent!.FullName;
        File.WriteAllText(Path.Combine(seeds, "a.txt"), "第一段。");
        File.WriteAllText(Path.Combine(seeds, "sub", "b.md"), "第二段。");
        var contentRoot = Directory.CreateDirectory(Path.Combine(_root, "app", "bin")).FullName;

        // Act
        var documents = new SeedLoader(new CapturingLogger<SeedLoader>()).Load(seeds, contentRoot);

        // Assert
        Assert.Equal(["種子 folder ñ/a.txt", "種子 folder ñ/sub/b.md"], documents.Select(d => d.Source).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Load_AFileInsteadOfAFolder_SaysItIsAFile()
    {
        File.WriteAllText(Seeds, "第一段。"); // Corpus:SeedsPath=seeds/article.txt, say

        var error = Assert.Throws<CorpusConfigurationException>(() => new SeedLoader(new CapturingLogger<SeedLoader>()).Load(Seeds, _root));

        Assert.Contains($"Corpus:SeedsPath: '{Seeds}' is a file, not a folder", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyFolder_ThrowsNamingTheSetting()
    {
        Directory.CreateDirectory(Seeds);
        File.WriteAllText(Path.Combine(Seeds, "blank.txt"), "  \n ");

        var error = Assert.Throws<CorpusConfigurationException>(() => new SeedLoader(new CapturingLogger<SeedLoader>()).Load(Seeds, _root));
        Assert.Contains("Corpus:SeedsPath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SameFileNameInTwoFolders_GetsDistinctIdPrefixes()
    {
        Directory.CreateDirectory(Path.Combine(Seeds, "a"));
        Directory.CreateDirectory(Path.Combine(Seeds, "b"));
        File.WriteAllText(Path.Combine(Seeds, "a", "news.txt"), "甲。");
        File.WriteAllText(Path.Combine(Seeds, "b", "news.txt"), "乙。");

        var documents = new SeedLoader(new CapturingLogger<SeedLoader>()).Load(Seeds, _root);

        Assert.Equal(2, documents.Select(d => d.Key).Distinct().Count());
    }
}
