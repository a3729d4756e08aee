using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ArticleBot.Discord.Tests.Fakes;

/// <summary>The real host (core + Discord channel) configured with the fake Discord's URLs, as a user would configure real ones.</summary>
public sealed class BotHarness : IAsyncDisposable
{
    private readonly bool _ownsDiscord;

    private BotHarness(FakeDiscord discord, IHost host, CapturingLoggerProvider logs, bool ownsDiscord)
    {
        _ownsDiscord = ownsDiscord;
        Discord = discord;
        Host = host;
        Logs = logs;
    }

    public FakeDiscord Discord { get; }

    public IHost Host { get; }

    public CapturingLoggerProvider Logs { get; }

    /// <summary>The default seeds' corpus and index, built once (the container never disposes an instance it was given).</summary>
    private static readonly Lazy<(ArticleBot.Core.Corpus.ArticleCorpus Corpus, ArticleBot.Core.Search.ArticleSearch Search)> SharedArticle = new(() =>
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Corpus:CachePath"] = RepositoryCache() ?? string.Empty });
        builder.AddArticleBotCore();
        var services = builder.Build().Services;
        var search = services.GetRequiredService<ArticleBot.Core.Search.ArticleSearch>();
        return (services.GetRequiredService<ArticleBot.Core.Corpus.ArticleCorpus>(), search);
    });

    /// <summary>
    /// The clone's <c>.cache</c>, which <c>dotnet run</c> fills: its entries are keyed by the corpus and this build of
    /// the code, so the seed article's index and lexicon are built once for the run and the tests, not again here.
    /// </summary>
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

    /// <summary>
    /// Starts the bot against a new fake Discord, or against <paramref name="shared"/> (a second process of the same
    /// bot); <paramref name="configure"/> adds to its services last (another storage, as the executable would).
    /// </summary>
    public static async Task<BotHarness> StartAsync(Action<FakeDiscord>? arrange = null, Dictionary<string, string?>? settings = null, TimeProvider? time = null, bool waitForReady = true, FakeDiscord? shared = null, Action<IHostApplicationBuilder>? configure = null)
    {
        var discord = shared ?? new FakeDiscord();
        arrange?.Invoke(discord);
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        var configuration = new Dictionary<string, string?>
        {
            ["Discord:Token"] = FakeDiscord.Token,
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl,
            ["Discord:UserCooldownSeconds"] = "0",
            ["Discord:MaxReconnectDelaySeconds"] = "1",
            ["Corpus:CachePath"] = string.Empty,
        };
        foreach (var (key, value) in settings ?? [])
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        var logs = new CapturingLoggerProvider();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(logs);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        if (!configuration.Keys.Any(k => k.StartsWith("Corpus:", StringComparison.Ordinal) && k != "Corpus:CachePath"))
        {
            // The article's index is the same for every test on the default seeds: build it once per test run.
            var article = SharedArticle.Value;
            builder.Services.AddSingleton(article.Corpus);
            builder.Services.AddSingleton(article.Search);
            builder.Services.AddSingleton<ArticleBot.Abstractions.IArticleSearch>(article.Search); // an instance, so no test's container disposes it
        }

        builder.AddArticleBotCore();
        builder.AddDiscordChannel();
        configure?.Invoke(builder);
        var host = builder.Build();
        await host.StartAsync();
        var harness = new BotHarness(discord, host, logs, ownsDiscord: shared is null);
        if (waitForReady)
        {
            await FakeDiscord.WaitUntilAsync(() => discord.CallsTo("PUT", "/applications/").Any(), "commands registered after READY");
        }

        return harness;
    }

    /// <summary>Sends an event on the current connection.</summary>
    public Task DispatchAsync(string type, System.Text.Json.Nodes.JsonObject data) =>
        (Discord.Current ?? throw new InvalidOperationException("no gateway connection")).DispatchAsync(type, data);

    /// <summary>This process's gateway shards.</summary>
    public ArticleBot.Discord.Gateway.GatewayShards Gateway => Host.Services.GetRequiredService<ArticleBot.Discord.Gateway.GatewayShards>();

    /// <summary>The messages the bot created in a channel.</summary>
    public List<RestCall> MessagesIn(string channelId) => Discord.CallsTo("POST", $"/channels/{channelId}/messages").ToList();

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await Host.StopAsync(stop.Token);
        }
        finally
        {
            Host.Dispose();
            if (_ownsDiscord)
            {
                await Discord.DisposeAsync();
            }
        }
    }
}

/// <summary>Keeps every log line (to check that no secret is ever logged).</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
