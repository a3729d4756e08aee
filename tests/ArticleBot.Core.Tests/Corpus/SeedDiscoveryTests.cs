using System.Diagnostics;
using ArticleBot.Core.Corpus;
using ArticleBot.Core.Tests.Fakes;
using Microsoft.Extensions.Logging;

namespace ArticleBot.Core.Tests.Corpus;

/// <summary>Odd seeds folders: link loops, FIFOs, devices, huge files, one file by two paths.</summary>
public sealed class SeedDiscoveryTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("articlebot-discovery-").FullName;
    private readonly CapturingLogger<SeedLoader> _logger = new();

    private string Seeds => Path.Combine(_root, "seeds");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private IReadOnlyList<SeedDocument> Load(long max = SeedLoader.DefaultMaxFileBytes) => new SeedLoader(_logger).Load(Seeds, _root, max);

    private IEnumerable<string> Warnings => _logger.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message);

    private void Article(string relative = "article.txt", string text = "文章的第一段。")
    {
        var path = Path.Combine(Seeds, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public void OneLinkLoop_LoadsTheArticleOnce_AndWarns()
    {
        Article();
        Directory.CreateSymbolicLink(Path.Combine(Seeds, "loop"), Seeds);

        var documents = Load();

        Assert.Single(documents);
        Assert.Contains(Warnings, w => w.Contains("symbolic link loop", StringComparison.Ordinal));
    }

    [Fact]
    public void TwoLinkLoops_EndAndLoadOnce()
    {
        Article("a/article.txt");
        Directory.CreateDirectory(Path.Combine(Seeds, "b"));
        Directory.CreateSymbolicLink(Path.Combine(Seeds, "a", "to-b"), Path.Combine(Seeds, "b"));
        Directory.CreateSymbolicLink(Path.Combine(Seeds, "b", "to-a"), Path.Combine(Seeds, "a"));

        var documents = Load();

        Assert.Single(documents);
    }

    [Fact]
    public void Fifo_IsSkippedWithAWarning_InsteadOfBlocking()
    {
        Article();
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(Seeds, "x.txt")]))
        {
            mkfifo.WaitForExit();
        }

        var documents = Load();

        Assert.Single(documents);
        Assert.Contains(Warnings, w => w.Contains("x.txt", StringComparison.Ordinal) && w.Contains("not a regular file", StringComparison.Ordinal));
    }

    [Fact]
    public void LinkToADevice_IsSkipped_InsteadOfFillingMemory()
    {
        Article();
        File.CreateSymbolicLink(Path.Combine(Seeds, "zero.txt"), "/dev/zero");

        var documents = Load();

        Assert.Single(documents);
        Assert.Contains(Warnings, w => w.Contains("zero.txt", StringComparison.Ordinal));
    }

    [Fact]
    public void FileOverTheCap_IsSkippedNamingTheSetting()
    {
        Article();
        Article("huge.txt", new string('長', 3000));

        var documents = Load(max: 4096);

        Assert.Equal("seeds/article.txt", Assert.Single(documents).Source);
        Assert.Contains(Warnings, w => w.Contains("huge.txt", StringComparison.Ordinal) && w.Contains("Corpus:MaxSeedFileBytes", StringComparison.Ordinal));
    }

    [Fact]
    public void OneFileByTwoPaths_IsReadOnce()
    {
        Article();
        File.CreateSymbolicLink(Path.Combine(Seeds, "again.txt"), Path.Combine(Seeds, "article.txt"));

        var documents = Load();

        Assert.Single(documents);
    }
}
