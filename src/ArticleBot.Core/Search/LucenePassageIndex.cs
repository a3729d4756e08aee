using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using ArticleBot.Abstractions;
using ArticleBot.Core.Language.Questions;
using ArticleBot.Core.Language.Segmentation;
using ArticleBot.Core.Text;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;

namespace ArticleBot.Core.Search;

/// <summary>
/// The embedded Lucene.NET index: BM25 over folded text analysed by <see cref="ArticleAnalyzer"/>. With a cache
/// folder it is kept on disk, keyed by a fingerprint of the passages, so a restart opens an unchanged corpus instead
/// of indexing it again, and a changed seed is indexed afresh. Thread-safe for searching.
/// </summary>
public sealed partial class LucenePassageIndex : IPassageIndex
{
    private const string TextField = "text";
    private const string FormatVersion = "index-1";
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const int InOrderScoringLimit = 5000;

    private readonly LuceneDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly IReadOnlyList<Passage> _passages;
    private readonly ScriptFolding _folder;
    private readonly string?[] _folded;
    private readonly ConcurrentDictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int[]?> _passagesWith = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TermContext> _termContexts = new(StringComparer.Ordinal);
    private readonly Lazy<Dictionary<string, int>?> _allTerms;

    private LucenePassageIndex(IReadOnlyList<Passage> passages, ScriptFolding folder, LuceneDirectory directory, bool reused, int analysed)
    {
        Analysed = analysed;
        _passages = passages;
        _folder = folder;
        _folded = new string?[passages.Count];
        _directory = directory;
        _reader = DirectoryReader.Open(directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        Reused = reused;
        MaxInverseDocumentFrequency = Idf(0);
        _allTerms = new Lazy<Dictionary<string, int>?>(ReadAllTerms);
    }

    /// <summary>True when the index was opened from the cache rather than built.</summary>
    public bool Reused { get; }

    /// <summary>How many passages were analysed to make this index: none when reused, only the changed ones when updated from the previous index.</summary>
    public int Analysed { get; }

    /// <inheritdoc/>
    public int Count => _passages.Count;

    /// <inheritdoc/>
    public float MaxInverseDocumentFrequency { get; }

    /// <summary>Indexes the passages in memory; what <paramref name="previous"/> holds unchanged is copied from it (see <see cref="Open"/>).</summary>
    public static LucenePassageIndex InMemory(IReadOnlyList<Passage> passages, ScriptFolding folder, LucenePassageIndex? previous = null)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(folder);
        var directory = new RAMDirectory();
        var analysed = Write(directory, passages, folder, previous, NullLogger.Instance);
        return new LucenePassageIndex(passages, folder, directory, reused: false, analysed);
    }

    /// <summary>
    /// Runs Lucene's static set-up ahead of the first open, on the calling thread: its version constants and index
    /// file-name patterns are regular expressions compiled to code at first use (about 20 ms of a published cold start),
    /// which a thread started early does while the command's own thread builds the host.
    /// </summary>
    public static void WarmUp()
    {
        RuntimeHelpers.RunClassConstructor(typeof(Lucene.Net.Util.Constants).TypeHandle);
        RuntimeHelpers.RunClassConstructor(typeof(IndexFileNames).TypeHandle);
    }

