using System.Text;
using ArticleBot.Abstractions;
using ArticleBot.Core.Answering.Gate;
using ArticleBot.Core.Answering.Recognizers;
using ArticleBot.Core.Answering.Selection;
using ArticleBot.Core.Search;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.Answering;

/// <summary>
/// The offline answer: the one to three sentences of the retrieved passages that best answer the question
/// (<see cref="AnswerSelector"/>: the sentence that holds the kind of thing asked for comes first), each followed by its
/// passage's <c>[n]</c>; or an abstention when no passage covers the question's content, when the question asks
/// for a number or date that no picked sentence gives, or when the answer gate judges the draft unlikely to be
/// right (<see cref="AnswerGate"/>).
/// </summary>
/// <param name="search">The article search (sentences, coverage).</param>
/// <param name="folder">Script folding.</param>
/// <param name="minCoverage">A hard floor on coverage before the gate (<c>Retrieval:MinCoverage</c>, kept for compatibility; 0 leaves it to the gate).</param>
/// <param name="gate">The answer gate; the shipped model at the default target precision when null.</param>
public sealed class ExtractiveComposer(ArticleSearch search, ScriptFolding folder, double minCoverage, AnswerGate? gate = null)
{
    private readonly AnswerSelector _selector = new(MentionFinder.Default, search.InCorpus);
    private readonly AnswerGate _gate = gate ?? AnswerGate.Default;

    /// <summary>The coverage <see cref="Select"/> asks of one passage (the former <c>Retrieval:MinCoverage</c> default).</summary>
    private const double SelectMinCoverage = 0.5;

    /// <summary>Composes an answer from numbered passages (as the search tool returned them).</summary>
    public string Compose(string question, IReadOnlyList<(int N, Passage Passage)> passages)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(passages);
        var language = LanguageDetector.Detect(question, folder);
        return Draft(question, passages) is { } draft ? Render(language, draft.Sentences) : Abstention(language);
    }

    /// <summary>The draft the gate lets through, or null when the offline answer abstains.</summary>
    private AnswerDraft? Draft(string question, IReadOnlyList<(int N, Passage Passage)> passages)
    {
        var plan = search.Analyze(question);
        var selection = new List<SelectionPassage>(passages.Count);
        var anyCovers = false;
        foreach (var (n, passage) in passages)
        {
            // A passage is a candidate when it holds some of the question's content (at least the hard floor, if one
            // is set); whether that is enough is the gate's call (two strong words, coverage, the kind asked for).
            var coverage = search.Coverage(plan, passage);
            anyCovers |= coverage > 0 && coverage >= minCoverage;
            selection.Add(new SelectionPassage(n, passage, coverage, search.Sentences(passage)));
        }

        var searchable = plan.Groups.Any(g => g.Strength != GroupStrength.Weak && g.InCorpus);
        if (!anyCovers || !searchable || _selector.Select(plan, selection) is not { } draft)
        {
            return null;
        }

        var decision = _gate.Decide(draft.Features);
        if (draft.LacksAskedKind || IsBareKeyword(plan, draft))
        {
            decision = decision with { Answered = false, Vetoed = true };
        }

        GateTrace.Record(decision);
        return decision.Answered ? draft : null;
    }

    /// <summary>
    /// A lone Latin word that asks nothing ("clear/plugins", a mistyped command): one content word, no Chinese, no
    /// question mark and no question wording. Its translations matched somewhere are not an answer to anything.
    /// </summary>
    private static bool IsBareKeyword(QueryPlan plan, AnswerDraft draft) =>
        draft.Kind == AnswerKind.Any
        && !plan.Question.Any(CharClass.IsHan)
        && plan.Groups.Count(g => g.Strength != GroupStrength.Weak) <= 1
        && plan.Question.AsSpan().IndexOfAny("?？吗嗎呢") < 0;

    /// <summary>
    /// The sentences an answer would quote (the one that holds the answer first, with their passage numbers), or null
    /// when no passage covers the question. For composers that render the same choice differently (English, why) and
    /// gate it themselves.
    /// </summary>
    public IReadOnlyList<(int N, Passage Passage, string Sentence)>? Select(string question, IReadOnlyList<(int N, Passage Passage)> passages)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(passages);
        var plan = search.Analyze(question);
        var selection = new List<SelectionPassage>(passages.Count);
        var anyCovers = false;
        foreach (var (n, passage) in passages)
        {
            // The kind composer applies gates of its own: here a passage must cover the question as coverage alone
            // decided before the learned gate (half its content words by weight, both of two strong ones).
            anyCovers |= search.Covers(plan, passage, Math.Max(minCoverage, SelectMinCoverage), out var coverage);
            selection.Add(new SelectionPassage(n, passage, coverage, search.Sentences(passage)));
        }

        if (!anyCovers || _selector.Select(plan, selection) is not { } draft || IsBareKeyword(plan, draft))
        {
            return null;
        }

        var byNumber = passages.GroupBy(p => p.N).ToDictionary(g => g.Key, g => g.First().Passage);
        return [.. draft.Sentences.Select(s => (s.N, byNumber[s.N], s.Sentence))];
    }

    /// <summary>The reply when the article does not cover the question.</summary>
    public static string Abstention(QuestionLanguage language) => language switch
    {
        QuestionLanguage.ChineseTraditional => "文章沒有提到這個問題的答案。",
        QuestionLanguage.ChineseSimplified => "文章没有提到这个问题的答案。",
        _ => "The article does not say.",
    };

    private static string Render(QuestionLanguage language, IReadOnlyList<AnswerSentence> picked)
    {
        var builder = new StringBuilder();
        if (language == QuestionLanguage.English)
        {
            builder.Append("The article says: ");
        }

        foreach (var (n, sentence) in picked)
        {
            if (language == QuestionLanguage.English && builder.Length > "The article says: ".Length)
            {
                builder.Append(' ');
            }

            builder.Append(sentence.Trim()).Append('[').Append(n).Append(']');
        }

        return builder.ToString();
    }
}
