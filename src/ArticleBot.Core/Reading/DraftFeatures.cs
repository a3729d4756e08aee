using ArticleBot.Core.Language.English;
using ArticleBot.Core.Language.Mentions;
using ArticleBot.Core.Language.Questions;

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
        "NameGap", "NameSpread", "NameInLead", "NoNumeral",
    ];

    /// <summary>The number of features.</summary>
    public static int Count => Names.Count;

    /// <summary>The position of each feature in the vectors (looked up once, not per candidate).</summary>
    public static class At
    {
        public static readonly int Best = Index(nameof(Best));
        public static readonly int Second = Index(nameof(Second));
        public static readonly int Margin = Index(nameof(Margin));
        public static readonly int Mass = Index(nameof(Mass));
        public static readonly int Quoted = Index(nameof(Quoted));
        public static readonly int Coverage = Index(nameof(Coverage));
        public static readonly int StrongShare = Index(nameof(StrongShare));
        public static readonly int Wording = Index(nameof(Wording));
        public static readonly int Lead = Index(nameof(Lead));
        public static readonly int HasKind = Index(nameof(HasKind));
        public static readonly int KindNearness = Index(nameof(KindNearness));
        public static readonly int ClauseCoverage = Index(nameof(ClauseCoverage));
        public static readonly int Restates = Index(nameof(Restates));
        public static readonly int Novelty = Index(nameof(Novelty));
        public static readonly int LocalGroups = Index(nameof(LocalGroups));
        public static readonly int Asked = Index(nameof(Asked));
        public static readonly int TopicFirst = Index(nameof(TopicFirst));
        public static readonly int Names = Index(nameof(Names));
        public static readonly int AnswerNames = Index(nameof(AnswerNames));
        public static readonly int AnswerAsked = Index(nameof(AnswerAsked));
        public static readonly int AnswerHasKind = Index(nameof(AnswerHasKind));
        public static readonly int AnswerClause = Index(nameof(AnswerClause));
        public static readonly int AnswerClauseNames = Index(nameof(AnswerClauseNames));
        public static readonly int AnswerClauseAsked = Index(nameof(AnswerClauseAsked));
        public static readonly int NameCount = Index(nameof(NameCount));
        public static readonly int PassageNames = Index(nameof(PassageNames));
        public static readonly int PassageRank = Index(nameof(PassageRank));
        public static readonly int PassageCoverage = Index(nameof(PassageCoverage));
        public static readonly int PassageWording = Index(nameof(PassageWording));
        public static readonly int PassageLead = Index(nameof(PassageLead));
        public static readonly int MaxPassageCoverage = Index(nameof(MaxPassageCoverage));
        public static readonly int AnswerCoverage = Index(nameof(AnswerCoverage));
        public static readonly int TopGroupInAnswer = Index(nameof(TopGroupInAnswer));
        public static readonly int StrongPair = Index(nameof(StrongPair));
        public static readonly int English = Index(nameof(English));
        public static readonly int KindKnown = Index(nameof(KindKnown));
        public static readonly int KindPerson = Index(nameof(KindPerson));
        public static readonly int KindPlace = Index(nameof(KindPlace));
        public static readonly int KindNumber = Index(nameof(KindNumber));
        public static readonly int KindDate = Index(nameof(KindDate));
        public static readonly int KindWhyHow = Index(nameof(KindWhyHow));
        public static readonly int KindThing = Index(nameof(KindThing));
        public static readonly int KindOpen = Index(nameof(KindOpen));
        public static readonly int StrongCount = Index(nameof(StrongCount));
        public static readonly int StrongMissing = Index(nameof(StrongMissing));
        public static readonly int MissingShare = Index(nameof(MissingShare));
        public static readonly int CorpusWording = Index(nameof(CorpusWording));
        public static readonly int UnseenChain = Index(nameof(UnseenChain));
        public static readonly int LeadUnseenChain = Index(nameof(LeadUnseenChain));
        public static readonly int LacksAskedKind = Index(nameof(LacksAskedKind));
        public static readonly int LacksOneOfTwo = Index(nameof(LacksOneOfTwo));
        public static readonly int RestsOnOneWord = Index(nameof(RestsOnOneWord));
        public static readonly int BareKeyword = Index(nameof(BareKeyword));
        public static readonly int NameGap = Index(nameof(NameGap));
        public static readonly int NameSpread = Index(nameof(NameSpread));
        public static readonly int NameInLead = Index(nameof(NameInLead));
        public static readonly int NoNumeral = Index(nameof(NoNumeral));
    }

    private static readonly Dictionary<string, int> s_index = Names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);

    /// <summary>The gate features that are the best candidate's own (same name in both vectors).</summary>
    private static readonly (int At, int From)[] s_fromBest = [.. new[]
    {
        "Coverage", "StrongShare", "Wording", "Lead", "HasKind", "KindNearness", "ClauseCoverage", "Restates", "Novelty", "LocalGroups", "Asked", "TopicFirst",
        "Names", "NameCount", "PassageNames", "PassageRank", "PassageCoverage", "PassageWording", "PassageLead",
        "KindPerson", "KindPlace", "KindNumber", "KindDate", "KindWhyHow", "KindThing", "KindOpen",
    }.Select(n => (Index(n), SentenceFeatures.Index(n)))];

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
        void Set(int at, double value) => f[at] = (float)value;

        var ranked = DraftComposer.Ranked(candidates);
        var best = draft.Best;
        Set(At.Best, best.Probability);
        Set(At.Second, ranked.Count > 1 ? ranked[1].Probability : 0);
        Set(At.Margin, best.Probability - (ranked.Count > 1 ? ranked[1].Probability : 0));
        Set(At.Mass, Math.Min(3, ranked.Take(5).Sum(c => c.Probability)));
        Set(At.Quoted, draft.Picked.Count);

        foreach (var (at, from) in s_fromBest)
        {
            f[at] = best.Features[from];
        }

        Set(At.MaxPassageCoverage, passages.Count == 0 ? 0 : passages.Max(p => p.Coverage));
        var answer = string.Concat(draft.Picked.Select(c => c.Folded));
        Set(At.AnswerCoverage, CoverageMeter.Coverage(question.Plan, answer));
        Set(At.AnswerNames, SentenceFeatures.NameShare(question, answer));
        Set(At.AnswerAsked, question.AskedAbout.Count == 0 ? 1 : question.AskedAbout.Count(g => CoverageMeter.GroupMatch(g, answer) > 0) / (double)question.AskedAbout.Count);
        Set(At.AnswerHasKind, draft.Picked.Any(c => c.Features[SentenceFeatures.At.HasKind] > 0) ? 1 : 0);
        Set(At.AnswerClause, draft.Picked.Max(c => c.Features[SentenceFeatures.At.ClauseCoverage]));
        Set(At.AnswerClauseNames, draft.Picked.Max(c => c.Features[SentenceFeatures.At.ClauseNames]));
        Set(At.AnswerClauseAsked, draft.Picked.Max(c => c.Features[SentenceFeatures.At.ClauseAsked]));
        Set(At.TopGroupInAnswer, question.Strong.Count == 0 ? 0 : CoverageMeter.GroupMatch(question.Strong[0], answer));
        var passageText = string.Concat(passages[best.PassageIndex].Sentences.Select(s => s.Folded));
        var names = passages[best.PassageIndex].Names;
        Set(At.NameGap, names.Gap);
        Set(At.NameSpread, names.Spread);
        Set(At.NameInLead, names.InLead);
        var strongInPassage = question.Strong.Count(g => CoverageMeter.GroupMatch(g, passageText) > 0);
        var strongPair = question.Strong.Count > 0 && strongInPassage >= Math.Min(2, question.Strong.Count);
        Set(At.StrongPair, strongPair ? 1 : 0);

        Set(At.English, question.English ? 1 : 0);
        Set(At.KindKnown, question.KindKnown ? 1 : 0);

        Set(At.StrongCount, question.Strong.Count);
        Set(At.StrongMissing, question.Strong.Count(g => !g.InCorpus));
        Set(At.MissingShare, question.MissingShare);
        Set(At.CorpusWording, question.CorpusWording);
        Set(At.UnseenChain, Math.Min(4, question.UnseenChain));
        Set(At.LeadUnseenChain, Math.Min(4, question.LeadUnseenChain));

        // The old refusals, as evidence.
        var strict = AnswerKindClassifier.IsStrict(question.Kind);
        Set(At.LacksAskedKind, strict && draft.Picked.All(c => c.Features[SentenceFeatures.At.HasKind] == 0) ? 1 : 0);
        Set(At.LacksOneOfTwo, question.English && !strongPair && question.Strong.Count == 2 && question.Strong.All(g => g.InCorpus) ? 1 : 0);
        var weak = question.Weak;
        Set(At.RestsOnOneWord, question.English && question.Strong.Count + question.Soft.Count == 1 && weak.Count > 0 && weak.All(g => CoverageMeter.GroupMatch(g, answer) == 0) ? 1 : 0);
        Set(At.BareKeyword, AsksNothing(question) ? 1 : 0);
        Set(At.NoNumeral, question.Kind == AnswerKind.Number && !draft.Picked.Any(c => HoldsNumeral(c.Folded)) ? 1 : 0);
        return f;
    }

    // Chinese numerals and words of quantity (single characters), and English number words: data, not code.
    private static readonly string[] s_numerals = WordLists.Load("reader.numerals");
    private static readonly string s_numeralCharacters = string.Concat(s_numerals.Where(n => n.Length == 1 && !char.IsAsciiLetter(n[0])));
    private static readonly string[] s_numeralPhrases = [.. s_numerals.Where(n => n.Length > 1 && !n.Any(char.IsAsciiLetter))];
    private static readonly HashSet<string> s_numeralWords = [.. s_numerals.Where(n => n.All(char.IsAsciiLetter))];

    /// <summary>
    /// Whether folded text holds anything a count or an amount is written with: a digit, a Chinese numeral or word
    /// of quantity, an English number word. A quote without any cannot say how many (the list is broad on purpose:
    /// 多 and 少 count, so the check fails only where no figure can be read at all).
    /// </summary>
    internal static bool HoldsNumeral(string folded) =>
        folded.AsSpan().IndexOfAny(s_numeralCharacters) >= 0 || folded.Any(char.IsDigit)
        || s_numeralPhrases.Any(p => folded.Contains(p, StringComparison.Ordinal)) || EnglishLexicon.Words(folded).Any(s_numeralWords.Contains);

    /// <summary>
    /// An English input that is keywords, not a question: no question word (the kind asked is unknown), no question
    /// mark, and at most <see cref="KeywordsAtMost"/> words ("DeepSeek", "red packets", a mistyped command).
    /// </summary>
    private static bool AsksNothing(QuestionReading question)
    {
        if (question.Kind != AnswerKind.Any || !question.English || question.Plan.Question.AsSpan().IndexOfAny("?？吗嗎呢") >= 0)
        {
            return false;
        }

        var words = 0;
        var inWord = false;
        foreach (var c in question.Plan.Question)
        {
            var letter = char.IsLetterOrDigit(c);
            words += letter && !inWord ? 1 : 0;
            inWord = letter;
        }

        return words <= KeywordsAtMost;
    }

    /// <summary>The most words a keyword input has; a request ("tell me about the red packets") has more.</summary>
    private const int KeywordsAtMost = 3;
}
