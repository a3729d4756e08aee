using System.Text;
using ArticleBot.Abstractions;
using ArticleBot.Core.Corpus;
using ArticleBot.Core.Search;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.Answering;

/// <summary>
/// The offline answer: the one to three sentences of the retrieved passages that best answer the question,
/// each followed by its passage's <c>[n]</c>; or an abstention when no passage covers the question's content.
/// </summary>
public sealed class ExtractiveComposer(ArticleSearch search, ScriptFolding folder, double minCoverage)
{
    private const int MaxSentences = 3;
    private const double FollowerShare = 0.6;
    private const double SecondAccountShare = 0.85;
    private static readonly string[] s_opinionCues = ["指出", "認為", "认为", "表示", "提醒", "強調", "强调", "坦言", "看來", "看来", "說", "说", "稱", "称", "贊成", "赞成", "贊同", "赞同"];
    private static readonly System.Buffers.SearchValues<char> s_quantityUnits = System.Buffers.SearchValues.Create("万萬亿億倍千百%");

    /// <summary>Composes an answer from numbered passages (as the search tool returned them).</summary>
    public string Compose(string question, IReadOnlyList<(int N, Passage Passage)> passages)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(passages);
        var language = LanguageDetector.Detect(question, folder);
        var plan = search.Analyze(question);
        var covered = new List<(int N, Passage Passage, double Coverage)>(passages.Count);
        var anyCovers = false;
        foreach (var (n, passage) in passages)
        {
            anyCovers |= search.Covers(plan, passage, minCoverage, out var coverage);
            covered.Add((n, passage, coverage));
        }

        if (!anyCovers)
        {
            return Abstention(language);
        }

        var picked = PickSentences(plan, covered);
        return Render(language, picked);
    }

    /// <summary>
    /// The sentences an answer would quote (best first by document order, with their passage numbers), or null when
    /// no passage covers the question. For composers that render the same choice differently (English, why).
    /// </summary>
    public IReadOnlyList<(int N, Passage Passage, string Sentence)>? Select(string question, IReadOnlyList<(int N, Passage Passage)> passages)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(passages);
        var plan = search.Analyze(question);
        var covered = new List<(int N, Passage Passage, double Coverage)>(passages.Count);
        var anyCovers = false;
        foreach (var (n, passage) in passages)
        {
            anyCovers |= search.Covers(plan, passage, minCoverage, out var coverage);
            covered.Add((n, passage, coverage));
        }

        if (!anyCovers)
        {
            return null;
        }

        var byNumber = passages.GroupBy(p => p.N).ToDictionary(g => g.Key, g => g.First().Passage);
        return [.. PickSentences(plan, covered).OrderBy(p => p.Order).Select(p => (p.N, byNumber[p.N], p.Sentence))];
    }

    /// <summary>The reply when the article does not cover the question.</summary>
    public static string Abstention(QuestionLanguage language) => language switch
    {
        QuestionLanguage.ChineseTraditional => "文章沒有提到這個問題的答案。",
        QuestionLanguage.ChineseSimplified => "文章没有提到这个问题的答案。",
        _ => "The article does not say.",
    };

    private List<(int N, string Sentence, int Order)> PickSentences(QueryPlan plan, List<(int N, Passage Passage, double Coverage)> passages)
    {
        var candidates = new List<Candidate>();
        for (var rank = 0; rank < passages.Count; rank++)
        {
            var (n, passage, coverage) = passages[rank];
            var sentences = search.Sentences(passage);
            for (var s = 0; s < sentences.Count; s++)
            {
                var (sentence, folded) = sentences[s];
                var matched = new List<int>();
                double score = 0;
                for (var g = 0; g < plan.Groups.Count; g++)
                {
                    var match = ArticleSearch.GroupMatch(plan.Groups[g], folded);
                    if (match > 0)
                    {
                        score += plan.Groups[g].Weight * match;
                        matched.Add(g);
                    }
                }

                if (score <= 0)
                {
                    continue;
                }

                score *= 0.6 + (0.4 * coverage);
                score *= 1 + (HasAnswerShape(plan.AnswerType, passage, sentence) ? 0.3 : 0) - (0.02 * rank);
                candidates.Add(new Candidate(n, sentence, score, matched, (rank * 1000) + s));
            }
        }

        if (candidates.Count == 0)
        {
            // Covered by words spread over sentences: the best passage's first sentence still anchors the answer.
            var (n, passage, _) = passages.MaxBy(p => p.Coverage);
            return [(n, search.Sentences(passage)[0].Sentence, 0)];
        }

        candidates.Sort((a, b) => b.Score.CompareTo(a.Score));
        var best = candidates[0];
        var picked = new List<Candidate> { best };
        var seen = new HashSet<int>(best.Groups);
        foreach (var candidate in candidates.Skip(1))
        {
            if (picked.Count == MaxSentences || candidate.Score < best.Score * FollowerShare)
            {
                break;
            }

            // A follower must add something: a part of the question not yet answered, or (nearly as good as the
            // best) another passage's account of the same thing.
            var addsGroup = candidate.Groups.Any(g => !seen.Contains(g));
            var secondAccount = candidate.Score >= best.Score * SecondAccountShare && picked.All(p => p.N != candidate.N);
            if ((addsGroup || secondAccount) && !picked.Any(p => p.Sentence == candidate.Sentence))
            {
                seen.UnionWith(candidate.Groups);
                picked.Add(candidate);
            }
        }

        return picked.Select(p => (p.N, p.Sentence, p.Order)).ToList();
    }

    private static bool HasAnswerShape(AnswerType type, Passage passage, string sentence) => type switch
    {
        AnswerType.Quantity => sentence.Any(char.IsAsciiDigit) || sentence.AsSpan().IndexOfAny(s_quantityUnits) >= 0,
        AnswerType.Date => sentence.Contains('月') || sentence.Contains('日') || sentence.Contains('年'),
        AnswerType.Who => passage.Kind == PassageKind.Byline || sentence.Contains("作者", StringComparison.Ordinal),
        AnswerType.Opinion => s_opinionCues.Any(c => sentence.Contains(c, StringComparison.Ordinal)),
        _ => false,
    };

    private static string Render(QuestionLanguage language, List<(int N, string Sentence, int Order)> picked)
    {
        var builder = new StringBuilder();
        if (language == QuestionLanguage.English)
        {
            builder.Append("The article says: ");
        }

        foreach (var (n, sentence, _) in picked.OrderBy(p => p.Order))
        {
            if (language == QuestionLanguage.English && builder.Length > "The article says: ".Length)
            {
                builder.Append(' ');
            }

            builder.Append(sentence.Trim()).Append('[').Append(n).Append(']');
        }

        return builder.ToString();
    }

    private sealed record Candidate(int N, string Sentence, double Score, List<int> Groups, int Order);
}
