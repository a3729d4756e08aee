using ArticleBot.Core.Answering;
using ArticleBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace ArticleBot.Core.Tests.Llm;

/// <summary>Offline, the model's HTTP pipeline is not set up: start-up does no work for a feature the command does not use.</summary>
public sealed class LlmRegistrationTests
{
    [Fact]
    public async Task Offline_NoModelHttpPipelineIsRegisteredOrValidated_AndTheAnswererWorks()
    {
        using var host = TestCorpus.BuildHost(AppContext.BaseDirectory, new Dictionary<string, string?> { ["Corpus:CachePath"] = TestCorpus.SharedCachePath });

        var answer = await host.Services.GetRequiredService<ArticleAnswerer>().AskAsync("英偉達的市值突破了多少？", null, TestContext.Current.CancellationToken);

        Assert.True(answer.Grounded);
        Assert.Empty(host.Services.GetServices<IValidateOptions<HttpStandardResilienceOptions>>());
    }

    [Fact]
    public void WithAProvider_TheResilientHttpPipelineIsRegistered()
    {
        using var host = TestCorpus.BuildHost(AppContext.BaseDirectory, new Dictionary<string, string?>
        {
            ["Corpus:CachePath"] = TestCorpus.SharedCachePath,
            ["Llm:Provider"] = "OpenAICompatible",
            ["Llm:Endpoint"] = "http://127.0.0.1:9/v1",
            ["Llm:Model"] = "test",
        });

        Assert.NotEmpty(host.Services.GetServices<IValidateOptions<HttpStandardResilienceOptions>>());
    }
}
