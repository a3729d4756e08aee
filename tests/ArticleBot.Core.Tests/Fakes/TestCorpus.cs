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
