using ArticleBot.Core.Claims;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ArticleBot.Benchmarks;

/// <summary>
/// The claim verifier (issue 24), warm on the shipped article (target: 2 ms or less a claim): a claim of each way it
/// decides, the fact table already read (it is read once per corpus, on first use).
/// </summary>
[MemoryDiagnoser]
public class ClaimVerifierBenchmarks
{
    private IHost _host = null!;
    private ClaimVerifier _verifier = null!;

    /// <summary>A claim of each kind: a figure with a comparator, another subject, an owner, a denial, not covered, no claim.</summary>
    [Params(
        "ChatGPT的周活超過6億了嗎？",
        "Did ByteDance release Qwen on January 15?",
        "元寶是阿里巴巴的產品嗎？",
        "馬化騰贊成豆包AI手機破窗而入的做法嗎？",
        "Did Baidu release a new model?",
        "")]
    public string Claim { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Corpus:CachePath"] = string.Empty });
        builder.Logging.ClearProviders();
        builder.AddArticleBotCore();
        _host = builder.Build();
        _verifier = _host.Services.GetRequiredService<ClaimVerifier>();
        _ = _verifier.Verify("騰訊春節要發100億紅包，對嗎？"); // warm: the fact table and the English lexicon are read on first use
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    [Benchmark]
    public ClaimCheck Verify() => _verifier.Verify(Claim);
}
