using ArticleBot.Core.Answering;
using ArticleBot.Core.Citations;
using ArticleBot.Core.Corpus;
using ArticleBot.Core.Search;
using ArticleBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ArticleBot.Core.Tests.Search;

/// <summary>
/// A running bot sees articles added, changed and removed in its seeds folder: the watcher's check reloads the corpus,
/// the search swaps it in whole, and the answerer, citations and corpus consumers see the new one at the next question.
/// </summary>
public sealed class SeedsReloadTests : IDisposable
{
    private const string Bridge = "# Harbour bridge reopens\n\nThe harbour bridge reopened on Monday after eleven months of repairs that cost 48 million euros.\n\nEngineers replaced the main cables, which had corroded.\n";

    private readonly string _root = Directory.CreateTempSubdirectory("articlebot-reload-").FullName;
    private readonly IHost _host;

    public SeedsReloadTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "seeds"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, TestCorpus.SeedFile), Path.Combine(_root, "seeds", "ai-race-2026.txt"));
        _host = TestCorpus.BuildHost(_root, new Dictionary<string, string?> { ["Corpus:CachePath"] = TestCorpus.SharedCachePath }, services =>
        {
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(DateTimeOffset.UnixEpoch));
            services.AddSingleton<SeedsWatcher>();
        });
    }

    private SeedsWatcher Watcher => _host.Services.GetRequiredService<SeedsWatcher>();

    private ArticleSearch Search => _host.Services.GetRequiredService<ArticleSearch>();

    public void Dispose()
    {
        _host.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task An_added_article_is_answered_with_verified_citations_and_a_removed_one_no_longer()
    {
        var answerer = _host.Services.GetRequiredService<ArticleAnswerer>();
        var before = Search.Corpus;
        Assert.False(Watcher.CheckOnce()); // nothing changed since the load

        File.WriteAllText(Path.Combine(_root, "seeds", "bridge.md"), Bridge);
        Assert.True(Watcher.CheckOnce());

        Assert.NotSame(before, Search.Corpus);
        Assert.Same(Search.Corpus, _host.Services.GetRequiredService<ArticleCorpus>());
        var answer = await answerer.AskAsync("How much did the harbour bridge repairs cost?", null, TestContext.Current.CancellationToken);
        Assert.True(answer.Grounded, answer.Text);
        var citation = Assert.Single(answer.Citations, c => c.Source == "seeds/bridge.md");
        Assert.Equal(Bridge[citation.Start..citation.End], citation.Quote);

        File.Delete(Path.Combine(_root, "seeds", "bridge.md"));
        Assert.True(Watcher.CheckOnce());

        Assert.Null(Search.Corpus.GetDocument("seeds/bridge.md"));
        var after = await answerer.AskAsync("How much did the harbour bridge repairs cost?", null, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(after.Citations, c => c.Source == "seeds/bridge.md");
    }

    [Fact]
    public void A_changed_article_is_searched_in_its_new_words()
    {
        var path = Path.Combine(_root, "seeds", "bridge.md");
        File.WriteAllText(path, Bridge);
        Watcher.CheckOnce();

        File.WriteAllText(path, Bridge.Replace("48 million euros", "52 million euros", StringComparison.Ordinal) + "\nA ferry service ran during the works.\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1)); // same second and size are not enough to tell
        Assert.True(Watcher.CheckOnce());

        Assert.Contains(Search.Search("ferry service"), r => r.Passage.Source == "seeds/bridge.md");
        Assert.Contains("52 million", Search.Corpus.GetDocument("seeds/bridge.md")!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_left_without_articles_keeps_the_last_good_corpus()
    {
        var before = Search.Corpus;
        File.Delete(Path.Combine(_root, "seeds", "ai-race-2026.txt"));

        Assert.False(Watcher.CheckOnce());
        Assert.False(Watcher.CheckOnce()); // the same broken folder is not read again and again

        Assert.Same(before, Search.Corpus);
        Assert.NotEmpty(Search.Search("騰訊"));
    }

    [Fact]
    public void A_citation_resolver_over_the_search_verifies_against_the_current_corpus()
    {
        var resolver = _host.Services.GetRequiredService<CitationResolver>();
        File.WriteAllText(Path.Combine(_root, "seeds", "bridge.md"), Bridge);
        Watcher.CheckOnce();
        var passage = Search.Corpus.Passages.First(p => p.Source == "seeds/bridge.md");

        Assert.NotNull(resolver.ToCitation(1, passage));
        File.Delete(Path.Combine(_root, "seeds", "bridge.md"));
        Watcher.CheckOnce();
        Assert.Null(resolver.ToCitation(1, passage));
    }
}
