using ArticleBot.Core.Answering;
using ArticleBot.Core.Corpus;
using ArticleBot.Core.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArticleBot.Core.Tests.Fakes;

/// <summary>The shipped article, loaded once per test run through the real DI registration.</summary>
public static class TestCorpus
{
    private static readonly Lazy<IHost> s_host = new(() => BuildHost(AppContext.BaseDirectory, new Dictionary<string, string?> { ["Corpus:CachePath"] = SharedCachePath }));

    /// <summary>The article's file name in seeds/.</summary>
    public const string SeedFile = "seeds/ai-race-2026.txt";

    public static IServiceProvider Services => s_host.Value.Services;

    public static ArticleSearch Search => Services.GetRequiredService<ArticleSearch>();

    public static ArticleAnswerer Answerer => Services.GetRequiredService<ArticleAnswerer>();

    public static string SeedText => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, SeedFile));

    /// <summary>
    /// A cache folder shared by every host of this test run: the first host builds the article's index and English
    /// lexicon there, the others open them (about 0.2 s instead of 1-2 s of CPU each, which on a busy 2-core machine
    /// made the model tests slow enough to time out). Tests of the caches themselves use folders of their own.
    /// <para>
    /// It is the clone's own <c>.cache</c>, the one <c>dotnet run</c> fills: entries are keyed by a fingerprint of the
    /// corpus and of this build of the code, so the README's <c>dotnet run</c> then <c>dotnet test</c> build the
    /// seed article's index and lexicon once between them, and a stale entry is never read.
    /// </para>
    /// </summary>
    public static string SharedCachePath { get; } = RepositoryCache() ?? Path.Combine(Path.GetTempPath(), $"articlebot-test-cache-{Environment.ProcessId}");

    private static string? RepositoryCache()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ArticleBot.sln")))
            {
                return Path.Combine(directory.FullName, ".cache");
            }
        }

        return null;
    }

    /// <summary>A host over any content root, with optional configuration overrides.</summary>
    public static IHost BuildHost(string contentRoot, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = contentRoot });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services?.Invoke(builder.Services);
        builder.AddArticleBotCore();
        return builder.Build();
    }

    /// <summary>Chunks a text as a one-document corpus with the given sizes.</summary>
    public static ArticleCorpus FromText(string text, int target = 240, int overlap = 1) =>
        new([new SeedDocument("seeds/test.txt", "test", text)], new PassageChunker(target, overlap));
}
