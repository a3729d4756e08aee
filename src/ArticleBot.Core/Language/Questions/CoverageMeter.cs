namespace ArticleBot.Core.Language.Questions;

/// <summary>
/// How much of a question (its <see cref="QueryPlan"/>) a folded text covers: plain string work on the plan's groups,
/// without the index, so the search, the composer and the tests measure coverage the same way.
/// </summary>
public static class CoverageMeter
{
    /// <summary>What a group's lone-character alternative counts for when the group also has whole words.</summary>
    public const double LoneCharacterMatch = 0.5;

    /// <summary>The share (by weight) of the plan's strong groups (soft ones count half) that the folded text holds; 0 when it has none.</summary>
    public static double Coverage(QueryPlan plan, string foldedText)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(foldedText);
        double total = 0, covered = 0;
        for (var g = 0; g < plan.Groups.Count; g++)
        {
            var group = plan.Groups[g];
            var weight = CoverageWeight(group);
            total += weight;
            covered += weight * GroupMatch(group, foldedText);
        }

        return total == 0 ? 0 : covered / total;
    }

    /// <summary>What a group counts for in coverage: its weight when strong, half when soft, nothing when weak.</summary>
    public static double CoverageWeight(QueryGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.Strength switch
        {
            GroupStrength.Strong => group.Weight,
            GroupStrength.Soft => group.Weight * 0.5,
            _ => 0,
        };
    }

    /// <summary>
    /// True when the folded text covers the question: at least <paramref name="minCoverage"/> of its strong groups by
    /// weight, and at least two of them when it has two or more (a question naming two things needs both: the
    /// employees of ByteDance are not the employees of Tencent). <paramref name="coverage"/> is the share covered.
    /// </summary>
    public static bool Covers(QueryPlan plan, string foldedText, double minCoverage, out double coverage)
    {
        coverage = Coverage(plan, foldedText);
        if (!plan.Groups.Any(g => g.Strength != GroupStrength.Weak && g.InCorpus))
        {
            return false;
        }

        var strong = plan.Groups.Where(g => g.Strength == GroupStrength.Strong).ToList();
        var matched = strong.Count(g => GroupMatch(g, foldedText) > 0);
        return matched >= Math.Min(2, strong.Count) && coverage >= minCoverage;
    }

    /// <summary>How well a folded text covers one group: 1 when it holds an alternative; partial for long Chinese words.</summary>
    public static double GroupMatch(QueryGroup group, string foldedText)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(foldedText);
        double best = 0;
        for (var a = 0; a < group.Alternatives.Count; a++)
        {
            if (foldedText.Contains(group.Alternatives[a], StringComparison.Ordinal))
            {
                if (!group.HasWordBesideCharacter || group.Alternatives[a].Length > 1)
                {
                    return 1;
                }

                // 世 for "life" is found in 世界 too: a lone character, where the group also has whole words
                // (生活, 生命), is weaker evidence than one of those words.
                best = Math.Max(best, LoneCharacterMatch);
                continue;
            }

            // A long chain of bigrams ("春节活动要分") counts by the share of its bigrams present.
            if (group.Bigrams[a] is { } bigrams)
            {
                var present = 0;
                foreach (var bigram in bigrams)
                {
                    present += foldedText.Contains(bigram, StringComparison.Ordinal) ? 1 : 0;
                }

                var share = present / (double)bigrams.Length;
                best = Math.Max(best, share >= 0.5 ? share : 0);
            }
        }

        return best;
    }
}
