using ArticleBot.Abstractions;
using ArticleBot.Core.Language.Questions;

namespace ArticleBot.Core.Reading;

/// <summary>
/// Where the question's names stand in the article around a passage that does not write them all. A name the passage
/// lacks may still be what it is about: the article's topic (written in its lead and throughout), or a name written
/// just before, which the passage goes on about ("he", "the company"). Or it may be written only elsewhere, beside
/// another party's facts: the trap of a question about one name answered with a neighbour's sentence. These measure
/// which; the gate learns what each is worth.
/// </summary>
/// <param name="Gap">
/// For the names the passage lacks, the most passages back to the nearest earlier one that writes each (0 when the
/// passage writes every name; <see cref="MaxGap"/> when one is never written before it).
/// </param>
/// <param name="Spread">The least share of the article's passages that write a name the passage lacks (1 when it lacks none).</param>
/// <param name="InLead">1 when the article's first passage writes every name the passage lacks (or it lacks none), else 0.</param>
public readonly record struct ArticleNames(float Gap, float Spread, float InLead)
{
    /// <summary>The gap given to a name no earlier passage writes.</summary>
    public const int MaxGap = 6;

    /// <summary>A passage that writes every name of the question (or a question without names).</summary>
    public static ArticleNames Complete { get; } = new(0, 1, 1);

    /// <summary>Measures each passage; a passage's article is read once for all the passages of that article.</summary>
    public static ArticleNames[] Of(QuestionReading question, IReadOnlyList<Passage> passages, Func<Passage, (IReadOnlyList<Passage> Passages, int Position)> articleOf, Func<Passage, IReadOnlyList<(string Sentence, string Folded)>> sentences)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(articleOf);
        ArgumentNullException.ThrowIfNull(sentences);
        var measured = new ArticleNames[passages.Count];
        if (question.Names.Count == 0)
        {
            Array.Fill(measured, Complete);
            return measured;
        }

        // Per article (a passage outside the corpus is an article of its own): which of its passages write each name.
        var read = new Dictionary<string, bool[][]>(StringComparer.Ordinal);
        for (var p = 0; p < passages.Count; p++)
        {
            var (article, position) = articleOf(passages[p]);
            if (position < 0)
            {
                article = [passages[p]];
            }

            var key = position < 0 ? passages[p].Id : passages[p].Source;
            if (!read.TryGetValue(key, out var byName))
            {
                var texts = article.Select(sentences).ToList();
                byName = [.. question.Names.Select(n => texts.Select(t => Writes(n, t)).ToArray())];
                read[key] = byName;
            }

            measured[p] = Measure(byName, Math.Max(0, position));
        }

        return measured;
    }

    private static ArticleNames Measure(bool[][] byName, int position)
    {
        var gap = 0;
        var spread = 1.0;
        var inLead = true;
        foreach (var written in byName)
        {
            if (written[position])
            {
                continue;
            }

            var before = Array.LastIndexOf(written, true, Math.Max(0, position - 1), position);
            gap = Math.Max(gap, before < 0 ? MaxGap : Math.Min(MaxGap, position - before));
            spread = Math.Min(spread, written.Count(w => w) / (double)written.Length);
            inLead &= written[0];
        }

        return new ArticleNames(gap, (float)spread, inLead ? 1 : 0);
    }

    private static bool Writes(QueryGroup name, IReadOnlyList<(string Sentence, string Folded)> sentences)
    {
        foreach (var (_, folded) in sentences)
        {
            // The whole name: two characters of a three-character name are another name as often as this one.
            if (CoverageMeter.GroupMatch(name, folded) >= 1)
            {
                return true;
            }
        }

        return false;
    }
}
