using System.Collections.Frozen;
using ArticleBot.Abstractions;

namespace ArticleBot.Core.Corpus;

/// <summary>A seed file as loaded: its relative path, id prefix and decoded text (BOM removed, line ends kept).</summary>
public sealed record SeedDocument(string Source, string Key, string Text)
{
    /// <summary>The article's title, when the seed file has a metadata file beside it (an imported article).</summary>
    public string? Title { get; init; }

    /// <summary>Where the article was imported from (a web page's URL), when its metadata says.</summary>
    public string? Url { get; init; }
}

/// <summary>The loaded seed documents and their passages. Immutable once built.</summary>
public sealed class ArticleCorpus
{
    private readonly FrozenDictionary<string, Passage> _byId;
    private readonly FrozenDictionary<string, SeedDocument> _bySource;

    /// <summary>Builds a corpus from documents already loaded.</summary>
    public ArticleCorpus(IReadOnlyList<SeedDocument> documents, PassageChunker chunker)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(chunker);
        Documents = documents;
        Passages = documents.SelectMany(d => chunker.Chunk(d.Key, d.Source, d.Text)).ToArray();
        _byId = Passages.ToFrozenDictionary(p => p.Id, StringComparer.Ordinal);
        _bySource = documents.ToFrozenDictionary(d => d.Source, StringComparer.Ordinal);
        Info = new ArticleInfo(documents.Select(Describe).ToArray(), Passages.Count);
    }

    /// <summary>The documents, in load order.</summary>
    public IReadOnlyList<SeedDocument> Documents { get; }

    /// <summary>Every passage in document order.</summary>
    public IReadOnlyList<Passage> Passages { get; }

    /// <summary>Summary facts.</summary>
    public ArticleInfo Info { get; }

    /// <summary>Finds a passage by id.</summary>
    public Passage? GetPassage(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Finds a document by its relative path.</summary>
    public SeedDocument? GetDocument(string source) => _bySource.GetValueOrDefault(source);

    /// <summary>
    /// True when <paramref name="quote"/> is exactly the text at [start, end) of the seed file; the check every
    /// citation passes before it is shown.
    /// </summary>
    public bool VerifyQuote(string source, int start, int end, string quote)
    {
        if (GetDocument(source) is not { } document || start < 0 || end > document.Text.Length || start > end)
        {
            return false;
        }

        return document.Text.AsSpan(start, end - start).SequenceEqual(quote);
    }

    private DocumentInfo Describe(SeedDocument document)
    {
        var blocks = ArticleStructure.Parse(document.Text);
        var byline = blocks.FirstOrDefault(b => b.Kind == BlockKind.Byline) is { } b ? document.Text[b.Start..b.End] : null;
        var sections = blocks.Where(x => x.Kind == BlockKind.Heading).Select(x => document.Text[x.Start..x.End]).ToArray();
        return new DocumentInfo(document.Source, byline, sections, document.Text.Length);
    }
}
