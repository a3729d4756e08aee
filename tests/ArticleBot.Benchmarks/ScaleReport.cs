using System.Diagnostics;
using ArticleBot.Core.Answering;
using ArticleBot.Core.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ArticleBot.Benchmarks;

/// <summary>
/// <c>-- scale</c>: for 1 and 1,000 articles, the index build time (fresh and reopened from the cache), memory,
/// and the warm answer latency distribution (median, p99) and throughput inside one process.
/// </summary>
public static class ScaleReport
{
    private static readonly string[] Questions =
    [
        "OpenAI的廣告業務每年可能帶來多少收入？", "腾讯春节活动要分多少现金红包？", "How many weekly active users does ChatGPT have?",
        "What did Demis Hassabis say about China?", "千問是在哪一天發布的？", "明天台北的天氣如何？", "英伟达的市值突破了多少？", "Who is the CEO of OpenAI?",
    ];

    public static void Run()
    {
        var seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "ai-race-2026.txt"));
        Console.WriteLine("| articles | characters | passages | load: index + lexicon, fresh | load, from the cache | memory after load | answer median | answer p99 | answers/s |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var articles in new[] { 1, 1000 })
        {
            var root = Directory.CreateTempSubdirectory("articlebot-scale-").FullName;
            try
            {
                var characters = CorpusGenerator.Write(seed, articles, Path.Combine(root, "seeds"));
                var (fresh, _, _) = Load(root);
                var (reopen, search, memory) = Load(root, keep: true);
                var (median, p99, perSecond) = Latency(search.Services.GetRequiredService<ArticleAnswerer>());
                var passages = search.Services.GetRequiredService<ArticleSearch>().Passages.Count;
                Console.WriteLine($"| {articles:N0} | {characters:N0} | {passages:N0} | {fresh.TotalSeconds:F2} s | {reopen.TotalSeconds:F2} s | {memory / 1024 / 1024} MB | {median.TotalMilliseconds:F3} ms | {p99.TotalMilliseconds:F3} ms | {perSecond:N0} |");
                search.Dispose();
            }
            finally
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    /// <summary>Starts a host over the corpus and loads it (index, lexicon); returns the time that took.</summary>
    private static (TimeSpan Elapsed, IHost Host, long Memory) Load(string root, bool keep = false)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = root });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Plugins:IncludeDefaultDirectory"] = "false" });
        builder.Logging.ClearProviders();
        builder.AddArticleBotCore();
        var host = builder.Build();
        var started = Stopwatch.GetTimestamp();
        var search = host.Services.GetRequiredService<ArticleSearch>();
        _ = search.Lexicon.Value;
        var elapsed = Stopwatch.GetElapsedTime(started);
        GC.Collect();
        var memory = Process.GetCurrentProcess().WorkingSet64;
        if (!keep)
        {
            host.Dispose();
        }

        return (elapsed, host, memory);
    }

    private static (TimeSpan Median, TimeSpan P99, double PerSecond) Latency(ArticleAnswerer answerer)
    {
        for (var i = 0; i < 500; i++)
        {
            answerer.AskAsync(Questions[i % Questions.Length]).GetAwaiter().GetResult();
        }

        // Every question distinct (trailing question marks change nothing but the text), so no cached plan helps.
        const int runs = 5000;
        var questions = Enumerable.Range(0, runs).Select(i => Questions[i % Questions.Length] + new string('?', (i / Questions.Length) + 1)).ToArray();
        var samples = new double[runs];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            answerer.AskAsync(questions[i]).GetAwaiter().GetResult();
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        total.Stop();
        Array.Sort(samples);
        return (TimeSpan.FromMilliseconds(samples[runs / 2]), TimeSpan.FromMilliseconds(samples[(int)(runs * 0.99)]), runs / total.Elapsed.TotalSeconds);
    }
}
