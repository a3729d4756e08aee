using ArticleBot.Core.Language.Questions;

namespace ArticleBot.Core.Search;

/// <summary>
/// The full-text index behind retrieval. <see cref="LucenePassageIndex"/> embeds Lucene.NET; a search server that
/// shares Lucene's analysis and BM25 (Elasticsearch, OpenSearch) would be another implementation of this interface,
/// indexing the same folded text with the same <see cref="Language.Segmentation.TermScanner"/> terms.
/// </summary>
public interface IPassageIndex : IIndexVocabulary, IDisposable
{
    /// <summary>How many passages are indexed (passage i is document i).</summary>
    int Count { get; }

    /// <summary>Runs a weighted term query; returns (passage index, score), best first.</summary>
    IReadOnlyList<(int Index, float Score)> Search(IReadOnlyList<WeightedTerm> terms, int top);

    /// <summary>The folded text of the passage at <paramref name="index"/>.</summary>
    string FoldedText(int index);

    /// <summary>Every Chinese run of the indexed text (folded), for building the English lexicon.</summary>
    IEnumerable<string> HanRuns();
}
