using System.Collections.Frozen;
using ArticleBot.Abstractions;
using ArticleBot.Core.Text;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace ArticleBot.Core.Search;

/// <summary>
/// The Lucene.NET index of the passages: BM25 over folded text analysed by <see cref="ArticleAnalyzer"/>.
/// Also the vocabulary the query analyzer segments Chinese against. Thread-safe for searching.
/// </summary>
public sealed class PassageIndex : IIndexVocabulary, IDisposable
{
    private const string TextField = "text";
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly LuceneDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly IReadOnlyList<Passage> _passages;
    private readonly string[] _folded;
    private readonly FrozenDictionary<string, int> _documentFrequency;

    /// <summary>Indexes the passages (in memory).</summary>
    public PassageIndex(IReadOnlyList<Passage> passages, ScriptFolder folder)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(folder);
        _passages = passages;
        _folded = passages.Select(p => folder.Fold(p.Text)).ToArray();
        _directory = new RAMDirectory();
        using (var analyzer = new ArticleAnalyzer())
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(Version, analyzer) { Similarity = new BM25Similarity() }))
        {
            for (var i = 0; i < passages.Count; i++)
            {
                writer.AddDocument([new TextField(TextField, _folded[i], Field.Store.NO)]);
            }

            writer.ForceMerge(1); // one segment: document ids stay the passage order
            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        _documentFrequency = ReadVocabulary(_reader);
        MaxInverseDocumentFrequency = Idf(0);
    }

    /// <summary>How many passages are indexed.</summary>
    public int Count => _passages.Count;

    /// <summary>How many distinct terms the index holds.</summary>
    public int TermCount => _documentFrequency.Count;

    /// <inheritdoc/>
    public float MaxInverseDocumentFrequency { get; }

    /// <summary>The folded text of the passage at <paramref name="index"/>.</summary>
    public string FoldedText(int index) => _folded[index];

    /// <summary>Every Chinese run of the indexed text (folded), for building the English lexicon.</summary>
    public IEnumerable<string> HanRuns() => _folded.SelectMany(TermScanner.HanRuns);

    /// <summary>Runs a weighted term query; returns (passage index, score) best first.</summary>
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
            query.Add(new TermQuery(new Term(TextField, term.Term)) { Boost = term.Weight }, Occur.SHOULD);
        }

        var hits = _searcher.Search(query, top).ScoreDocs;
        var results = new (int, float)[hits.Length];
        for (var i = 0; i < hits.Length; i++)
        {
            // One writer added the passages in order and nothing is ever deleted: the document id is the passage index.
            results[i] = (hits[i].Doc, hits[i].Score);
        }

        return results;
    }

    /// <inheritdoc/>
    public bool Contains(string foldedWord)
    {
        ArgumentNullException.ThrowIfNull(foldedWord);
        return Terms(foldedWord).All(t => _documentFrequency.ContainsKey(t)) && Terms(foldedWord).Any();
    }

    /// <inheritdoc/>
    public float InverseDocumentFrequency(string foldedWord)
    {
        ArgumentNullException.ThrowIfNull(foldedWord);
        var df = int.MaxValue;
        foreach (var term in Terms(foldedWord))
        {
            df = Math.Min(df, _documentFrequency.GetValueOrDefault(term));
        }

        return Idf(df == int.MaxValue ? 0 : df);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }

    private float Idf(int df) => MathF.Log(1 + ((_passages.Count - df + 0.5f) / (df + 0.5f)));

    /// <summary>The index terms of a folded word: its bigrams (Chinese), or the word itself.</summary>
    private static IEnumerable<string> Terms(string foldedWord)
    {
        if (TermScanner.HanRuns(foldedWord).FirstOrDefault() is not { } run || run.Length != foldedWord.Length)
        {
            if (foldedWord.Length > 0)
            {
                yield return foldedWord;
            }

            yield break;
        }

        var characters = TermScanner.Characters(run);
        if (characters.Count == 1)
        {
            yield return characters[0];
            yield break;
        }

        for (var i = 0; i + 1 < characters.Count; i++)
        {
            yield return characters[i] + characters[i + 1];
        }
    }

    private static FrozenDictionary<string, int> ReadVocabulary(DirectoryReader reader)
    {
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        var terms = MultiFields.GetTerms(reader, TextField);
        if (terms is null)
        {
            return frequencies.ToFrozenDictionary(StringComparer.Ordinal);
        }

        var iterator = terms.GetEnumerator();
        while (iterator.MoveNext())
        {
            frequencies[iterator.Term.Utf8ToString()] = iterator.DocFreq;
        }

        return frequencies.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
