using ArticleBot.Abstractions;
using ArticleBot.Core.Answering;
using ArticleBot.Core.Plugins;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ArticleBot.Benchmarks;

/// <summary>
/// The article tools, warm, on the shipped article (target: under 5 ms each), and offline answers of the question
/// kinds that route to them (the whole path: kind, tool call through the kernel, composition, citations).
/// </summary>
[MemoryDiagnoser]
public class ArticleToolBenchmarks
{
    private IHost _host = null!;
    private ArticlePlugin _plugin = null!;
    private ArticleAnswerer _answerer = null!;

    [GlobalSetup]
    public void Setup()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Corpus:CachePath"] = string.Empty });
        builder.Logging.ClearProviders();
        builder.AddArticleBotCore();
        _host = builder.Build();
        _plugin = _host.Services.GetRequiredService<ArticlePlugin>();
        _answerer = _host.Services.GetRequiredService<ArticleAnswerer>();

        // Warm: each tool computes its findings once per corpus; the English lexicon is built on first use.
        _ = Outline();
        _ = Summarize();
        _ = Entities();
        _ = Figures();
        _ = Verify();
        _ = AnswerEnglishFact().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    [Benchmark]
    public PassageSearchResult Outline() => _plugin.Outline();

    [Benchmark]
    public PassageSearchResult Summarize() => _plugin.Summarize(6);

    [Benchmark]
    public PassageSearchResult Entities() => _plugin.Entities("organization", "US");

    [Benchmark]
    public PassageSearchResult Figures() => _plugin.Figures("amount");

    [Benchmark]
    public PassageSearchResult Verify() => _plugin.Verify("騰訊春節要發100億紅包，對嗎？");

    [Benchmark]
    public Task<ArticleAnswer> AnswerSummary() => _answerer.AskAsync("這篇文章講了什麼？");

    [Benchmark]
    public Task<ArticleAnswer> AnswerVerify() => _answerer.AskAsync("騰訊春節要發100億紅包，對嗎？");

    [Benchmark]
    public Task<ArticleAnswer> AnswerEnglishFact() => _answerer.AskAsync("How many weekly active users does ChatGPT have?");
}
