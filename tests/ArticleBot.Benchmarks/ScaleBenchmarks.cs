using ArticleBot.Core.Answering;
using ArticleBot.Core.Corpus;
using ArticleBot.Core.Search;
using ArticleBot.Core.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ArticleBot.Benchmarks;

/// <summary>Chunking, indexing, retrieval and answering over 1 and 1,000 generated articles (about 7 MB).</summary>
[MemoryDiagnoser]
public class ScaleBenchmarks
{
    private static readonly string[] Questions =
    [
        "OpenAI的廣告業務每年可能帶來多少收入？", "腾讯春节活动要分多少现金红包？", "How many weekly active users does ChatGPT have?", "明天台北的天氣如何？",
    ];

    private string _root = null!;
    private IHost _host = null!;
    private List<SeedDocument> _documents = null!;
    private IReadOnlyList<ArticleBot.Abstractions.Passage> _passages = null!;
    private ArticleSearch _search = null!;
    private ArticleAnswerer _answerer = null!;
    private int _next;

    [Params(1, 1000)]
    public int Articles { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _root = Directory.CreateTempSubdirectory("articlebot-bench-").FullName;
        var seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "ai-race-2026.txt"));
        CorpusGenerator.Write(seed, Articles, Path.Combine(_root, "seeds"));
        _documents = Directory.GetFiles(Path.Combine(_root, "seeds")).Order(StringComparer.Ordinal)
            .Select(f => new SeedDocument(Path.GetFileName(f), Path.GetFileNameWithoutExtension(f), File.ReadAllText(f))).ToList();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _root });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Plugins:IncludeDefaultDirectory"] = "false", ["Corpus:CachePath"] = string.Empty });
        builder.Logging.ClearProviders();
        builder.AddArticleBotCore();
        _host = builder.Build();
        _search = _host.Services.GetRequiredService<ArticleSearch>();
        _answerer = _host.Services.GetRequiredService<ArticleAnswerer>();
        _passages = _search.Passages;
        _ = _search.Lexicon.Value;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _host.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Benchmark(Description = "chunk all articles")]
    public int Chunk() => new ArticleCorpus(_documents, new PassageChunker(240, 1)).Passages.Count;

    [Benchmark(Description = "build the index (in memory)")]
    public int Index()
    {
        using var index = LucenePassageIndex.InMemory(_passages, ScriptFolding.Default);
        return index.Count;
    }

    [Benchmark(Description = "retrieve (top 5)")]
    public int Retrieve() => _search.Search(Questions[_next++ % Questions.Length], 5).Count;

    [Benchmark(Description = "answer (offline)")]
    public Task<ArticleAnswer> Answer() => _answerer.AskAsync(Questions[_next++ % Questions.Length]);
}
