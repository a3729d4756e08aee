using System.Diagnostics;
using ArticleBot.Abstractions;
using ArticleBot.Core.Corpus;
using ArticleBot.Core.Diagnostics;
using ArticleBot.Core.Language.English;
using ArticleBot.Core.Language.Questions;
using ArticleBot.Core.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;

namespace ArticleBot.Core.Search;

/// <summary>A passage retrieved for a question, with how much of the question it covers.</summary>
/// <param name="Passage">The passage.</param>
/// <param name="Score">BM25 score.</param>
/// <param name="Coverage">Share (by weight) of the question's strong groups the passage contains.</param>
public sealed record RetrievedPassage(Passage Passage, double Score, double Coverage);

/// <summary>A question's plan and its ranked passages.</summary>
public sealed record Retrieval(QueryPlan Plan, IReadOnlyList<RetrievedPassage> Passages)
{
    /// <summary>The coverage measured for a passage of this retrieval, or null when it did not retrieve it.</summary>
    public double? CoverageOf(string passageId) => Passages.FirstOrDefault(p => p.Passage.Id == passageId)?.Coverage;
}

/// <summary>
/// The article search service: corpus, Lucene index, query analysis and coverage. Everything derived from a corpus
/// is kept together and replaced whole when the seeds change (<see cref="Reload"/>), so a running bot answers on
/// added, changed and removed articles without a restart; the English lexicon is built on the first English
/// question that needs it, per corpus. A caller may also search a <see cref="CorpusView"/> (the shared corpus plus
/// a Discord server's own articles) for the rest of its async flow (<see cref="Use"/>): every read below then sees
/// the view's state, so the answering pipeline built on this one service answers on the view without knowing it.
/// </summary>
public sealed partial class ArticleSearch : IArticleSearch, IDisposable
{
    private const int MaxCachedPlans = 512;

    /// <summary>How long a replaced index stays open for the turns that were already using it.</summary>
    private static readonly TimeSpan s_retiredIndexGrace = TimeSpan.FromMinutes(2);

    private readonly ScriptFolding _folder;
    private readonly ILogger _log;
    private readonly LexiconCache? _lexiconCache;
    private readonly string? _indexCacheDirectory;
    private readonly Cedict? _dictionary;
    private readonly WeakReference<Cedict?> _lastDictionary = new(null);
    private readonly Lock _reloadLock = new();
    private readonly List<(State State, DateTimeOffset Since)> _retired = [];
    private readonly AsyncLocal<State?> _scoped = new();
    private volatile State _state;

    /// <summary>Indexes a corpus; <paramref name="dictionary"/> is CC-CEDICT already read (it is read for the lexicon when null).</summary>
    public ArticleSearch(ArticleCorpus corpus, ScriptFolding folder, ILogger<ArticleSearch>? logger = null, LexiconCache? lexiconCache = null, string? indexCacheDirectory = null, Cedict? dictionary = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        _folder = folder;
        _log = logger ?? (ILogger)NullLogger.Instance;
        _lexiconCache = lexiconCache;
        _indexCacheDirectory = indexCacheDirectory;
        _dictionary = dictionary;
        _state = Build(corpus, readLexiconAhead: true);
    }

    /// <summary>
    /// Raised after <see cref="Reload"/> installed a new corpus (on the thread that reloaded), with the new corpus.
    /// </summary>
    public event Action<ArticleCorpus>? Reloaded;

    /// <summary>The corpus searched (the current one: a reload replaces it; inside <see cref="Use"/>, the view's).</summary>
    public ArticleCorpus Corpus => Current.Corpus;

    /// <summary>The shared corpus (the seeds folder's), also inside <see cref="Use"/>.</summary>
    public ArticleCorpus SharedCorpus => _state.Corpus;

    /// <summary>The English lexicon, built on first use.</summary>
    public Lazy<EnglishLexicon> Lexicon => Current.Lexicon;

    /// <inheritdoc/>
    public ArticleInfo Info => Current.Corpus.Info;

    /// <inheritdoc/>
    public IReadOnlyList<Passage> Passages => Current.Corpus.Passages;

    /// <inheritdoc/>
    public Passage? GetPassage(string id) => Current.Corpus.GetPassage(id);

    /// <summary>The state this async flow searches: a view's inside <see cref="Use"/>, else the shared one.</summary>
    private State Current => _scoped.Value ?? _state;