    /// <summary>
    /// Opens the index of these passages from <paramref name="cacheDirectory"/>, building it there first when it is
    /// missing or stale. Falls back to memory when the cache cannot be written.
    /// </summary>
    /// <param name="passages">The passages, in corpus order.</param>
    /// <param name="folder">Folds the text for the index.</param>
    /// <param name="cacheDirectory">Where indexes are kept.</param>
    /// <param name="logger">Says when the cache is damaged or cannot be written.</param>
    /// <param name="previous">
    /// The index of the corpus before a change (a reload): its unchanged passages are copied from it, and only the
    /// changed articles are analysed again. The result is the same index a build from scratch makes.
    /// </param>
    public static LucenePassageIndex Open(IReadOnlyList<Passage> passages, ScriptFolding folder, string cacheDirectory, ILogger? logger = null, LucenePassageIndex? previous = null)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(folder);
        var log = logger ?? NullLogger.Instance;
        var path = FingerprintedCache.PathFor(cacheDirectory, FormatVersion, Fingerprint(passages));
        try
        {
            FingerprintedCache.CleanLeftovers(cacheDirectory);
            if (System.IO.Directory.Exists(path))
            {
                if (FingerprintedCache.Damage(path) is { } damage)
                {
                    // A truncated norms file would otherwise be read, and every answer would be "the article does not say".
                    Log.IndexDamaged(log, path, damage);
                    FingerprintedCache.Discard(path);
                }
                else
                {
                    var existing = FSDirectory.Open(path);
                    if (DirectoryReader.IndexExists(existing))
                    {
                        return new LucenePassageIndex(passages, folder, existing, reused: true, analysed: 0);
                    }

                    existing.Dispose();
                    FingerprintedCache.Discard(path);
                }
            }

            var analysed = 0;
            FingerprintedCache.WriteDirectory(path, building =>
            {
                using var directory = FSDirectory.Open(building);
                analysed = Write(directory, passages, folder, previous, log);
            });

            return new LucenePassageIndex(passages, folder, FSDirectory.Open(path), reused: false, analysed);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.IndexUnwritable(log, cacheDirectory, ex.Message);
            return InMemory(passages, folder);
        }
    }

    /// <inheritdoc/>
    public string FoldedText(int index) => _folded[index] ??= _folder.Fold(_passages[index].Text);

    /// <inheritdoc/>
    public bool SharesAPassage(string foldedWord, IReadOnlyList<string> others)
    {
        ArgumentNullException.ThrowIfNull(foldedWord);
        ArgumentNullException.ThrowIfNull(others);
        if (PassagesWith(foldedWord) is not { } mine)
        {
            return true; // too common to judge: the sense is kept
        }

        foreach (var other in others)
        {
            if (PassagesWith(other) is { } theirs ? mine.Intersect(theirs).Any() : mine.Any(i => FoldedText(i).Contains(other, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The passages that hold a folded word, read from the postings of its rarest index term (so the cost follows how
    /// often the word occurs, not the corpus size); null when that term is in more than <see cref="MaxPassagesRead"/>.
    /// Remembered per word, within a bound.
    /// </summary>
    private int[]? PassagesWith(string foldedWord)
    {
        if (_passagesWith.TryGetValue(foldedWord, out var known))
        {
            return known;
        }

        var rarest = TermScanner.WordTerms(foldedWord).OrderBy(DocumentFrequency).FirstOrDefault();
        int[]? found;
        if (rarest is null || DocumentFrequency(rarest) == 0)
        {
            found = [];
        }
        else if (DocumentFrequency(rarest) > MaxPassagesRead)
        {
            found = null;
        }
        else
        {
            var list = new List<int>();
            var postings = MultiFields.GetTermDocsEnum(_reader, MultiFields.GetLiveDocs(_reader), TextField, new BytesRef(rarest));
            for (var doc = postings?.NextDoc() ?? DocIdSetIterator.NO_MORE_DOCS; doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings!.NextDoc())
            {
                if (FoldedText(doc).Contains(foldedWord, StringComparison.Ordinal))
                {
                    list.Add(doc);
                }
            }

            found = [.. list];
        }

        if (_passagesWith.Count < 50_000)
        {
            _passagesWith[foldedWord] = found;
        }

        return found;
    }

    /// <summary>How many passages <see cref="SharesAPassage"/> reads at most; a word in more is kept without reading.</summary>
    private const int MaxPassagesRead = 64;

    /// <inheritdoc/>
    public IEnumerable<string> HanRuns() => Enumerable.Range(0, Count).SelectMany(i => TermScanner.HanRuns(FoldedText(i)));

    /// <inheritdoc/>
    public IReadOnlyList<(int Index, float Score)> Search(IReadOnlyList<WeightedTerm> terms, int top)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Count == 0 || top <= 0)
        {
            return [];
        }

        var query = new BooleanQuery();
        foreach (var term in terms)
        {
            var luceneTerm = new Term(TextField, term.Term);
            query.Add(new TermQuery(luceneTerm, ContextOf(luceneTerm)) { Boost = term.Weight }, Occur.SHOULD);
        }

        // For a small index, an in-order collector makes Lucene score the disjunction with a small heap
        // (BooleanScorer2) instead of the out-of-order BooleanScorer, whose 2,048-bucket table (~80 KB a query) only
        // pays for itself on long posting lists (measured: p99 2.1 → 0.5 ms on one article; slower at 30,000 passages).
        var collector = TopScoreDocCollector.Create(top, docsScoredInOrder: _passages.Count < InOrderScoringLimit);
        _searcher.Search(query, collector);
        var hits = collector.GetTopDocs().ScoreDocs;
        var results = new (int, float)[hits.Length];
        for (var i = 0; i < hits.Length; i++)
        {
            // One writer added the passages in order and merged them into one segment: document id = passage index.
            results[i] = (hits[i].Doc, hits[i].Score);
        }

        return results;
    }

    /// <inheritdoc/>
    public bool Contains(string foldedWord)
    {
        ArgumentNullException.ThrowIfNull(foldedWord);
        var any = false;
        foreach (var term in TermScanner.WordTerms(foldedWord))
        {
            if (DocumentFrequency(term) == 0)
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    /// <inheritdoc/>
    public float InverseDocumentFrequency(string foldedWord)
    {
        ArgumentNullException.ThrowIfNull(foldedWord);
        var df = int.MaxValue;
        foreach (var term in TermScanner.WordTerms(foldedWord))
        {
            df = Math.Min(df, DocumentFrequency(term));
        }

        return Idf(df == int.MaxValue ? 0 : df);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }

    /// <summary>
    /// Where a term's postings are, looked up once per term and index: a term query otherwise walks the term
    /// dictionary on every search (a new term enumerator, its frames and buffers: about a third of what a warm answer
    /// allocated in Lucene). The index never changes, so neither does the context; reading it is thread-safe.
    /// </summary>
    private TermContext ContextOf(Term term) =>
        _termContexts.TryGetValue(term.Text, out var known) ? known
        : _termContexts.Count < 200_000 ? _termContexts.GetOrAdd(term.Text, _ => TermContext.Build(_reader.Context, term))
        : TermContext.Build(_reader.Context, term);

    private int DocumentFrequency(string term)
    {
        if (_allTerms.Value is { } all)
        {
            return all.TryGetValue(term, out var known) ? known : 0;
        }

        return _documentFrequency.Count < 200_000
            ? _documentFrequency.GetOrAdd(term, t => _reader.DocFreq(new Term(TextField, t)))
            : _documentFrequency.TryGetValue(term, out var df) ? df : _reader.DocFreq(new Term(TextField, term));
    }

    /// <summary>
    /// Every term of an index of up to <see cref="MaxTermsHeld"/> terms with its document frequency, read in one pass
    /// of the term dictionary; null for a larger index, which is asked term by term. Building the English lexicon asks
    /// about a hundred thousand candidate words, most of them absent: one Lucene seek each made that build 80 % of
    /// its time (a few seconds per corpus), a dictionary lookup makes it negligible.
    /// </summary>
    private Dictionary<string, int>? ReadAllTerms()
    {
        var terms = MultiFields.GetTerms(_reader, TextField);
        if (terms is null)
        {
            return new Dictionary<string, int>(StringComparer.Ordinal);
        }

        var count = terms.Count;
        if (count < 0 || count > MaxTermsHeld)
        {
            return null;
        }

        var all = new Dictionary<string, int>((int)count, StringComparer.Ordinal);
        var termsEnum = terms.GetEnumerator();
        while (termsEnum.MoveNext())
        {
            all[termsEnum.Term.Utf8ToString()] = termsEnum.DocFreq;
        }

        return all;
    }

    /// <summary>The most terms <see cref="ReadAllTerms"/> holds in memory (one article has about 4,000).</summary>
    private const int MaxTermsHeld = 200_000;

    private float Idf(int df) => MathF.Log(1 + ((_passages.Count - df + 0.5f) / (df + 0.5f)));

    private static void Build(LuceneDirectory directory, IReadOnlyList<Passage> passages, ScriptFolding folder)
    {
        using var analyzer = new ArticleAnalyzer();
        var config = new IndexWriterConfig(Version, analyzer) { Similarity = new BM25Similarity(), OpenMode = OpenMode.CREATE, RAMBufferSizeMB = 64 };
        using var writer = new IndexWriter(directory, config);
        foreach (var passage in passages)
        {
            writer.AddDocument([new TextField(TextField, folder.Fold(passage.Text), Field.Store.NO)]);
        }

        writer.ForceMerge(1); // one segment: document ids stay the passage order
        writer.Commit();
    }

    /// <summary>
    /// Writes the index of <paramref name="passages"/> into <paramref name="directory"/>, from <paramref name="previous"/>
    /// when it can, else from scratch; returns how many passages were analysed.
    /// </summary>
    private static int Write(LuceneDirectory directory, IReadOnlyList<Passage> passages, ScriptFolding folder, LucenePassageIndex? previous, ILogger log)
    {
        if (previous is not null)
        {
            try
            {
                if (TryBuildFrom(previous, directory, passages, folder) is { } analysed)
                {
                    return analysed;
                }
            }
            catch (Exception ex) when (ex is not (IOException or UnauthorizedAccessException or OutOfMemoryException))
            {
                // The previous index could not be read as expected: the build from scratch below overwrites what was written.
                Log.IndexUpdateFailed(log, ex.Message);
            }
        }

        Build(directory, passages, folder);
        return passages.Count;
    }

    /// <summary>
    /// Builds the index of <paramref name="passages"/> from <paramref name="previous"/>: each run of passages that the
    /// previous index holds unchanged and in the same order is copied from it (its postings and norms, without analysing
    /// the text again), the other passages are analysed, and Lucene merges the pieces, in corpus order, into one
    /// segment. Document ids are then the passage order, and the statistics (document frequencies, lengths) those of
    /// these passages only, exactly as <see cref="Build"/> makes them. Returns how many passages were analysed; null
    /// when the previous index has no such shape (nothing is written then).
    /// </summary>
    private static int? TryBuildFrom(LucenePassageIndex previous, LuceneDirectory directory, IReadOnlyList<Passage> passages, ScriptFolding folder)
    {
        if (previous._reader.Leaves is not [{ AtomicReader: var old }] || old.HasDeletions || old.MaxDoc != previous._passages.Count)
        {
            return null;
        }

        var oldAt = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < previous._passages.Count; i++)
        {
            oldAt.TryAdd(previous._passages[i].Id, i);
        }

        // The pieces in corpus order: a range of the previous index's documents, or passages to analyse.
        var pieces = new List<(int Start, int End, List<Passage>? Fresh)>();
        for (var i = 0; i < passages.Count; i++)
        {
            var passage = passages[i];
            var kept = oldAt.TryGetValue(passage.Id, out var at) && string.Equals(previous._passages[at].Text, passage.Text, StringComparison.Ordinal) ? at : -1;
            var last = pieces.Count > 0 ? pieces[^1] : default;
            if (kept >= 0 && pieces.Count > 0 && last.Fresh is null && last.End == kept)
            {
                pieces[^1] = (last.Start, kept + 1, null);
            }
            else if (kept >= 0)
            {
                pieces.Add((kept, kept + 1, null));
            }
            else if (pieces.Count > 0 && last.Fresh is { } fresh)
            {
                fresh.Add(passage);
            }
            else
            {
                pieces.Add((0, 0, [passage]));
            }
        }

        var analysed = new List<IDisposable>();
        try
        {
            var readers = new List<IndexReader>();
            foreach (var (start, end, fresh) in pieces)
            {
                if (fresh is null)
                {
                    readers.Add(new DocumentRange(old, start, end));
                    continue;
                }

                var memory = new RAMDirectory();
                analysed.Add(memory);
                Build(memory, fresh, folder);
                var reader = DirectoryReader.Open(memory);
                analysed.Add(reader);
                readers.Add(reader);
            }

            using var analyzer = new ArticleAnalyzer();
            var config = new IndexWriterConfig(Version, analyzer) { Similarity = new BM25Similarity(), OpenMode = OpenMode.CREATE, RAMBufferSizeMB = 64 };
            using var writer = new IndexWriter(directory, config);
            writer.AddIndexes([.. readers]); // one merge into one segment, the readers' documents in the order given
            writer.Commit();
            return pieces.Sum(p => p.Fresh?.Count ?? 0);
        }
        finally
        {
            foreach (var item in Enumerable.Reverse(analysed))
            {
                item.Dispose();
            }
        }
    }

    /// <summary>
    /// Documents <c>[start, end)</c> of a segment without deletions, as a reader whose other documents are deleted:
    /// a merge copies only these.
    /// </summary>
    private sealed class DocumentRange : FilterAtomicReader
    {
        private readonly FixedBitSet _live;
        private readonly int _count;

        public DocumentRange(AtomicReader segment, int start, int end)
            : base(segment)
        {
            _live = new FixedBitSet(segment.MaxDoc);
            _live.Set(start, end);
            _count = end - start;
        }

        public override IBits LiveDocs => _live;

        public override int NumDocs => _count;

        protected override void DoClose()
        {
            // The segment belongs to the previous index, which stays open for the answers still reading it.
        }
    }

    /// <summary>SHA-256 over the passages (ids, offsets, text) and the analysis version.</summary>
    private static string Fingerprint(IReadOnlyList<Passage> passages) => FingerprintedCache.Fingerprint(hash =>
    {
        hash.AppendData(Encoding.UTF8.GetBytes(FormatVersion + typeof(TermScanner).Assembly.ManifestModule.ModuleVersionId));
        foreach (var passage in passages)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(passage.Id));
            hash.AppendData(Encoding.UTF8.GetBytes(passage.Text));
            hash.AppendData([0]);
        }
    });


    private static partial class Log
    {
        [LoggerMessage(EventId = 2005, EventName = "IndexCacheDamaged", Level = LogLevel.Warning, Message = "The index cache {Path} is damaged ({Reason}); rebuilding it")]
        public static partial void IndexDamaged(ILogger logger, string path, string reason);

        [LoggerMessage(EventId = 2006, EventName = "IndexCacheUnwritable", Level = LogLevel.Warning,
            Message = "Cannot keep the index in {Directory} ({Reason}): it is built in memory on every run. Make Corpus:CachePath writable, or set it empty")]
        public static partial void IndexUnwritable(ILogger logger, string directory, string reason);

        [LoggerMessage(EventId = 2007, EventName = "IndexUpdateFailed", Level = LogLevel.Warning,
            Message = "Could not update the index from the last one ({Reason}); building it from scratch")]
        public static partial void IndexUpdateFailed(ILogger logger, string reason);
    }
}
