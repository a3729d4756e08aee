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

        var total = content.Sum(CoverageMeter.CoverageWeight);
        var strongCount = content.Count(g => g.Strength == GroupStrength.Strong);
        (double Share, int Strong) Match(string folded)
        {
            double covered = 0;
            var strong = 0;
            foreach (var group in content)
            {
                var match = CoverageMeter.GroupMatch(group, folded);
                covered += match * CoverageMeter.CoverageWeight(group);
                strong += group.Strength == GroupStrength.Strong && match >= 1 ? 1 : 0;
            }

            return (total > 0 ? covered / total : 0, strong);
        }

        // A sentence is about the claim when its passage covers the claim's words (the subject may be named a
        // sentence earlier: "OpenAI上線廣告業務… 即便ChatGPT周活已超9億…(2025年總收入200億美元)") and it shares some itself.
        var sentences = new List<(Passage Passage, string Sentence, double Score, double Own, IReadOnlyList<FigureMention> Figures)>();
        foreach (var hit in search.Retrieve(claim, Depth).Passages)
        {
            var (passageShare, passageStrong) = Match(search.Sentences(hit.Passage).Aggregate(string.Empty, (a, s) => a + s.Folded));
            // The claim's own figure (900 million = 9億) is as specific as a word: with it, one of the claim's words is
            // enough, however the article words the rest (周活 for "weekly users").
            var anchored = claimFigures.Count > 0 && FigureReader.Read(hit.Passage.Text).Any(f => claimFigures.Any(f.SameAs));
            if (anchored ? passageStrong < 1 : passageShare < minCoverage || passageStrong < Math.Min(2, strongCount))
            {
                continue;
            }

            foreach (var (sentence, folded) in search.Sentences(hit.Passage))
            {
                var (own, strong) = Match(folded);
                if (strong >= 1 || strongCount == 0)
                {
                    // A figure of the claim the sentence also gives (the year 2025) anchors it: it is about the same thing.
                    var figures = FigureReader.Read(sentence);
                    var anchors = claimFigures.Count(c => figures.Any(f => f.SameAs(c)));
                    sentences.Add((hit.Passage, sentence.Trim(), (0.6 * own) + (0.4 * passageShare) + (0.3 * anchors), own, figures));
                }
            }
        }

        var about = sentences.OrderByDescending(s => s.Score).ToList();
        if (about.Count == 0)
        {
            return new ClaimCheck(Verdict.NotCovered, null, null, null, null);
        }

        if (claimFigures.Count == 0)
        {
            // Without a figure to compare, a claim is supported by a sentence saying most of it. A claim of one content
            // word and lesser ones besides ("is there a name for the at symbol") is not: any sentence that names
            // something shares its one word.
            var best = about[0];
            var thin = strongCount < 2 && plan.Groups.Any(g => g.Strength == GroupStrength.Weak && !IsNumber(g.Label));
            return best.Own >= 0.75 && !thin
                ? new ClaimCheck(Verdict.Supported, best.Passage, best.Sentence, null, null)
                : new ClaimCheck(Verdict.NotCovered, null, null, null, null);
        }

        // Amounts and shares are a claim's point; a date is often its setting. Any figure the article gives otherwise
        // contradicts the claim; otherwise one it gives the same supports it.
        ClaimCheck? supported = null;
        var pointMissed = false;
        foreach (var claimFigure in claimFigures.OrderBy(f => f.Kind == FigureKind.Date ? 1 : 0))
        {
            var same = about.FirstOrDefault(s => s.Figures.Any(f => f.SameAs(claimFigure)));
            if (same.Sentence is not null)
            {
                supported ??= new ClaimCheck(Verdict.Supported, same.Passage, same.Sentence, same.Figures.First(f => f.SameAs(claimFigure)), claimFigure);
                continue;
            }

            var best = about[0];
            var other = best.Figures.Where(f => f.Kind == claimFigure.Kind && SameUnit(f, claimFigure))
                .OrderBy(f => Math.Abs(Math.Log10(Math.Max(f.Value, 1)) - Math.Log10(Math.Max(claimFigure.Value, 1))))
                .FirstOrDefault();
            if (other is not null && best.Score >= 0.5)
            {
                return new ClaimCheck(Verdict.Contradicted, best.Passage, best.Sentence, other, claimFigure);
            }

            pointMissed |= claimFigure.Kind != FigureKind.Date;
        }

        // A year alone does not support a claim whose amount the article does not give.
        return supported is not null && !pointMissed ? supported : new ClaimCheck(Verdict.NotCovered, null, null, null, claimFigures[0]);
    }

    private static bool SameUnit(FigureMention a, FigureMention b) =>
        a.Unit.Length == 0 || b.Unit.Length == 0 || string.Equals(a.Unit.Replace("美金", "美元", StringComparison.Ordinal), b.Unit, StringComparison.Ordinal);

    private static bool IsNumber(string label) =>
        label.Length > 0 && (char.IsAsciiDigit(label[0]) || label.EndsWith('%') || s_numberWords.Contains(label));

    // Words of a figure itself ("50 billion dollars"): the figure is compared, not searched for.
    private static readonly HashSet<string> s_numberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "thousand", "million", "millions", "billion", "billions", "trillion", "trillions", "bn", "percent", "dollar", "dollars",
        "usd", "yuan", "rmb", "us", "亿", "万", "万亿", "美元", "元", "人民币",
    };
}
