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
    private readonly AnswerSelector _selector = new(new MentionFinder(w => KnownName(search, w)), search.InCorpus);
    private readonly AnswerGate _gate = gate ?? AnswerGate.Default;

    /// <summary>
    /// Composes an answer from numbered passages (as the search tool returned them). <paramref name="retrieval"/>
    /// is what the search measured (<see cref="AnalysedSearchResult"/>): its plan and coverage are used when it
    /// searched this very question; otherwise the question is analysed here.
    /// </summary>
    public string Compose(string question, IReadOnlyList<(int N, Passage Passage)> passages, Retrieval? retrieval = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(passages);
        var language = LanguageDetector.Detect(question, folder);
        return Draft(question, passages, retrieval) is { } draft ? Render(language, draft.Sentences, passages) : Abstention(language);
    }

    /// <summary>The draft the gate lets through, or null when the offline answer abstains.</summary>
    private AnswerDraft? Draft(string question, IReadOnlyList<(int N, Passage Passage)> passages, Retrieval? retrieval)
    {
        var searched = retrieval is not null && string.Equals(retrieval.Plan.Question, question, StringComparison.Ordinal);
        var plan = searched ? retrieval!.Plan : search.Analyze(question);
        var selection = new List<SelectionPassage>(passages.Count);
        var anyCovers = false;

        // Relevance: a passage's retrieval score relative to the best (1 when the search did not say).
        var bestScore = searched && retrieval!.Passages.Count > 0 ? retrieval.Passages.Max(p => p.Score) : 0;
        foreach (var (n, passage) in passages)
        {
            // A passage is a candidate when it holds some of the question's content (at least the hard floor, if one
            // is set); whether that is enough is the gate's call (two strong words, coverage, the kind asked for).
            var coverage = (searched ? retrieval!.CoverageOf(passage.Id) : null) ?? search.Coverage(plan, passage);
            anyCovers |= coverage > 0 && coverage >= minCoverage;
            var score = searched ? retrieval!.Passages.FirstOrDefault(p => p.Passage.Id == passage.Id)?.Score : null;
            selection.Add(new SelectionPassage(n, passage, coverage, search.Sentences(passage), bestScore > 0 && score is { } own ? own / bestScore : 1));
        }

        var searchable = plan.Groups.Any(g => g.Strength != GroupStrength.Weak && g.InCorpus);
        if (!anyCovers || !searchable || _selector.Select(plan, selection) is not { } draft)
        {
            return null;
        }

        var decision = _gate.Decide(draft.Features);
        if (draft.LacksAskedKind || IsBareKeyword(plan, draft) || LacksOneOfTwoThings(plan, draft.Features) || RestsOnOneWord(plan, draft))
        {
            decision = decision with { Answered = false, Vetoed = true };
        }

        GateTrace.Record(decision);
        return decision.Answered ? draft : null;
    }

    /// <summary>
    /// An English question naming two things (Anthropic's valuation) whose answer passage holds only one of them:
    /// glosses match loosely across languages, so a passage about one of the two is not evidence about the pair. Only
    /// when the article writes both somewhere: a word with no translation in the whole article ("casualties") is a gap
    /// in the dictionary as often as in the article, and the gate weighs it (as the share of the question it lacks).
    /// Longer questions, and Chinese ones, are left to the gate, which weighs the question's own wording.
    /// </summary>
    private static bool LacksOneOfTwoThings(QueryPlan plan, GateFeatures features) =>
        features.English > 0 && features.StrongPair == 0 && plan.Groups.Count(g => g.Strength == GroupStrength.Strong) == 2
        && plan.Groups.Where(g => g.Strength == GroupStrength.Strong).All(g => g.InCorpus);

    /// <summary>
    /// An English question with one strong word and lesser ones ("our god is an awesome god": god, with sang and awesome
    /// only as lone characters) whose answer holds none of the lesser ones: the one word alone (土地, "earth god", in a
    /// sentence on land ownership) is no evidence that the sentence answers the rest.
    /// </summary>
    private bool RestsOnOneWord(QueryPlan plan, AnswerDraft draft)
    {
        if (draft.Features.English == 0 || plan.Groups.Count(g => g.Strength != GroupStrength.Weak) != 1)
        {
            return false;
        }

        var weak = plan.Groups.Where(g => g.Strength == GroupStrength.Weak && g.InCorpus).ToList();
        var answer = string.Concat(draft.Sentences.Select(s => folder.Fold(s.Sentence)));
        return weak.Count > 0 && weak.All(g => CoverageMeter.GroupMatch(g, answer) == 0);
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
    /// The sentences an answer would quote (the one that holds the answer first, with their passages), when the gate
    /// lets the draft through; null when the offline answer abstains. For composers that render the same choice
    /// differently (English, why, views): every search-based answer passes the same selector and the same gate.
    /// </summary>
    public IReadOnlyList<(int N, Passage Passage, string Sentence)>? Select(string question, IReadOnlyList<(int N, Passage Passage)> passages, Retrieval? retrieval = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(passages);
        if (Draft(question, passages, retrieval) is not { } draft)
        {
            return null;
        }

        var byNumber = passages.GroupBy(p => p.N).ToDictionary(g => g.Key, g => g.First().Passage);
        return [.. draft.Sentences.Select(s => (s.N, byNumber[s.N], s.Sentence))];
    }

    /// <summary>The kind of a corpus word that CC-CEDICT glosses as a proper name (杜篤瑪, a place), for the recognisers.</summary>
    private static AnswerKind? KnownName(ArticleSearch search, string foldedWord) => search.Lexicon.Value.ProperName(foldedWord) switch
    {
        ProperNameKind.Person => AnswerKind.Person,
        ProperNameKind.Organisation => AnswerKind.Organisation,
        ProperNameKind.Place => AnswerKind.Place,
        ProperNameKind.Thing => AnswerKind.NamedThing,
        _ => null,
    };

    /// <summary>The reply when the article does not cover the question.</summary>
    public static string Abstention(QuestionLanguage language) => language switch
    {
        QuestionLanguage.ChineseTraditional => "文章沒有提到這個問題的答案。",
        QuestionLanguage.ChineseSimplified => "文章没有提到这个问题的答案。",
        _ => "The article does not say.",
    };

    private static string Render(QuestionLanguage language, IReadOnlyList<AnswerSentence> picked, IReadOnlyList<(int N, Passage Passage)> passages)
    {
        var byNumber = passages.GroupBy(p => p.N).ToDictionary(g => g.Key, g => g.First().Passage);
        var quotes = QuoteJoiner.Join([.. picked.Select(s => (s.N, byNumber[s.N], s.Sentence))], language == QuestionLanguage.English ? " " : string.Empty);
        return language == QuestionLanguage.English ? "The article says: " + quotes : quotes;
    }
}
