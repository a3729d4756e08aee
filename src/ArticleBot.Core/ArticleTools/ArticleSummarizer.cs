using ArticleBot.Abstractions;
using ArticleBot.Core.Language.Segmentation;
using ArticleBot.Core.Search;

namespace ArticleBot.Core.ArticleTools;

/// <summary>A sentence picked for a summary, with the passage it is quoted from.</summary>
public sealed record SummarySentence(Passage Passage, string Sentence, string? Section);

/// <summary>
/// Extractive summaries: every section contributes its most central sentence (the one sharing the most content
/// bigrams with the rest of the article, with a bonus for a section's lead and for figures), then the next best
/// sentences overall fill the requested length. Sentences are returned in document order.
/// </summary>
public sealed class ArticleSummarizer(ArticleSearch search, ArticleOutline outline)
{
    /// <summary>The length used when none is asked for.</summary>
    public const int DefaultLength = 6;

    /// <summary>The most sentences a summary has.</summary>
    public const int MaxLength = 20;

    private static readonly string[] s_conclusionCues = ["因此", "所以", "总之", "总而言之", "综上", "必须", "需要", "这就是", "意味着", "归根结底", "说到底", "therefore", "in short", "must"];
    private readonly Corpus.PerCorpus<List<Scored>> _scored = new(corpus => Score(search, outline.SectionsOf(corpus)));

    /// <summary>A summary of <paramref name="length"/> sentences, covering every section when the length allows.</summary>
    /// <param name="length">How many sentences (clamped to 1..<see cref="MaxLength"/>).</param>
    /// <param name="lastSectionOnly">Only the closing section: the author's conclusion.</param>
    public IReadOnlyList<SummarySentence> Summarize(int length = DefaultLength, bool lastSectionOnly = false)
    {
        length = Math.Clamp(length, 1, MaxLength);
        // One corpus for the whole call: a seeds reload meanwhile must not pair one corpus's sections with another's scores.
        var corpus = search.Corpus;
        var scored = _scored.For(corpus);
        var sections = outline.SectionsOf(corpus);
        if (lastSectionOnly && sections.Count > 0)
        {
            var last = sections[^1];
            var inLast = scored.Where(s => s.Section == last)
                .OrderByDescending(s => s.Score + (s_conclusionCues.Any(c => s.Folded.Contains(c, StringComparison.Ordinal)) ? 1.0 : 0))
                .Take(length);
            return Ordered(inLast);
        }

        var picked = new List<Scored>();
        foreach (var section in sections.Where(s => s.Heading is not null || sections.Count == 1 || s == sections[0]))
        {
            if (scored.Where(s => s.Section == section).MaxBy(s => s.Score) is { } best)
            {
                picked.Add(best);
            }
        }

        // Too many sections for the length: keep the most central of them.
        picked = [.. picked.OrderByDescending(s => s.Score).Take(length)];
        foreach (var candidate in scored.OrderByDescending(s => s.Score))
        {
            if (picked.Count >= length)
            {
                break;
            }

            if (!picked.Contains(candidate))
            {
                picked.Add(candidate);
            }
        }

        return Ordered(picked);
    }

    private static List<SummarySentence> Ordered(IEnumerable<Scored> sentences) =>
        [.. sentences.OrderBy(s => s.Order).Select(s => new SummarySentence(s.Passage, s.Sentence, s.Section.Heading))];

    private static List<Scored> Score(ArticleSearch search, IReadOnlyList<OutlineSection> sections)
    {
        var sentences = new List<(OutlineSection Section, Passage Passage, string Sentence, string Folded, int Order, bool Lead)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var order = 0;
        foreach (var section in sections)
        {
            var lead = true;
            foreach (var passage in section.Passages)
            {
                foreach (var (sentence, folded) in search.Sentences(passage))
                {
                    // Overlapping passages repeat sentences: keep the first copy.
                    if (seen.Add(folded) && sentence.Trim().Length >= 8)
                    {
                        sentences.Add((section, passage, sentence.Trim(), folded, order++, lead));
                        lead = false;
                    }
                }
            }
        }

        // Centrality: how many other sentences share each of the sentence's content bigrams.
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var bigramSets = sentences.Select(s => Bigrams(s.Folded)).ToList();
        foreach (var set in bigramSets)
        {
            foreach (var bigram in set)
            {
                frequency[bigram] = frequency.GetValueOrDefault(bigram) + 1;
            }
        }

        var result = new List<Scored>(sentences.Count);
        for (var i = 0; i < sentences.Count; i++)
        {
            var s = sentences[i];
            var shared = bigramSets[i].Sum(b => Math.Min(frequency[b] - 1, 4));
            var score = shared / Math.Sqrt(Math.Max(bigramSets[i].Count, 4));
            score *= 1 + (s.Lead ? 0.25 : 0) + (FigureReader.Read(s.Sentence).Count > 0 ? 0.15 : 0);
            score *= s.Sentence.Length < 20 ? 0.5 : 1; // a short line says little on its own
            result.Add(new Scored(s.Section, s.Passage, s.Sentence, s.Folded, s.Order, score));
        }

        return result;
    }

    private static HashSet<string> Bigrams(string folded)
    {
        var terms = new List<ScannedTerm>();
        TermScanner.Scan(folded, terms, unigrams: false);
        return terms.Where(t => t.Text.Length >= 2).Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
    }

    private sealed record Scored(OutlineSection Section, Passage Passage, string Sentence, string Folded, int Order, double Score);
}
