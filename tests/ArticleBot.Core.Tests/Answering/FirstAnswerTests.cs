using ArticleBot.Core.Answering;
using ArticleBot.Core.ArticleTools;
using ArticleBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArticleBot.Core.Tests.Answering;

/// <summary>
/// The first answer of a process runs no whole-article tool unless the question needs it: on a large article the
/// entities are a pass over every passage (issue 25, finding 11), and a plain fact is answered from its search alone.
/// </summary>
public sealed class FirstAnswerTests
{
    [Fact]
    public async Task APlainFact_FindsNoEntities_AQuestionThatNeedsNames_FindsThemOnce()
    {
        var log = new CapturingLogger<EntityFinder>();
        using var host = TestCorpus.BuildHost(AppContext.BaseDirectory, new Dictionary<string, string?> { ["Corpus:CachePath"] = TestCorpus.SharedCachePath },
            services => services.AddSingleton<ILogger<EntityFinder>>(log));
        var answerer = host.Services.GetRequiredService<ArticleAnswerer>();
        var ct = TestContext.Current.CancellationToken;

        var fact = await answerer.AskAsync("OpenAI的廣告業務每年可能帶來多少收入？", null, ct);
        var findingsAfterTheFact = log.Entries.Count;
        var view = await answerer.AskAsync("哈薩比斯認為中國AI缺乏什麼？", null, ct); // someone's view: who is named matters
        await answerer.AskAsync("哈薩比斯認為中國在哪方面領先？", null, ct);

        Assert.True(fact.Grounded, fact.Text);
        Assert.Equal(0, findingsAfterTheFact);
        Assert.True(view.Grounded, view.Text);
        Assert.Single(log.Entries, e => e.Message.StartsWith("Found ", StringComparison.Ordinal) && e.Message.Contains(" entities in ", StringComparison.Ordinal));
    }
}
