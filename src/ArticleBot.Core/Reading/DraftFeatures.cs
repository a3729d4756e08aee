using ArticleBot.Core.Answering.Recognizers;
using ArticleBot.Core.Search;

namespace ArticleBot.Core.Reading;

/// <summary>
/// What the answer gate learns from: how sure the ranker was and by how much its choice beat the next, how the
/// chosen sentence and its passage cover the question, and what of the question the corpus lacks (a name it never
/// writes, content it has no word for). The rules that used to refuse a draft outright (no figure for "how many", one
/// of two named things missing, one word carrying an English question) are features here: the gate learns how much
/// each says, on articles it never saw.
/// </summary>
public static class DraftFeatures
{
    /// <summary>The features' names, in the order of the vectors.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "Best", "Second", "Margin", "Mass", "Quoted",
        "Coverage", "StrongShare", "Wording", "Lead", "HasKind", "KindNearness", "ClauseCoverage", "Restates", "Novelty", "LocalGroups", "Asked", "TopicFirst", "Names",
        "AnswerNames", "AnswerAsked", "AnswerHasKind", "AnswerClause", "AnswerClauseNames", "AnswerClauseAsked", "NameCount", "PassageNames", "PassageRank", "PassageCoverage", "PassageWording", "PassageLead", "MaxPassageCoverage", "AnswerCoverage", "TopGroupInAnswer", "StrongPair",
        "English", "KindKnown", "KindPerson", "KindPlace", "KindNumber", "KindDate", "KindWhyHow", "KindThing", "KindOpen",
        "StrongCount", "StrongMissing", "MissingShare", "CorpusWording", "UnseenChain", "LeadUnseenChain",
        "LacksAskedKind", "LacksOneOfTwo", "RestsOnOneWord", "BareKeyword",
    ];

    /// <summary>The number of features.</summary>
    public static int Count => Names.Count;

    private static readonly Dictionary<string, int> s_index = Names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);

    /// <summary>The position of a feature in the vectors.</summary>
    public static int Index(string name) => s_index.TryGetValue(name, out var i) ? i : throw new ArgumentException($"No feature '{name}'.", nameof(name));

    /// <summary>The gate's features for a draft.</summary>
    public static float[] Of(QuestionReading question, IReadOnlyList<ReadPassage> passages, IReadOnlyList<SentenceCandidate> candidates, ReadDraft draft)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(draft);
        var f = new float[Count];
        void Set(string name, double value) => f[Index(name)] = (float)value;
        float Of(SentenceCandidate c, string feature) => c.Features[SentenceFeatures.Index(feature)];

        var ranked = DraftComposer.Ranked(candidates);
        var best = draft.Best;
        Set("Best", best.Probability);
        Set("Second", ranked.Count > 1 ? ranked[1].Probability : 0);
        Set("Margin", best.Probability - (ranked.Count > 1 ? ranked[1].Probability : 0));
        Set("Mass", Math.Min(3, ranked.Take(5).Sum(c => c.Probability)));
        Set("Quoted", draft.Picked.Count);

        foreach (var name in new[] { "Coverage", "StrongShare", "Wording", "Lead", "HasKind", "KindNearness", "ClauseCoverage", "Restates", "Novelty", "LocalGroups", "Asked", "TopicFirst", "Names", "NameCount", "PassageNames", "PassageRank", "PassageCoverage", "PassageWording", "PassageLead" })
        {
            Set(name, Of(best, name));
        }

        Set("MaxPassageCoverage", passages.Count == 0 ? 0 : passages.Max(p => p.Coverage));
        var answer = string.Concat(draft.Picked.Select(c => c.Folded));
        Set("AnswerCoverage", CoverageMeter.Coverage(question.Plan, answer));
        Set("AnswerNames", SentenceFeatures.NameShare(question, answer));
        Set("AnswerAsked", question.AskedAbout.Count == 0 ? 1 : question.AskedAbout.Count(g => CoverageMeter.GroupMatch(g, answer) > 0) / (double)question.AskedAbout.Count);
        Set("AnswerHasKind", draft.Picked.Any(c => Of(c, "HasKind") > 0) ? 1 : 0);
        Set("AnswerClause", draft.Picked.Max(c => Of(c, "ClauseCoverage")));
        Set("AnswerClauseNames", draft.Picked.Max(c => Of(c, "ClauseNames")));
        Set("AnswerClauseAsked", draft.Picked.Max(c => Of(c, "ClauseAsked")));
        Set("TopGroupInAnswer", question.Strong.Count == 0 ? 0 : CoverageMeter.GroupMatch(question.Strong[0], answer));
        var passageText = string.Concat(passages[best.PassageIndex].Sentences.Select(s => s.Folded));
        var strongInPassage = question.Strong.Count(g => CoverageMeter.GroupMatch(g, passageText) > 0);
        var strongPair = question.Strong.Count > 0 && strongInPassage >= Math.Min(2, question.Strong.Count);
        Set("StrongPair", strongPair ? 1 : 0);

        Set("English", question.English ? 1 : 0);
        Set("KindKnown", question.KindKnown ? 1 : 0);
        foreach (var name in new[] { "KindPerson", "KindPlace", "KindNumber", "KindDate", "KindWhyHow", "KindThing", "KindOpen" })
        {
            Set(name, Of(best, name));
        }

        Set("StrongCount", question.Strong.Count);
        Set("StrongMissing", question.Strong.Count(g => !g.InCorpus));
        Set("MissingShare", question.MissingShare);
        Set("CorpusWording", question.CorpusWording);
        Set("UnseenChain", Math.Min(4, question.UnseenChain));
        Set("LeadUnseenChain", Math.Min(4, question.LeadUnseenChain));

        // The old refusals, as evidence.
        var strict = AnswerKindClassifier.IsStrict(question.Kind);
        Set("LacksAskedKind", strict && draft.Picked.All(c => Of(c, "HasKind") == 0) ? 1 : 0);
        Set("LacksOneOfTwo", question.English && !strongPair && question.Strong.Count == 2 && question.Strong.All(g => g.InCorpus) ? 1 : 0);
        var weak = question.Weak;
        Set("RestsOnOneWord", question.English && question.Strong.Count + question.Soft.Count == 1 && weak.Count > 0 && weak.All(g => CoverageMeter.GroupMatch(g, answer) == 0) ? 1 : 0);
        Set("BareKeyword", question.Kind == AnswerKind.Any && question.English && question.Strong.Count + question.Soft.Count <= 1
            && question.Plan.Question.AsSpan().IndexOfAny("?？吗嗎呢") < 0 ? 1 : 0);
        return f;
    }
}
