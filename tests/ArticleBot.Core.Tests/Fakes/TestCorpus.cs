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
    private static readonly Lazy<IHost> s_host = new(() => BuildHost(AppContext.BaseDirectory));

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
    /// </summary>
    public static string SharedCachePath { get; } = Path.Combine(Path.GetTempPath(), $"articlebot-test-cache-{Environment.ProcessId}");

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
