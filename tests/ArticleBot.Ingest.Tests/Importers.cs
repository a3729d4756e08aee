using ArticleBot.Ingest.Fetching;
using ArticleBot.Ingest.Importing;
using ArticleBot.Ingest.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ArticleBot.Ingest.Tests;

/// <summary>An importer over a fresh temporary seeds folder.</summary>
public sealed class TestImporter : IDisposable
{
    public TestImporter(IngestOptions? options = null, long maxSeedFileBytes = 16 * 1024 * 1024, Func<System.Net.IPAddress, string?>? forbidden = null)
    {
        Options = options ?? new IngestOptions { AllowPrivateAddresses = true };
        Seeds = Directory.CreateTempSubdirectory("articlebot-ingest-").FullName;
        Fetcher = new SafeFetcher(Microsoft.Extensions.Options.Options.Create(Options), NullLogger<SafeFetcher>.Instance, forbidden ?? AddressPolicy.Forbidden);
        Store = new ArticleStore(Seeds, maxSeedFileBytes, new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero)));
        Importer = new ArticleImporter(Fetcher, Store, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<ArticleImporter>.Instance);
    }

    public IngestOptions Options { get; }

    public string Seeds { get; }

    public SafeFetcher Fetcher { get; }

    public ArticleStore Store { get; }

    public ArticleImporter Importer { get; }

    /// <summary>Every file under the seeds folder, relative, sorted.</summary>
    public string[] Files() => [.. Directory.EnumerateFiles(Seeds, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Seeds, f)).Order(StringComparer.Ordinal)];

    public string SeedText(StoredArticle article) => File.ReadAllText(Path.Combine(Seeds, article.SeedPath));

    public void Dispose()
    {
        Fetcher.Dispose();
        Directory.Delete(Seeds, recursive: true);
    }
}