    /// <summary>
    /// Indexes another corpus (in memory) as a view that <see cref="Use"/> can search instead of the shared one. The
    /// view remembers the shared corpus it was made beside (<see cref="CorpusView.Beside"/>), so its owner can tell
    /// when a reload made it stale.
    /// </summary>
    public CorpusView CreateView(ArticleCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        // A view is the shared corpus plus a few articles: the shared index's postings are copied, not analysed again.
        var shared = _state;
        return new CorpusView(Build(corpus, inMemory: true, previous: shared.Index), shared.Corpus);
    }

    /// <summary>
    /// Searches <paramref name="view"/> for the rest of the calling async flow (an answer, with its tools and
    /// citations), until the returned scope is disposed; other flows keep the shared corpus.
    /// </summary>
    public IDisposable Use(CorpusView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var previous = _scoped.Value;
        _scoped.Value = view.State;
        return new Scope(this, previous);
    }

    /// <inheritdoc/>
    public string Fold(string text) => _folder.Fold(text);

    /// <summary>
    /// Indexes <paramref name="corpus"/> and then makes it the one searched, at once for every caller: a search
    /// already running finishes on the corpus it started with (each call reads the current state once). The replaced
    /// index is closed a while later, when the turns that were using it are done.
    /// </summary>
    public void Reload(ArticleCorpus corpus, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var now = (time ?? TimeProvider.System).GetUtcNow();
        lock (_reloadLock)
        {
            var fresh = Build(corpus, previous: _state.Index);
            if (_state.Lexicon.IsValueCreated)
            {
                // Questions have needed the lexicon: the new corpus's is built in the background (seconds, on a large
                // corpus), and until it is ready the new index is searched with the last one, which lacks only the
                // words the change brought. Answers keep coming, on the new articles, meanwhile.
                var building = fresh.Lexicon;
                fresh = WithLexicon(fresh, _state.Lexicon);
                _ = StartInBackground(() => InstallWhenBuilt(fresh, building)); // never fails: it logs what goes wrong
            }

            _retired.Add((_state, now));
            _state = fresh;

            // Indexes replaced long enough ago that no turn can still be reading them are closed now.
            foreach (var (state, _) in _retired.Where(r => now - r.Since >= s_retiredIndexGrace).ToList())
            {
                state.Index.Dispose();
                _retired.RemoveAll(r => ReferenceEquals(r.State, state));
            }
        }

        Reloaded?.Invoke(corpus);
    }

    /// <summary>How background work starts (tests run it when they choose).</summary>
    internal Func<Action, Task> StartInBackground { get; set; } = work => Task.Run(work);

    /// <summary>Builds a reloaded corpus's lexicon and installs it, unless another reload came first.</summary>
    private void InstallWhenBuilt(State interim, Lazy<EnglishLexicon> lexicon)
    {
        try
        {
            _ = lexicon.Value;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The state keeps the last lexicon (this one would only fail again) until the next reload.
            Log.LexiconFailed(_log, ex.Message);
            return;
        }

        lock (_reloadLock)
        {
            if (ReferenceEquals(_state, interim))
            {
                // Same corpus and index: nothing is retired. Plans made with the last lexicon go with it.
                _state = WithLexicon(interim, lexicon);
            }
        }
    }

    private State WithLexicon(State state, Lazy<EnglishLexicon> lexicon) => state with
    {
        Analyzer = new QueryAnalyzer(_folder, state.Index, lexicon),
        Lexicon = lexicon,
        Plans = new System.Collections.Concurrent.ConcurrentDictionary<string, QueryPlan>(StringComparer.Ordinal),
    };

