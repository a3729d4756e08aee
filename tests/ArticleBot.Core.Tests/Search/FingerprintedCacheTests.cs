using System.Text;
using ArticleBot.Core.Search;

namespace ArticleBot.Core.Tests.Search;

public sealed class FingerprintedCacheTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("articlebot-cache-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Fingerprint_DependsOnTheContent()
    {
        var a = FingerprintedCache.Fingerprint(h => h.AppendData(Encoding.UTF8.GetBytes("a")));
        var again = FingerprintedCache.Fingerprint(h => h.AppendData(Encoding.UTF8.GetBytes("a")));
        var b = FingerprintedCache.Fingerprint(h => h.AppendData(Encoding.UTF8.GetBytes("b")));

        Assert.Equal(20, a.Length);
        Assert.Equal(a, again);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void WriteFile_WritesBesideThenReplaces_LeavingNoTemporaryFile_OnlyTheEntryAndItsChecksum()
    {
        var path = FingerprintedCache.PathFor(Path.Combine(_root, "sub"), "v1", "abc", ".tsv");

        FingerprintedCache.WriteFile(path, temporary => File.WriteAllText(temporary, "first"));
        FingerprintedCache.WriteFile(path, temporary => File.WriteAllText(temporary, "second"));

        Assert.Equal(Path.Combine(_root, "sub", "v1-abc.tsv"), path);
        Assert.Equal("second", File.ReadAllText(path));
        Assert.Equal([path, path + ".sha256"], Directory.GetFileSystemEntries(Path.Combine(_root, "sub")).Order(StringComparer.Ordinal));
        Assert.Null(FingerprintedCache.Damage(path));
    }

    [Fact]
    public void WriteDirectory_WhenAnotherWriterWon_KeepsTheirsAndRemovesOurs()
    {
        var path = FingerprintedCache.PathFor(_root, "v1", "def");
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "theirs"), "x");

        FingerprintedCache.WriteDirectory(path, building =>
        {
            Directory.CreateDirectory(building);
            File.WriteAllText(Path.Combine(building, "ours"), "y");
        });

        Assert.True(File.Exists(Path.Combine(path, "theirs")));
        Assert.Single(Directory.GetFileSystemEntries(_root));
    }
}
