using System.Text;
using ArticleBot.Core.Answering;
using ArticleBot.Core.Search;
using ArticleBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ArticleBot.Core.Tests.Answering;

/// <summary>
/// A question about a subject the corpus lost: its file is skipped at load (it is not UTF-8), so only the other
/// article is left, and an answer about that article's subject would be an answer about something else. The learned
/// answer gate must not call such an answer grounded (issue 25, finding 22).
/// </summary>
public sealed class LostSubjectTests : IClassFixture<LostSubjectTests.Corpus>
{
    private readonly Corpus _corpus;

    public LostSubjectTests(Corpus corpus) => _corpus = corpus;

    /// <summary>The seed article, and a local news report in GB18030 that the loader skips.</summary>
    public sealed class Corpus : IDisposable
    {
        private const string LostArticle = """
            海港晨報記者 陳明

            本市地鐵十號線今天正式通車，全長28公里，設有18個車站。
            地鐵公司表示，十號線每天可運送乘客60萬人次，票價為3元至8元。
            市長李華在通車儀式上指出，地鐵網絡明年將擴展到300公里。
            """;

        private readonly string _root = Path.Combine(Path.GetTempPath(), "articlebot-lost-" + Guid.NewGuid().ToString("N"));

        public Corpus()
        {
            Directory.CreateDirectory(Path.Combine(_root, "seeds"));
            File.Copy(Path.Combine(AppContext.BaseDirectory, TestCorpus.SeedFile), Path.Combine(_root, "seeds", "ai-race-2026.txt"));
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            File.WriteAllBytes(Path.Combine(_root, "seeds", "metro.txt"), Encoding.GetEncoding("GB18030").GetBytes(LostArticle));
            Host = TestCorpus.BuildHost(_root, new Dictionary<string, string?> { ["Corpus:CachePath"] = TestCorpus.SharedCachePath });
        }

        public IHost Host { get; }

        public void Dispose()
        {
            Host.Dispose();
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void TheLostFile_IsNotInTheCorpus()
    {
        var passages = _corpus.Host.Services.GetRequiredService<ArticleSearch>().Passages;

        Assert.DoesNotContain(passages, p => p.Source.Contains("metro", StringComparison.Ordinal));
        Assert.Contains(passages, p => p.Source.Contains("ai-race-2026", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("地鐵十號線全長多少公里？")]
    [InlineData("十號線每天可以運送多少乘客？")]
    [InlineData("地鐵十號線的票價是多少？")]
    [InlineData("市長李華在通車儀式上說了什麼？")]
    [InlineData("地鐵公司每年的收入是多少？")]
    [InlineData("How long is Metro Line 10?")]
    [InlineData("What did Mayor Li Hua say at the opening ceremony?")]
    public async Task AQuestionAboutTheLostSubject_IsNotAnsweredAsGrounded(string question)
    {
        var answer = await _corpus.Host.Services.GetRequiredService<ArticleAnswerer>().AskAsync(question, null, TestContext.Current.CancellationToken);

        Assert.False(answer.Grounded, answer.Text);
        Assert.Empty(answer.Citations);
    }
}
