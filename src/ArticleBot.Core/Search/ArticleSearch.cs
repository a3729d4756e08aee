using ArticleBot.Abstractions;
using System.Diagnostics;
using ArticleBot.Core.Corpus;
using ArticleBot.Core.Diagnostics;
using ArticleBot.Core.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

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
/// The article search service: corpus, Lucene index, query analysis and coverage. Built once per corpus;
/// the English lexicon is built on the first English question that needs it.
/// </summary>
public sealed partial class ArticleSearch : IArticleSearch, IDisposable
{
    private readonly ArticleCorpus _corpus;
    private readonly IPassageIndex _index;
    private readonly QueryAnalyzer _analyzer;
    private readonly Dictionary<string, int> _positions;
    private readonly ScriptFolding _folder;
    private readonly (string, string)[]?[] _sentences;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, QueryPlan> _plans = new(StringComparer.Ordinal);
    private const int MaxCachedPlans = 512;

    /// <summary>Indexes a corpus; <paramref name="dictionary"/> is CC-CEDICT already read (it is read for the lexicon when null).</summary>
    public ArticleSearch(ArticleCorpus corpus, ScriptFolding folder, ILogger<ArticleSearch>? logger = null, LexiconCache? lexiconCache = null, string? indexCacheDirectory = null, Cedict? dictionary = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var log = logger ?? (ILogger)NullLogger.Instance;
        _corpus = corpus;
        var started = Stopwatch.GetTimestamp();
        var index = indexCacheDirectory is null
            ? LucenePassageIndex.InMemory(corpus.Passages, folder)
            : LucenePassageIndex.Open(corpus.Passages, folder, indexCacheDirectory, log);
        _index = index;
        var indexMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Log.IndexBuilt(log, _index.Count, index.Reused ? "opened from the cache" : "built", indexMs);
        Lexicon = new Lazy<EnglishLexicon>(
            () =>
            {
                var lexiconStarted = Stopwatch.GetTimestamp();
                EnglishLexicon Build() => EnglishLexicon.Build(_index.Contains, _index.HanRuns(), dictionary ?? Cedict.Load());
                var lexicon = lexiconCache is null ? Build() : lexiconCache.GetOrBuild(corpus.Passages.Select(p => p.Text), Build);
                var lexiconMs = (long)Stopwatch.GetElapsedTime(lexiconStarted).TotalMilliseconds;
                Log.LexiconBuilt(log, lexicon.Count, lexiconMs);
                return lexicon;
            },
            LazyThreadSafetyMode.ExecutionAndPublication);
        _analyzer = new QueryAnalyzer(folder, _index, Lexicon);
        _positions = corpus.Passages.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        _folder = folder;
        _sentences = new (string, string)[]?[corpus.Passages.Count];
    }

    /// <summary>The corpus searched.</summary>
    public ArticleCorpus Corpus => _corpus;

    /// <summary>The English lexicon, built on first use.</summary>
    public Lazy<EnglishLexicon> Lexicon { get; }

    /// <inheritdoc/>
    public ArticleInfo Info => _corpus.Info;

    /// <inheritdoc/>
    public IReadOnlyList<Passage> Passages => _corpus.Passages;

    /// <inheritdoc/>
    public Passage? GetPassage(string id) => _corpus.GetPassage(id);

    /// <inheritdoc/>
    public string Fold(string text) => _folder.Fold(text);

    /// <inheritdoc/>
    public IReadOnlyList<ScoredPassage> Search(string query, int top = 5)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var activity = ArticleBotTelemetry.Source.StartActivity("retrieve");
        var found = _index.Search(Analyze(query).Terms, Math.Clamp(top, 0, 1000)).Select(h => new ScoredPassage(_corpus.Passages[h.Index], h.Score)).ToList();
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
        if (_plans.TryGetValue(question, out var cached))
        {
            return cached;
        }

        var plan = _analyzer.Analyze(question);
        if (_plans.Count >= MaxCachedPlans)
        {
            _plans.Clear();
        }

        _plans[question] = plan;
        return plan;
    }

    /// <summary>True when the folded word occurs somewhere in the corpus (every bigram of a Chinese word is an index term).</summary>
    public bool InCorpus(string foldedWord)
    {
        ArgumentNullException.ThrowIfNull(foldedWord);
        return _index.Contains(foldedWord);
    }

    /// <summary>The inverse document frequency of a folded word (its rarest term) in the passages: how much finding it says.</summary>
    public float InverseDocumentFrequency(string foldedWord)
    {
        ArgumentNullException.ThrowIfNull(foldedWord);
        return _index.InverseDocumentFrequency(foldedWord);
    }

    /// <summary>The full sentences of a passage with their folded text, computed once per passage.</summary>
    public IReadOnlyList<(string Sentence, string Folded)> Sentences(Passage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        if (!_positions.TryGetValue(passage.Id, out var index))
        {
            return SplitSentences(passage.Text);
        }

        return _sentences[index] ??= SplitSentences(passage.Text);
    }

    private (string, string)[] SplitSentences(string text) =>
        [.. SentenceSplitter.FullSentences(SentenceSplitter.Split(text)).Select(s => text[s.Start..s.End]).Select(s => (s, _folder.Fold(s)))];

    /// <summary>Ranks passages for a question and measures how much of it each covers.</summary>
    public Retrieval Retrieve(string question, int top)
    {
        ArgumentNullException.ThrowIfNull(question);
        using var activity = ArticleBotTelemetry.Source.StartActivity("retrieve");
        var plan = Analyze(question);
        var hits = _index.Search(plan.Terms, Math.Clamp(top, 0, 1000));
        var passages = hits.Select(h => new RetrievedPassage(_corpus.Passages[h.Index], h.Score, Coverage(plan, h.Index))).ToList();
        activity?.SetTag("articlebot.retrieval.top", top);
        activity?.SetTag("articlebot.retrieval.found", passages.Count);
        return new Retrieval(plan, passages);
    }

    /// <summary>The share (by weight) of the plan's strong groups that the passage contains; 0 when it has none.</summary>
    public double Coverage(QueryPlan plan, Passage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        return _positions.TryGetValue(passage.Id, out var index) ? Coverage(plan, index) : 0;
    }

    /// <inheritdoc/>
    public void Dispose() => _index.Dispose();

    private double Coverage(QueryPlan plan, int index) => CoverageMeter.Coverage(plan, _index.FoldedText(index));

    private static partial class Log
    {
        [LoggerMessage(EventId = 2001, EventName = "IndexBuilt", Level = LogLevel.Information,
            Message = "Index of {Passages} passages {How} in {ElapsedMs} ms")]
        public static partial void IndexBuilt(ILogger logger, int passages, string how, long elapsedMs);

        [LoggerMessage(EventId = 2002, EventName = "LexiconBuilt", Level = LogLevel.Information,
            Message = "Built the English lexicon ({Keys} keys) in {ElapsedMs} ms")]
        public static partial void LexiconBuilt(ILogger logger, int keys, long elapsedMs);
    }
}
