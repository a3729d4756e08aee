using System.Text;
using System.Text.RegularExpressions;
using ArticleBot.Abstractions;
using ArticleBot.Core.Answering;
using ArticleBot.Core.ArticleTools;
using ArticleBot.Core.Search;
using ArticleBot.Core.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using RunStrategy = BenchmarkDotNet.Engines.RunStrategy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ArticleBot.Benchmarks;

/// <summary>
/// One large article (the seed's paragraphs, shuffled and with their numbers varied, to 1, 5 and 10 MB): the
/// whole-article tools computed from scratch, and the first answer of a process whose disk cache is warm (the index
/// and lexicon on disk, nothing computed in memory yet). Cost should grow about linearly with the size, and the first
/// answer of a plain fact computes no whole-article tool. Each invocation is a cold computation, so the job is the
/// monitoring strategy with one invocation per iteration (a warm repeat would measure caches instead), run in process
/// (a generated project's build exceeds BenchmarkDotNet's two-minute build timeout on a busy 2-core machine).
/// <c>dotnet run -c Release --project tests/ArticleBot.Benchmarks -- --filter '*LargeArticle*'</c>; the same first
/// answer as a process (wall, CPU, peak memory): <c>bench/large-article.sh</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ColdRuns))]
public partial class LargeArticleBenchmarks
{
    private string _root = null!;
    private IHost _host = null!;
    private IHost? _fresh;

    [Params(1, 5, 10)]
    public int Megabytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _root = Directory.CreateTempSubdirectory("articlebot-large-").FullName;
        var seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "ai-race-2026.txt"));
        Write(seed, Megabytes, Path.Combine(_root, "seeds"));
        _host = Build();
        _ = _host.Services.GetRequiredService<ArticleSearch>().Lexicon.Value; // index and lexicon now on disk
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _host.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>A new process's host: the index and lexicon come from the disk cache, everything else is to compute.</summary>
    [IterationSetup(Target = nameof(FirstAnswer))]
    public void FreshHost()
    {
        _fresh?.Dispose();
        _fresh = Build();
        _ = _fresh.Services.GetRequiredService<ArticleSearch>();
    }

    [Benchmark]
    public Task<ArticleAnswer> FirstAnswer() => _fresh!.Services.GetRequiredService<ArticleAnswerer>().AskAsync("OpenAI的廣告業務每年可能帶來多少收入？");

    [Benchmark]
    public int Entities() => new EntityFinder(_host.Services.GetRequiredService<ArticleSearch>(), _host.Services.GetRequiredService<ScriptFolding>()).All.Count;

    [Benchmark]
    public int Figures() => new ArticleFigures(_host.Services.GetRequiredService<ArticleSearch>()).All.Count;

    private IHost Build()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _root });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Plugins:IncludeDefaultDirectory"] = "false",
            ["Corpus:CachePath"] = Path.Combine(_root, ".cache"),
        });
        builder.Logging.ClearProviders();
        builder.AddArticleBotCore();
        return builder.Build();
    }

    /// <summary>
    /// Writes one article of about <paramref name="megabytes"/> MB: the byline and title, then the body paragraphs again
    /// and again (shuffled, every number varied), then the seed's last two lines (its closing notice) once.
    /// </summary>
    public static void Write(string seedText, int megabytes, string directory)
    {
        ArgumentNullException.ThrowIfNull(seedText);
        Directory.CreateDirectory(directory);
        var lines = seedText.TrimEnd('\n').Split('\n');
        var body = lines[2..^2];
        var random = new Random(42);
        var text = new StringBuilder(string.Join('\n', lines[..2]));
        long bytes = Encoding.UTF8.GetByteCount(text.ToString());
        while (bytes < megabytes * 1024L * 1024)
        {
            foreach (var line in body.OrderBy(_ => random.Next()))
            {
                var varied = Number().Replace(line, m => m.Value.Length < 9 ? Math.Max(1, long.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture) + random.Next(-50, 50)).ToString(System.Globalization.CultureInfo.InvariantCulture) : m.Value);
                text.Append('\n').Append(varied);
                bytes += Encoding.UTF8.GetByteCount(varied) + 1;
            }
        }

        text.Append('\n').AppendJoin('\n', lines[^2..]);
        File.WriteAllText(Path.Combine(directory, "large.txt"), text.ToString(), new UTF8Encoding(false));
    }

    /// <summary>Five cold runs after one warm-up, one invocation each, in process.</summary>
    private sealed class ColdRuns : ManualConfig
    {
        public ColdRuns() => AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5)
            .WithInvocationCount(1).WithUnrollFactor(1).WithToolchain(InProcessEmitToolchain.Instance));
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();
}
