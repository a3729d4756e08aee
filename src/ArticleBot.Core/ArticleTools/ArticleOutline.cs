using ArticleBot.Abstractions;
using ArticleBot.Core.Search;

namespace ArticleBot.Core.ArticleTools;

/// <summary>One section of an article: its heading (null for the opening, before the first heading) and first lines.</summary>
/// <param name="Source">The seed file.</param>
/// <param name="Heading">The heading, or null for the opening.</param>
/// <param name="Passages">The section's body passages, in order.</param>
/// <param name="FirstSentence">The first full sentence of the section.</param>
public sealed record OutlineSection(string Source, string? Heading, IReadOnlyList<Passage> Passages, string FirstSentence)
{
    /// <summary>The section's first passage (what an outline cites).</summary>
    public Passage First => Passages[0];
}

/// <summary>The sections of the corpus's articles, with their headings and first lines. Computed once per corpus.</summary>
public sealed class ArticleOutline(ArticleSearch search)
{
    private readonly Corpus.PerCorpus<List<OutlineSection>> _sections = new(corpus => Build(search, corpus));

    /// <summary>Every section of every article, in document order.</summary>
    public IReadOnlyList<OutlineSection> Sections => _sections.For(search.Corpus);

    /// <summary>The sections of <paramref name="corpus"/>, which need not be the search's current one.</summary>
    public IReadOnlyList<OutlineSection> SectionsOf(Corpus.ArticleCorpus corpus) => _sections.For(corpus);

    // Reads the corpus it is keyed by (not the search's current one, which a seeds reload may have replaced meanwhile).
    private static List<OutlineSection> Build(ArticleSearch search, Corpus.ArticleCorpus corpus)
    {
        var sections = new List<OutlineSection>();
        foreach (var group in corpus.Passages.Where(p => p.Kind == PassageKind.Body)
                     .GroupBy(p => (p.Source, p.Section)))
        {
            var passages = group.ToList();
            var sentences = search.Sentences(passages[0]);
            var first = sentences.Count > 0 ? sentences[0].Sentence : passages[0].Text;
            sections.Add(new OutlineSection(group.Key.Source, group.Key.Section, passages, first.Trim()));
        }

        return sections;
    }
}