    /// <inheritdoc/>
    public IReadOnlyList<ScoredPassage> Search(string query, int top = 5)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var activity = ArticleBotTelemetry.Source.StartActivity("retrieve");
        var state = Current;
        var found = state.Index.Search(Analyze(state, query).Terms, Math.Clamp(top, 0, 1000)).Select(h => new ScoredPassage(state.Corpus.Passages[h.Index], h.Score)).ToList();
        activity?.SetTag("articlebot.retrieval.top", top);
        activity?.SetTag("articlebot.retrieval.found", found.Count);
        return found;
    }

    /// <summary>
    /// Analyses a question. Plans are cached by question text (bounded), since a turn analyses its question twice:
    /// once in the search tool, once when the answer is composed.
    /// </summary>
    public QueryPlan Analyze(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return Analyze(Current, question);
    }

    private static QueryPlan Analyze(State state, string question)
    {
        if (state.Plans.TryGetValue(question, out var cached))
        {
            return cached;
        }

        var plan = state.Analyzer.Analyze(question);
        if (state.Plans.Count >= MaxCachedPlans)
        {
            state.Plans.Clear();
        }

        state.Plans[question] = plan;
        return plan;
    }

    /// <summary>True when the folded word occurs somewhere in the corpus (every bigram of a Chinese word is an index term).</summary>
    public bool InCorpus(string foldedWord)
    {
        ArgumentNullException.ThrowIfNull(foldedWord);
        return Current.Index.Contains(foldedWord);
    }

    /// <summary>The inverse document frequency of a folded word (its rarest term) in the passages: how much finding it says.</summary>
    public float InverseDocumentFrequency(string foldedWord)
    {
        ArgumentNullException.ThrowIfNull(foldedWord);
        return Current.Index.InverseDocumentFrequency(foldedWord);
    }

    /// <summary>The full sentences of a passage with their folded text, computed once per passage.</summary>
    public IReadOnlyList<(string Sentence, string Folded)> Sentences(Passage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        var state = Current;
        if (!state.Positions.TryGetValue(passage.Id, out var index) || state.Corpus.Passages[index].Text != passage.Text)
        {
            return SplitSentences(passage.Text);
        }

        return state.Sentences[index] ??= SplitSentences(passage.Text);
    }

    /// <summary>
    /// The passages of a passage's article, in the article's order, and the passage's position among them; none (and
    /// -1) for a passage that is not the corpus's.
    /// </summary>
    public (IReadOnlyList<Passage> Passages, int Position) ArticleOf(Passage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        var state = Current;
        if (!state.Positions.TryGetValue(passage.Id, out var index) || !state.Articles.Value.TryGetValue(passage.Source, out var article))
        {
            return ([], -1);
        }

        return ([.. article.Select(i => state.Corpus.Passages[i])], Array.IndexOf(article, index));
    }

    private (string, string)[] SplitSentences(string text) =>
        [.. SentenceSplitter.FullSentences(SentenceSplitter.Split(text)).Select(s => text[s.Start..s.End]).Select(s => (s, _folder.Fold(s)))];

    /// <summary>Ranks passages for a question and measures how much of it each covers.</summary>
    public Retrieval Retrieve(string question, int top)
    {
        ArgumentNullException.ThrowIfNull(question);
        using var activity = ArticleBotTelemetry.Source.StartActivity("retrieve");
        var state = Current;
        var plan = Analyze(state, question);
        var hits = state.Index.Search(plan.Terms, Math.Clamp(top, 0, 1000));
        var passages = hits.Select(h => new RetrievedPassage(state.Corpus.Passages[h.Index], h.Score, Coverage(state, plan, h.Index))).ToList();
        activity?.SetTag("articlebot.retrieval.top", top);
        activity?.SetTag("articlebot.retrieval.found", passages.Count);
        return new Retrieval(plan, passages);
    }

    /// <summary>The share (by weight) of the plan's strong groups that the passage contains; 0 when it has none.</summary>
    public double Coverage(QueryPlan plan, Passage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        var state = Current;
        return state.Positions.TryGetValue(passage.Id, out var index) && state.Corpus.Passages[index].Text == passage.Text ? Coverage(state, plan, index) : 0;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_reloadLock)
        {
            _state.Index.Dispose();
            _retired.ForEach(r => r.State.Index.Dispose());
            _retired.Clear();
        }
    }

    private static double Coverage(State state, QueryPlan plan, int index) => CoverageMeter.Coverage(plan, state.Index.FoldedText(index));

    /// <param name="corpus">The corpus to index.</param>
    /// <param name="inMemory">True for a view: nothing on disk.</param>
    /// <param name="previous">An index holding most of these passages (on a reload, the one replaced; for a view, the shared one): what it holds unchanged is copied from it.</param>
    /// <param name="readLexiconAhead">
    /// True to read a cached lexicon on the thread pool while the index opens (at start-up, where both are on the
    /// way to the first answer: every question's analysis needs the lexicon); a reload or a view builds it on first use.
    /// </param>
    private State Build(ArticleCorpus corpus, bool inMemory = false, LucenePassageIndex? previous = null, bool readLexiconAhead = false)
    {
        var lexiconCache = _lexiconCache;
        var cachedLexicon = readLexiconAhead && !inMemory && lexiconCache is not null
            ? Task.Run(() => lexiconCache.TryRead(corpus.Passages.Select(p => p.Text)))
            : null;
        var started = Stopwatch.GetTimestamp();
        var index = inMemory || _indexCacheDirectory is null
            ? LucenePassageIndex.InMemory(corpus.Passages, _folder, previous)
            : LucenePassageIndex.Open(corpus.Passages, _folder, _indexCacheDirectory, _log, previous);
        var indexMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var how = index.Reused ? "opened from the cache"
            : index.Analysed < index.Count ? $"updated from the last one ({index.Analysed} passages analysed)"
            : "built";
        Log.IndexBuilt(_log, index.Count, how, indexMs);
        var log = _log;
        var dictionary = _dictionary;
        var lexicon = new Lazy<EnglishLexicon>(
            () =>
            {
                var lexiconStarted = Stopwatch.GetTimestamp();
                EnglishLexicon Build() => EnglishLexicon.Build(index.Contains, index.HanRuns(), dictionary ?? Dictionary());
                var texts = corpus.Passages.Select(p => p.Text);
                var built = lexiconCache is null ? Build()
                    : cachedLexicon is null ? lexiconCache.GetOrBuild(texts, Build)
                    : cachedLexicon.GetAwaiter().GetResult() ?? lexiconCache.BuildAndKeep(texts, Build);
                var lexiconMs = (long)Stopwatch.GetElapsedTime(lexiconStarted).TotalMilliseconds;
                Log.LexiconBuilt(log, built.Count, lexiconMs);
                return built;
            },
            LazyThreadSafetyMode.ExecutionAndPublication);
        return new State(
            corpus,
            index,
            new QueryAnalyzer(_folder, index, lexicon),
            lexicon,
            corpus.Passages.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal),
            new (string, string)[]?[corpus.Passages.Count],
            new System.Collections.Concurrent.ConcurrentDictionary<string, QueryPlan>(StringComparer.Ordinal),
            new Lazy<Dictionary<string, int[]>>(() => corpus.Passages.Select((p, i) => (p.Source, i)).GroupBy(x => x.Source, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(x => x.i).ToArray(), StringComparer.Ordinal)));
    }

    /// <summary>
    /// CC-CEDICT for a lexicon: parsing it is most of a lexicon's cost, so a reload soon after the last build reuses
    /// the copy read then, while the garbage collector has not reclaimed it (it is not kept alive for that).
    /// </summary>
    private Cedict Dictionary()
    {
        lock (_lastDictionary)
        {
            if (!_lastDictionary.TryGetTarget(out var cedict) || cedict is null)
            {
                cedict = Cedict.Load();
                _lastDictionary.SetTarget(cedict);
            }

            return cedict;
        }
    }

    /// <summary>Everything derived from one corpus; replaced whole by <see cref="Reload"/>, never changed in place.</summary>
    internal sealed record State(
        ArticleCorpus Corpus,
        LucenePassageIndex Index,
        QueryAnalyzer Analyzer,
        Lazy<EnglishLexicon> Lexicon,
        Dictionary<string, int> Positions,
        (string, string)[]?[] Sentences,
        System.Collections.Concurrent.ConcurrentDictionary<string, QueryPlan> Plans,
        Lazy<Dictionary<string, int[]>> Articles);

    /// <summary>
    /// Another corpus indexed beside the shared one (<see cref="CreateView"/>). Its index is in memory and holds no
    /// file: a view no longer used is left to the garbage collector, so an answer still reading it always finishes.
    /// </summary>
    public sealed class CorpusView
    {
        internal CorpusView(State state, ArticleCorpus beside)
        {
            State = state;
            Beside = beside;
        }

        /// <summary>The view's corpus.</summary>
        public ArticleCorpus Corpus => State.Corpus;

        /// <summary>The shared corpus when the view was made: when the shared one is reloaded, the view is stale.</summary>
        public ArticleCorpus Beside { get; }

        internal State State { get; }
    }

    /// <summary>Restores the flow's previous corpus.</summary>
    private sealed class Scope(ArticleSearch search, State? previous) : IDisposable
    {
        public void Dispose() => search._scoped.Value = previous;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2001, EventName = "IndexBuilt", Level = LogLevel.Information,
            Message = "Index of {Passages} passages {How} in {ElapsedMs} ms")]
        public static partial void IndexBuilt(ILogger logger, int passages, string how, long elapsedMs);

        [LoggerMessage(EventId = 2002, EventName = "LexiconBuilt", Level = LogLevel.Information,
            Message = "Built the English lexicon ({Keys} keys) in {ElapsedMs} ms")]
        public static partial void LexiconBuilt(ILogger logger, int keys, long elapsedMs);

        [LoggerMessage(EventId = 2009, EventName = "LexiconFailed", Level = LogLevel.Warning,
            Message = "Could not build the English lexicon of the reloaded corpus ({Reason}); the last one stays in use until the next reload")]
        public static partial void LexiconFailed(ILogger logger, string reason);
    }
}
