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
    public void After_a_reload_the_new_articles_are_searched_at_once_and_the_lexicon_follows_when_built()
    {
        // Arrange: questions have needed the lexicon; its rebuild is held until the test runs it.
        var lastLexicon = Search.Lexicon.Value;
        Action? rebuild = null;
        Search.StartInBackground = work =>
        {
            rebuild = work;
            return Task.CompletedTask;
        };

        // Act: a Chinese article about a ferry; an English question finds it through the lexicon only.
        File.WriteAllText(Path.Combine(_root, "seeds", "ferry.md"), "# 港口渡輪\n\n港口的渡輪服務在週一恢復,每天往返十二班。\n");
        Assert.True(Watcher.CheckOnce());

        // Assert: the new corpus is searched at once, with the last lexicon (which has no word for 渡輪).
        Assert.NotNull(Search.Corpus.GetDocument("seeds/ferry.md"));
        Assert.Contains(Search.Search("渡輪服務"), r => r.Passage.Source == "seeds/ferry.md");
        Assert.Same(lastLexicon, Search.Lexicon.Value);
        Assert.DoesNotContain(Search.Search("ferry"), r => r.Passage.Source == "seeds/ferry.md");

        // Then the new lexicon is built and installed: the English word now finds the new article.
        Assert.NotNull(rebuild);
        rebuild();
        Assert.NotSame(lastLexicon, Search.Lexicon.Value);
        Assert.Contains(Search.Search("ferry"), r => r.Passage.Source == "seeds/ferry.md");
    }

    [Fact]
    public void A_lexicon_built_after_a_later_reload_came_first_is_not_installed()
    {
        _ = Search.Lexicon.Value;
        var rebuilds = new List<Action>();
        Search.StartInBackground = work =>
        {
            rebuilds.Add(work);
            return Task.CompletedTask;
        };
        File.WriteAllText(Path.Combine(_root, "seeds", "ferry.md"), "# 港口渡輪\n\n港口的渡輪服務在週一恢復。\n");
        Assert.True(Watcher.CheckOnce());
        rebuilds[0](); // the first reload's lexicon: installed, so the second reload rebuilds again
        File.Delete(Path.Combine(_root, "seeds", "ferry.md"));
        Assert.True(Watcher.CheckOnce());
        var current = Search.Lexicon;

        // A third reload, then the second one's lexicon arrives late: it belongs to a corpus no longer searched.
        File.WriteAllText(Path.Combine(_root, "seeds", "bridge.md"), Bridge);
        Assert.True(Watcher.CheckOnce());
        var afterThird = Search.Lexicon;
        rebuilds[1]();

        Assert.Same(current.Value, afterThird.Value); // the third reload searches with the last installed lexicon
        Assert.Same(afterThird, Search.Lexicon); // and the late one did not replace it
        Assert.Null(Search.Corpus.GetDocument("seeds/ferry.md"));
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

    [Fact]
    public void A_servers_articles_are_not_part_of_the_shared_corpus_and_do_not_reload_it()
    {
        var before = Search.Corpus;
        var guild = GuildSeeds.FolderOf(Path.Combine(_root, "seeds"), "123");
        Directory.CreateDirectory(guild);
        File.WriteAllText(Path.Combine(guild, "bridge.md"), Bridge);

        Assert.False(Watcher.CheckOnce()); // the shared fingerprint leaves guilds/ aside
        Assert.Same(before, Search.Corpus);
        var loaded = _host.Services.GetRequiredService<CorpusLoader>().Load();
        Assert.DoesNotContain(loaded.Documents, d => d.Source.Contains("bridge", StringComparison.Ordinal));
        Assert.NotEqual(CorpusLoader.FolderFingerprint(guild), CorpusLoader.FolderFingerprint(Path.Combine(_root, "seeds", "guilds", "456")));
    }

    [Fact]
    public async Task A_view_is_answered_only_inside_its_scope_and_its_derived_facts_do_not_leak()
    {
        var guild = GuildSeeds.FolderOf(Path.Combine(_root, "seeds"), "123");
        Directory.CreateDirectory(guild);
        File.WriteAllText(Path.Combine(guild, "bridge.md"), Bridge);
        var shared = Search.SharedCorpus;
        var own = _host.Services.GetRequiredService<SeedLoader>().Load(guild, _root, takenKeys: shared.Documents.Select(d => d.Key));
        var view = Search.CreateView(new ArticleCorpus([.. shared.Documents, .. own], new PassageChunker(240, 1)));
        var answerer = _host.Services.GetRequiredService<ArticleAnswerer>();
        var outline = _host.Services.GetRequiredService<ArticleBot.Core.ArticleTools.ArticleOutline>();
        const string Question = "How much did the harbour bridge repairs cost?";

        Assert.DoesNotContain(outline.Sections, s => s.Source.Contains("bridge", StringComparison.Ordinal)); // computed for the shared corpus first
        using (Search.Use(view))
        {
            Assert.Same(view.Corpus, Search.Corpus);
            Assert.Same(shared, Search.SharedCorpus);
            Assert.Contains(outline.Sections, s => s.Source == "seeds/guilds/123/bridge.md");
            var answer = await answerer.AskAsync(Question, null, TestContext.Current.CancellationToken);
            var citation = Assert.Single(answer.Citations, c => c.Source == "seeds/guilds/123/bridge.md");
            Assert.Equal(Bridge[citation.Start..citation.End], citation.Quote);
        }

        Assert.Same(shared, Search.Corpus);
        Assert.DoesNotContain(outline.Sections, s => s.Source.Contains("bridge", StringComparison.Ordinal));
        var outside = await answerer.AskAsync(Question, null, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(outside.Citations, c => c.Source.Contains("bridge", StringComparison.Ordinal));
        Assert.Same(shared, view.Beside);
    }

    [Fact]
    public void Derived_values_are_built_from_the_corpus_they_are_filed_under_not_from_the_search_current_one()
    {
        // A corpus that is not the search's current one: what a seeds reload racing a first use would hand the cache.
        var guild = GuildSeeds.FolderOf(Path.Combine(_root, "seeds"), "789");
        Directory.CreateDirectory(guild);
        File.WriteAllText(Path.Combine(guild, "bridge.md"), Bridge);
        var shared = Search.SharedCorpus;
        var own = _host.Services.GetRequiredService<SeedLoader>().Load(guild, _root, takenKeys: shared.Documents.Select(d => d.Key));
        var other = new ArticleCorpus([.. shared.Documents, .. own], new PassageChunker(240, 1));
        var outline = _host.Services.GetRequiredService<ArticleBot.Core.ArticleTools.ArticleOutline>();
        var entities = _host.Services.GetRequiredService<ArticleBot.Core.ArticleTools.EntityFinder>();

        var otherSections = outline.SectionsOf(other);
        var otherEntities = entities.AllOf(other);

        Assert.Same(shared, Search.Corpus);
        Assert.Contains(otherSections, s => s.Source == "seeds/guilds/789/bridge.md");
        Assert.DoesNotContain(outline.Sections, s => s.Source.Contains("bridge", StringComparison.Ordinal));
        // The same articles' entities, but each citing the passages of the corpus it was asked for (a corpus's own
        // Passage objects), never the current corpus's.
        var otherPassages = other.Passages.ToHashSet(ReferenceEqualityComparer.Instance);
        Assert.NotEmpty(otherEntities);
        Assert.All(otherEntities, e => Assert.All(e.Passages, p => Assert.Contains(p, otherPassages)));
        Assert.All(entities.All, e => Assert.All(e.Passages, p => Assert.DoesNotContain(p, otherPassages)));
    }
}
