using ArticleBot.Abstractions;
using ArticleBot.Core.Search;

namespace ArticleBot.Core.ArticleTools;

/// <summary>A figure of the article with the sentence it is in and what it measures (the words of its clause).</summary>
public sealed record ArticleFigure(FigureMention Mention, Passage Passage, string Sentence, string Measure);

/// <summary>Every amount, percentage and date of the corpus, each once, in document order. Computed once per corpus.</summary>
public sealed class ArticleFigures(ArticleSearch search)
{
    private static readonly char[] s_clauseBreaks = ['，', ',', '；', ';', '。', '：', ':', '！', '？', '(', '（', ')', '）'];
    private readonly Corpus.PerCorpus<List<ArticleFigure>> _figures = new(corpus => Build(search, corpus));

    /// <summary>The figures, optionally of one kind only.</summary>
    public IReadOnlyList<ArticleFigure> Find(FigureKind? kind = null) =>
        kind is null ? All : All.Where(f => f.Mention.Kind == kind).ToList();

    /// <summary>Every figure.</summary>
    public IReadOnlyList<ArticleFigure> All => _figures.For(search.Corpus);

    /// <summary>What a figure measures: the other words of its clause (<c>周活已超9億</c> → <c>ChatGPT周活已超</c>).</summary>
    public static string MeasureOf(string sentence, FigureMention mention)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(mention);
        var start = sentence.LastIndexOfAny(s_clauseBreaks, Math.Max(0, mention.Start - 1)) + 1;
        var end = sentence.IndexOfAny(s_clauseBreaks, Math.Min(sentence.Length, mention.End));
        end = end < 0 ? sentence.Length : end;
        var before = sentence[start..mention.Start].Trim();
        var after = sentence[mention.End..end].Trim();
        return (before + "…" + after).Trim('…', ' ');
    }

    // Reads the corpus it is keyed by (not the search's current one, which a seeds reload may have replaced meanwhile).
    private static List<ArticleFigure> Build(ArticleSearch search, Corpus.ArticleCorpus corpus)
    {
        var figures = new List<ArticleFigure>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var passage in corpus.Passages.Where(p => p.Kind is PassageKind.Body or PassageKind.Caption))
        {
            foreach (var (sentence, folded) in search.Sentences(passage))
            {
                if (!seen.Add(passage.Source + "\n" + folded))
                {
                    continue; // the overlap of neighbouring passages
                }

                foreach (var mention in FigureReader.Read(sentence))
                {
                    figures.Add(new ArticleFigure(mention, passage, sentence.Trim(), MeasureOf(sentence, mention)));
                }
            }
        }

        return figures;
    }
}
