using System.Collections.Concurrent;
using ArticleBot.Core.ArticleTools;
using ArticleBot.Core.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ArticleBot.Core.Tests.Fakes;

/// <summary>
/// An article written for a test, as the only seed of a host of its own (in a temporary folder, removed on dispose).
/// The English lexicon's cache is shared with every other host of the run, so it is built once, not per test.
/// </summary>
public sealed class WrittenArticle : IDisposable
{
    private static readonly ConcurrentDictionary<(string Name, string Article), Lazy<WrittenArticle>> s_shared = new();
    private readonly string _root;
    private readonly IHost _host;

    static WrittenArticle() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var shared in s_shared.Values.Where(l => l.IsValueCreated))
        {
            shared.Value.Dispose();
        }
    };

    /// <summary>Writes <paramref name="article"/> as seeds/news.txt under a new temporary folder named after <paramref name="name"/>, and builds the host.</summary>
    public WrittenArticle(string name, string article)
    {
        _root = Path.Combine(Path.GetTempPath(), $"articlebot-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(_root, "seeds"));
        File.WriteAllText(Path.Combine(_root, "seeds", "news.txt"), article);
        _host = TestCorpus.BuildHost(_root, new Dictionary<string, string?> { ["Corpus:CachePath"] = TestCorpus.SharedCachePath });
    }

    /// <summary>
    /// One host for the article, shared by every test of the run that only reads it (xunit makes a class instance per
    /// test, and a host per case cost seconds); removed when the run ends.
    /// </summary>
    public static WrittenArticle Shared(string name, string article) =>
        s_shared.GetOrAdd((name, article), key => new Lazy<WrittenArticle>(() => new WrittenArticle(key.Name, key.Article))).Value;

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>The article's claim verifier with other claim models (the host's own where null).</summary>
    public ClaimVerifier VerifierWith(ClaimSupport? support = null, SlotRefutation? refutation = null) => new(
        Services.GetRequiredService<ClaimReader>(), Services.GetRequiredService<FactTable>(), Services.GetRequiredService<EntityFinder>(),
        Services.GetRequiredService<WordGlosses>(), Services.GetRequiredService<ClaimGapJudge>(),
        support ?? Services.GetRequiredService<ClaimSupport>(), refutation ?? Services.GetRequiredService<SlotRefutation>());

    /// <inheritdoc/>
    public void Dispose()
    {
        _host.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open (the index, on a slow machine) leaves a temporary folder behind; the test stands.
        }
    }
}
