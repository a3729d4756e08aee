using ArticleBot.Abstractions;
using ArticleBot.Core.Search;

namespace ArticleBot.Core.ArticleTools;

/// <summary>What the article says of a claim.</summary>
public enum Verdict
{
    /// <summary>The article says so.</summary>
    Supported,

    /// <summary>The article says otherwise: another figure, date or name for the same thing.</summary>
    Contradicted,

    /// <summary>The article does not say.</summary>
    NotCovered,
}

/// <summary>The verdict on a claim, with the sentence that decides it and, when contradicted, the article's own figure.</summary>
public sealed record ClaimCheck(Verdict Verdict, Passage? Passage, string? Sentence, FigureMention? ArticleFigure, FigureMention? ClaimFigure);

/// <summary>
/// Checks a claim against the article: finds the sentences about the claim's subject (its words other than its
/// figures), then compares the claim's figures and dates with theirs. Same figure: supported. The same thing with
/// another figure: contradicted, with the article's figure. No sentence about it: not covered.
/// </summary>
public sealed class ClaimVerifier(ArticleSearch search, double minCoverage)
{
    private const int Depth = 6;

    /// <summary>Checks a claim (a statement or a yes/no question, in Chinese or English).</summary>
    public ClaimCheck Verify(string claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var claimFigures = FigureReader.Read(claim).Concat(FigureReader.ReadEnglish(claim))
            .Where(f => f.Kind != FigureKind.Count).ToList();
        var plan = search.Analyze(claim);
        var content = plan.Groups.Where(g => g.Strength != GroupStrength.Weak && !IsNumber(g.Label)).ToList();
        if (content.Count == 0)
        {
            return new ClaimCheck(Verdict.NotCovered, null, null, null, null);
        }

        var total = content.Sum(g => g.Strength == GroupStrength.Strong ? g.Weight : g.Weight * 0.5);
        var strongCount = content.Count(g => g.Strength == GroupStrength.Strong);
        var sentences = new List<(Passage Passage, string Sentence, double Share, IReadOnlyList<FigureMention> Figures)>();
        foreach (var hit in search.Retrieve(claim, Depth).Passages)
        {
            foreach (var (sentence, folded) in search.Sentences(hit.Passage))
            {
                double covered = 0;
                var strongMatched = 0;
                foreach (var group in content)
                {
                    var match = ArticleSearch.GroupMatch(group, folded);
                    covered += match * (group.Strength == GroupStrength.Strong ? group.Weight : group.Weight * 0.5);
                    strongMatched += group.Strength == GroupStrength.Strong && match >= 1 ? 1 : 0;
                }

                if (strongMatched >= Math.Min(2, strongCount) && total > 0)
                {
                    sentences.Add((hit.Passage, sentence.Trim(), covered / total, FigureReader.Read(sentence)));
                }
            }
        }

        var about = sentences.Where(s => s.Share >= minCoverage).OrderByDescending(s => s.Share).ToList();
        if (about.Count == 0)
        {
            return new ClaimCheck(Verdict.NotCovered, null, null, null, null);
        }

        if (claimFigures.Count == 0)
        {
            var best = about[0];
            return best.Share >= 0.75
                ? new ClaimCheck(Verdict.Supported, best.Passage, best.Sentence, null, null)
                : new ClaimCheck(Verdict.NotCovered, null, null, null, null);
        }

        foreach (var claimFigure in claimFigures)
        {
            var same = about.FirstOrDefault(s => s.Figures.Any(f => f.SameAs(claimFigure)));
            if (same.Sentence is not null)
            {
                return new ClaimCheck(Verdict.Supported, same.Passage, same.Sentence, same.Figures.First(f => f.SameAs(claimFigure)), claimFigure);
            }
        }

        // The best sentence about the claim gives another figure of the same kind (and unit): the article's own.
        foreach (var claimFigure in claimFigures)
        {
            foreach (var s in about)
            {
                var other = s.Figures.Where(f => f.Kind == claimFigure.Kind)
                    .OrderByDescending(f => SameUnit(f, claimFigure))
                    .ThenBy(f => Math.Abs(Math.Log10(Math.Max(f.Value, 1)) - Math.Log10(Math.Max(claimFigure.Value, 1))))
                    .FirstOrDefault();
                if (other is not null)
                {
                    return new ClaimCheck(Verdict.Contradicted, s.Passage, s.Sentence, other, claimFigure);
                }
            }
        }

        return new ClaimCheck(Verdict.NotCovered, null, null, null, claimFigures[0]);
    }

    private static bool SameUnit(FigureMention a, FigureMention b) =>
        a.Unit.Length == 0 || b.Unit.Length == 0 || string.Equals(a.Unit.Replace("美金", "美元", StringComparison.Ordinal), b.Unit, StringComparison.Ordinal);

    private static bool IsNumber(string label) => label.Length > 0 && (char.IsAsciiDigit(label[0]) || label.EndsWith('%'));
}
