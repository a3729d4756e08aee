using ArticleBot.Core.Language.Mentions;
using ArticleBot.Core.Corpus;
using ArticleBot.Core.Language.Questions;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.Reading;

/// <summary>
/// The measures the sentence ranker learns from: how a sentence and its passage match the question, whether the
/// sentence holds a new mention of the kind asked for and how close it sits to the matched words, and where the
/// sentence stands. Each is general (no word of any article or question is named); which of them matter, and how,
/// is learned from public reading-comprehension data by the training tool.
/// </summary>
public static class SentenceFeatures
{
    /// <summary>The features' names, in the order of the vectors.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        // The passage: its retrieval rank and score, and its coverage of the question.
        "PassageRank", "PassageRelevance", "PassageCoverage", "PassageWording", "PassageLead", "PassageNames",
        // The sentence's match with the question, absolute and relative to the best candidate.
        "Coverage", "CoverageGap", "CoverageRank", "StrongShare", "SoftShare", "WeakShare", "TopGroup", "Names", "Wording", "WordingGap", "Lead",
        "FirstMatch", "MatchSpread", "Novelty", "CharWeight", "BigramWeight", "BigramWeightGap", "CommonRun", "CommonRunGap",
        // The same matches weighted by how rare each question word is among the candidate sentences themselves: the
        // article's topic is in every sentence, what is asked of it in few.
        "LocalGroups", "LocalGroupsGap", "LocalBigrams", "LocalBigramsGap", "LocalCharacters", "Asked", "AskedGap",
        // The kind of answer asked for.
        "HasKind", "KindCount", "KindNearness", "ClauseCoverage", "ClauseNames", "ClauseAsked", "Restates", "Defines", "GivesName",
        // Where the sentence stands, and what it leans on.
        "SentenceIndex", "SentenceShare", "Length", "LeansBack", "RefersBack", "PreviousCoverage", "NextCoverage", "TopicFirst",
        // The question (the same for every candidate: it conditions the rest).
        "English", "KindPerson", "KindPlace", "KindNumber", "KindDate", "KindWhyHow", "KindThing", "KindOpen", "StrongCount", "NameCount", "MissingShare", "Candidates",
    ];

    /// <summary>The number of features.</summary>
    public static int Count => Names.Count;

    /// <summary>
    /// Every full sentence of the passages that a passage kind allows (<paramref name="mayAnswer"/>), with its features.
    /// </summary>
    public static List<SentenceCandidate> Read(QuestionReading question, IReadOnlyList<ReadPassage> passages, SentenceMentions mentions, Func<ReadPassage, bool>? mayAnswer = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(mentions);
        var measured = new List<Measures>();
        var seen = new HashSet<(string, string)>();
        for (var p = 0; p < passages.Count; p++)
        {
            var passage = passages[p];
            if (mayAnswer is not null && !mayAnswer(passage))
            {
                continue;
            }

            var passageText = string.Concat(passage.Sentences.Select(s => s.Folded));
            var passageWording = question.Bigrams.Count == 0 ? passage.Coverage : QuestionBigrams.ShareIn(question.Bigrams, passageText);
            var passageLead = QuestionBigrams.ShareIn(question.LeadBigrams, passageText);
            var passageNames = NameShare(question, passageText);
            var coverages = passage.Sentences.Select(s => CoverageMeter.Coverage(question.Plan, s.Folded)).ToArray();
            for (var s = 0; s < passage.Sentences.Count; s++)
            {
                // Passages overlap by a sentence: a sentence is one candidate, in its best-retrieved passage.
                if (seen.Add((passage.Passage.Source, passage.Sentences[s].Folded)))
                {
                    measured.Add(Measure(question, p, passage, s, coverages, (passageWording, passageLead, passageNames), mentions));
                }
            }
        }

        LocalWeights(question, measured);
        var bestLocalGroups = measured.Count == 0 ? 0 : measured.Max(m => m.Features[At.LocalGroups]);
        var bestLocalBigrams = measured.Count == 0 ? 0 : measured.Max(m => m.Features[At.LocalBigrams]);
        var bestAsked = measured.Count == 0 ? 0 : measured.Max(m => m.Features[At.Asked]);
        var bestCoverage = measured.Count == 0 ? 0 : measured.Max(m => m.Coverage);
        var bestBigrams = measured.Count == 0 ? 0 : measured.Max(m => m.Features[At.BigramWeight]);
        var bestRun = measured.Count == 0 ? 0 : measured.Max(m => m.Features[At.CommonRun]);
        var bestWording = measured.Count == 0 ? 0 : measured.Max(m => m.Wording);
        var candidates = new List<SentenceCandidate>(measured.Count);
        foreach (var m in measured)
        {
            var features = m.Features;
            features[At.CoverageGap] = (float)(bestCoverage - m.Coverage);
            features[At.CoverageRank] = measured.Count(o => o.Coverage > m.Coverage);
            features[At.WordingGap] = (float)(bestWording - m.Wording);
            features[At.BigramWeightGap] = bestBigrams - features[At.BigramWeight];
            features[At.CommonRunGap] = bestRun - features[At.CommonRun];
            features[At.LocalGroupsGap] = bestLocalGroups - features[At.LocalGroups];
            features[At.LocalBigramsGap] = bestLocalBigrams - features[At.LocalBigrams];
            features[At.AskedGap] = bestAsked - features[At.Asked];
            features[At.Candidates] = measured.Count;
            candidates.Add(new SentenceCandidate(m.PassageIndex, m.SentenceIndex, m.Sentence, m.Folded, features));
        }

        return candidates;
    }

    /// <summary>
    /// The question's words weighted by their rarity among the candidate sentences (ln((n + 1) / (df + 0.5))), and each
    /// candidate's weighted share of them: its groups, its character pairs, its characters.
    /// </summary>
    private static void LocalWeights(QuestionReading question, List<Measures> measured)
    {
        var n = measured.Count;
        double Weight(int df) => Math.Log((n + 1) / (df + 0.5));
        var groups = question.Plan.Groups.Where(g => g.Strength != GroupStrength.Weak).ToList();
        var groupMatches = measured.Select(m => groups.Select(g => CoverageMeter.GroupMatch(g, m.Folded)).ToArray()).ToList();
        var groupWeights = groups.Select((_, g) => Weight(groupMatches.Count(x => x[g] > 0))).ToArray();
        var bigramWeights = question.Bigrams.Select(b => Weight(measured.Count(m => m.Folded.Contains(b, StringComparison.Ordinal)))).ToArray();
        var asked = question.AskedAbout.Select(g => groups.IndexOf(g)).Where(g => g >= 0).ToArray();
        var characters = question.CharacterWeights.Select(c => c.Character).ToArray();
        var characterWeights = characters.Select(c => Weight(measured.Count(m => m.Folded.Contains(c, StringComparison.Ordinal)))).ToArray();
        for (var i = 0; i < n; i++)
        {
            var features = measured[i].Features;
            var folded = measured[i].Folded;
            features[At.LocalGroups] = (float)Share(groupWeights, g => groupMatches[i][g]);
            features[At.LocalBigrams] = (float)Share(bigramWeights, b => folded.Contains(question.Bigrams[b], StringComparison.Ordinal) ? 1 : 0);
            features[At.LocalCharacters] = (float)Share(characterWeights, c => folded.Contains(characters[c], StringComparison.Ordinal) ? 1 : 0);
            features[At.Asked] = asked.Length == 0 ? 0 : (float)Share([.. asked.Select(g => groupWeights[g])], a => groupMatches[i][asked[a]]);
        }

        static double Share(double[] weights, Func<int, double> match)
        {
            double total = 0, found = 0;
            for (var k = 0; k < weights.Length; k++)
            {
                total += weights[k];
                found += weights[k] * match(k);
            }

            return total <= 0 ? 0 : found / total;
        }
    }

    /// <summary>The position of each feature in the vectors (looked up once, not per candidate).</summary>
    public static class At
    {
        public static readonly int PassageRank = Index(nameof(PassageRank));
        public static readonly int PassageRelevance = Index(nameof(PassageRelevance));
        public static readonly int PassageCoverage = Index(nameof(PassageCoverage));
        public static readonly int PassageWording = Index(nameof(PassageWording));
        public static readonly int PassageLead = Index(nameof(PassageLead));
        public static readonly int PassageNames = Index(nameof(PassageNames));
        public static readonly int Coverage = Index(nameof(Coverage));
        public static readonly int CoverageGap = Index(nameof(CoverageGap));
        public static readonly int CoverageRank = Index(nameof(CoverageRank));
        public static readonly int StrongShare = Index(nameof(StrongShare));
        public static readonly int SoftShare = Index(nameof(SoftShare));
        public static readonly int WeakShare = Index(nameof(WeakShare));
        public static readonly int TopGroup = Index(nameof(TopGroup));
        public static readonly int Names = Index(nameof(Names));
        public static readonly int Wording = Index(nameof(Wording));
        public static readonly int WordingGap = Index(nameof(WordingGap));
        public static readonly int Lead = Index(nameof(Lead));
        public static readonly int FirstMatch = Index(nameof(FirstMatch));
        public static readonly int MatchSpread = Index(nameof(MatchSpread));
        public static readonly int Novelty = Index(nameof(Novelty));
        public static readonly int CharWeight = Index(nameof(CharWeight));
        public static readonly int BigramWeight = Index(nameof(BigramWeight));
        public static readonly int BigramWeightGap = Index(nameof(BigramWeightGap));
        public static readonly int CommonRun = Index(nameof(CommonRun));
        public static readonly int CommonRunGap = Index(nameof(CommonRunGap));
        public static readonly int LocalGroups = Index(nameof(LocalGroups));
        public static readonly int LocalGroupsGap = Index(nameof(LocalGroupsGap));
        public static readonly int LocalBigrams = Index(nameof(LocalBigrams));
        public static readonly int LocalBigramsGap = Index(nameof(LocalBigramsGap));
        public static readonly int LocalCharacters = Index(nameof(LocalCharacters));
        public static readonly int Asked = Index(nameof(Asked));
        public static readonly int AskedGap = Index(nameof(AskedGap));
        public static readonly int HasKind = Index(nameof(HasKind));
        public static readonly int KindCount = Index(nameof(KindCount));
        public static readonly int KindNearness = Index(nameof(KindNearness));
        public static readonly int ClauseCoverage = Index(nameof(ClauseCoverage));
        public static readonly int ClauseNames = Index(nameof(ClauseNames));
        public static readonly int ClauseAsked = Index(nameof(ClauseAsked));
        public static readonly int Restates = Index(nameof(Restates));
        public static readonly int Defines = Index(nameof(Defines));
        public static readonly int GivesName = Index(nameof(GivesName));
        public static readonly int SentenceIndex = Index(nameof(SentenceIndex));
        public static readonly int SentenceShare = Index(nameof(SentenceShare));
        public static readonly int Length = Index(nameof(Length));
        public static readonly int LeansBack = Index(nameof(LeansBack));
        public static readonly int RefersBack = Index(nameof(RefersBack));
        public static readonly int PreviousCoverage = Index(nameof(PreviousCoverage));
        public static readonly int NextCoverage = Index(nameof(NextCoverage));
        public static readonly int TopicFirst = Index(nameof(TopicFirst));
        public static readonly int English = Index(nameof(English));
        public static readonly int KindPerson = Index(nameof(KindPerson));
        public static readonly int KindPlace = Index(nameof(KindPlace));
        public static readonly int KindNumber = Index(nameof(KindNumber));
        public static readonly int KindDate = Index(nameof(KindDate));
        public static readonly int KindWhyHow = Index(nameof(KindWhyHow));
        public static readonly int KindThing = Index(nameof(KindThing));
        public static readonly int KindOpen = Index(nameof(KindOpen));
        public static readonly int StrongCount = Index(nameof(StrongCount));
        public static readonly int NameCount = Index(nameof(NameCount));
        public static readonly int MissingShare = Index(nameof(MissingShare));
        public static readonly int Candidates = Index(nameof(Candidates));
    }

    private static readonly Dictionary<string, int> s_index = Names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);

    /// <summary>The position of a feature in the vectors.</summary>
    public static int Index(string name) => s_index.TryGetValue(name, out var i) ? i : throw new ArgumentException($"No feature '{name}'.", nameof(name));

    private sealed record Measures(int PassageIndex, int SentenceIndex, string Sentence, string Folded, double Coverage, double Wording, float[] Features);

    private static Measures Measure(QuestionReading question, int p, ReadPassage passage, int s, double[] coverages, (double Wording, double Lead, double Names) ofPassage, SentenceMentions mentions)
    {
        var (sentence, folded) = passage.Sentences[s];
        var plan = question.Plan;
        var f = new float[Count];
        void Set(int at, double value) => f[at] = (float)value;

        Set(At.PassageRank, p);
        Set(At.PassageRelevance, passage.Relevance);
        Set(At.PassageCoverage, passage.Coverage);
        Set(At.PassageWording, ofPassage.Wording);
        Set(At.PassageLead, ofPassage.Lead);
        Set(At.PassageNames, ofPassage.Names);

        // Which question words the sentence holds, and where: the answer usually sits beside them.
        var spans = new List<(int Start, int End)>();
        double strongMatched = 0, softMatched = 0, weakMatched = 0;
        for (var g = 0; g < plan.Groups.Count; g++)
        {
            var group = plan.Groups[g];
            var match = CoverageMeter.GroupMatch(group, folded);
            if (match <= 0)
            {
                continue;
            }

            switch (group.Strength)
            {
                case GroupStrength.Strong:
                    strongMatched += match;
                    break;
                case GroupStrength.Soft:
                    softMatched += match;
                    break;
                default:
                    weakMatched += match;
                    break;
            }

            AddSpans(group, folded, spans);
        }

        var coverage = coverages[s];
        var wording = question.Bigrams.Count == 0 ? coverage : QuestionBigrams.ShareIn(question.Bigrams, folded);
        Set(At.Coverage, coverage);
        Set(At.StrongShare, question.Strong.Count == 0 ? 0 : strongMatched / question.Strong.Count);
        Set(At.SoftShare, question.Soft.Count == 0 ? 0 : softMatched / question.Soft.Count);
        Set(At.WeakShare, question.Weak.Count == 0 ? 0 : weakMatched / question.Weak.Count);
        Set(At.TopGroup, question.Strong.Count == 0 ? 0 : CoverageMeter.GroupMatch(question.Strong[0], folded));
        Set(At.Names, NameShare(question, folded));
        Set(At.Wording, wording);
        Set(At.Lead, QuestionBigrams.ShareIn(question.LeadBigrams, folded));
        var length = Math.Max(1, folded.Length);
        Set(At.FirstMatch, spans.Count == 0 ? 1 : spans.Min(x => x.Start) / (double)length);
        Set(At.MatchSpread, spans.Count == 0 ? 0 : (spans.Max(x => x.End) - spans.Min(x => x.Start)) / (double)length);
        Set(At.Novelty, Novelty(folded, spans));
        Set(At.CharWeight, WeightedShare(question.CharacterWeights, folded));
        Set(At.BigramWeight, WeightedShare(question.BigramWeights, folded));
        Set(At.CommonRun, question.Content.Length == 0 ? 0 : LongestCommonRun(question.Content, folded) / (double)Math.Max(2, question.Bigrams.Count + 1));

        // The kind asked for: a new mention of it (one the question does not name), and how near the matched words.
        // One pass and no list: this runs for every sentence of every passage read (a list per sentence was a tenth
        // of a warm answer's time, most of it in the collections it made for the GC).
        var kind = new KindMeasures();
        if (question.KindKnown)
        {
            var anyMention = question.Kind is AnswerKind.Reason or AnswerKind.Manner or AnswerKind.Definition;
            var answering = mentions.Answering(question.Kind, folded);
            for (var i = 0; i < answering.Count; i++)
            {
                var m = answering[i];
                if (anyMention || !plan.Folded.Contains(m.Core, StringComparison.Ordinal))
                {
                    kind.Add(question, folded, m, spans);
                }
            }
        }

        var givesName = question.AsksForName && mentions.Namings(folded).Any(m => !plan.Folded.Contains(m.Core, StringComparison.Ordinal));
        var hasKind = givesName || kind.Count > 0 || !question.KindKnown;
        Set(At.HasKind, hasKind ? 1 : 0);
        Set(At.KindCount, Math.Min(5, kind.Count));
        Set(At.KindNearness, kind.Count == 0 || spans.Count == 0 ? 0 : kind.Nearness);
        Set(At.ClauseCoverage, kind.Count == 0 ? 0 : kind.ClauseCoverage);
        Set(At.ClauseNames, kind.Count == 0 ? 0 : kind.ClauseNames);
        Set(At.ClauseAsked, kind.Count == 0 ? 0 : question.AskedAbout.Count == 0 ? 1 : kind.ClauseAsked);
        Set(At.Restates, question.KindKnown && !hasKind && coverage >= 0.5 ? 1 : 0);
        Set(At.Defines, question.Kind == AnswerKind.Definition && Defines(question, folded) ? 1 : 0);
        Set(At.GivesName, givesName ? 1 : 0);

        Set(At.SentenceIndex, s);
        Set(At.SentenceShare, passage.Sentences.Count <= 1 ? 0 : s / (double)(passage.Sentences.Count - 1));
        Set(At.Length, Math.Log(1 + sentence.Length));
        Set(At.LeansBack, mentions.LeansOnPrevious(folded) ? 1 : 0);
        Set(At.RefersBack, mentions.RefersToSomeoneBefore(folded) ? 1 : 0);
        Set(At.PreviousCoverage, s > 0 ? coverages[s - 1] : 0);
        Set(At.NextCoverage, s + 1 < coverages.Length ? coverages[s + 1] : 0);
        Set(At.TopicFirst, TopicFirst(question, folded));

        Set(At.English, question.English ? 1 : 0);
        Set(At.KindPerson, question.Kind is AnswerKind.Person or AnswerKind.Organisation ? 1 : 0);
        Set(At.KindPlace, question.Kind == AnswerKind.Place ? 1 : 0);
        Set(At.KindNumber, question.Kind is AnswerKind.Number or AnswerKind.Age or AnswerKind.Duration ? 1 : 0);
        Set(At.KindDate, question.Kind == AnswerKind.Date ? 1 : 0);
        Set(At.KindWhyHow, question.Kind is AnswerKind.Reason or AnswerKind.Manner or AnswerKind.Definition ? 1 : 0);
        Set(At.KindThing, question.Kind == AnswerKind.NamedThing ? 1 : 0);
        Set(At.KindOpen, question.Kind is AnswerKind.Any or AnswerKind.YesNo ? 1 : 0);
        Set(At.StrongCount, question.Strong.Count);
        Set(At.NameCount, question.Names.Count);
        Set(At.MissingShare, question.MissingShare);
        return new Measures(p, s, sentence, folded, coverage, wording, f);
    }

    /// <summary>Where each matched alternative (or, for a long word matched in part, each of its pairs) sits in the sentence.</summary>
    private static void AddSpans(QueryGroup group, string folded, List<(int Start, int End)> spans)
    {
        for (var a = 0; a < group.Alternatives.Count; a++)
        {
            var alternative = group.Alternatives[a];
            if (alternative.Length == 0)
            {
                continue;
            }

            var found = false;
            for (var at = folded.IndexOf(alternative, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(alternative, at + alternative.Length, StringComparison.Ordinal))
            {
                spans.Add((at, at + alternative.Length));
                found = true;
            }

            if (!found && group.Bigrams[a] is { } bigrams)
            {
                foreach (var bigram in bigrams)
                {
                    var at = folded.IndexOf(bigram, StringComparison.Ordinal);
                    if (at >= 0)
                    {
                        spans.Add((at, at + 2));
                    }
                }
            }
        }
    }

    /// <summary>The share of the question's names a folded text holds; 1 when the question names nothing.</summary>
    public static double NameShare(QuestionReading question, string folded)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(folded);
        return question.Names.Count == 0 ? 1 : question.Names.Count(g => CoverageMeter.GroupMatch(g, folded) > 0) / (double)question.Names.Count;
    }

    /// <summary>The weighted share of the question's characters (or pairs) the sentence holds; 0 when the question has none.</summary>
    private static double WeightedShare(IReadOnlyList<(string Text, double Weight)> weighted, string folded)
    {
        double total = 0, found = 0;
        foreach (var (text, weight) in weighted)
        {
            total += weight;
            found += folded.Contains(text, StringComparison.Ordinal) ? weight : 0;
        }

        return total == 0 ? 0 : found / total;
    }

    /// <summary>
    /// The longest run of Chinese characters the question's content and the sentence share: a question written from a
    /// sentence keeps its phrases whole.
    /// </summary>
    private static int LongestCommonRun(string content, string folded)
    {
        var previous = new int[folded.Length + 1];
        var current = new int[folded.Length + 1];
        var best = 0;
        foreach (var c in content)
        {
            for (var j = 1; j <= folded.Length; j++)
            {
                current[j] = CharClass.IsHan(c) && folded[j - 1] == c ? previous[j - 1] + 1 : 0;
                best = Math.Max(best, current[j]);
            }

            (previous, current) = (current, previous);
        }

        return best;
    }

    private static readonly char[] s_clauseBreaks = ['，', ',', '；', ';', '。', '：', ':', '、', '！', '？', '!', '?'];

    /// <summary>The new mentions of the kind asked for in one sentence: how many, and the best of each measure over them.</summary>
    private struct KindMeasures
    {
        public int Count;
        public double Nearness, ClauseCoverage, ClauseNames, ClauseAsked;

        public void Add(QuestionReading question, string folded, Mention mention, List<(int Start, int End)> spans)
        {
            var clause = ClauseOf(folded, mention);
            var nearness = spans.Count == 0 ? 0 : SentenceFeatures.Nearness(mention, spans);
            var coverage = SentenceFeatures.ClauseCoverage(question, question.Strong, clause);
            var names = NameShare(question, clause);
            var asked = question.AskedAbout.Count == 0 ? 1 : SentenceFeatures.ClauseCoverage(question, question.AskedAbout, clause);
            var first = Count++ == 0;
            Nearness = first ? nearness : Math.Max(Nearness, nearness);
            ClauseCoverage = first ? coverage : Math.Max(ClauseCoverage, coverage);
            ClauseNames = first ? names : Math.Max(ClauseNames, names);
            ClauseAsked = first ? asked : Math.Max(ClauseAsked, asked);
        }
    }

    /// <summary>
    /// The clause a mention stands in (between punctuation): a figure or a name in a clause about someone else (…from
    /// A's value of 5 trillion, to B…) is said of that one, not of the question's subject.
    /// </summary>
    private static string ClauseOf(string folded, Mention mention)
    {
        var start = mention.Start == 0 ? 0 : folded.LastIndexOfAny(s_clauseBreaks, mention.Start - 1) + 1;
        var end = folded.IndexOfAny(s_clauseBreaks, Math.Min(folded.Length, mention.Start + mention.Length));
        return folded[start..(end < 0 ? folded.Length : end)];
    }

    /// <summary>The share (by weight) of some of the question's groups that a clause holds.</summary>
    private static double ClauseCoverage(QuestionReading question, IReadOnlyList<QueryGroup> groups, string clause)
    {
        double total = 0, covered = 0;
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            total += group.Weight;
            covered += group.Weight * CoverageMeter.GroupMatch(group, clause);
        }

        return total == 0 ? 0 : covered / total;
    }

    /// <summary>1 when the mention touches a matched word, falling with the characters between them.</summary>
    private static double Nearness(Mention mention, List<(int Start, int End)> spans)
    {
        var best = int.MaxValue;
        foreach (var (start, end) in spans)
        {
            var gap = mention.Start >= end ? mention.Start - end : start >= mention.Start + mention.Length ? start - (mention.Start + mention.Length) : 0;
            best = Math.Min(best, gap);
        }

        return 1 / (1 + (best / 8.0));
    }

    /// <summary>The share of the sentence's letters that no question word covers: what it says beyond the question.</summary>
    private static double Novelty(string folded, List<(int Start, int End)> spans)
    {
        var letters = 0;
        var covered = 0;
        for (var i = 0; i < folded.Length; i++)
        {
            if (!char.IsLetterOrDigit(folded[i]))
            {
                continue;
            }

            letters++;
            foreach (var (start, end) in spans)
            {
                if (i >= start && i < end)
                {
                    covered++;
                    break;
                }
            }
        }

        return letters == 0 ? 0 : 1 - (covered / (double)letters);
    }

    /// <summary>Where the question's topic (its weightiest word, or its lead phrase) first appears, as a share of the sentence; 1 when it does not.</summary>
    private static double TopicFirst(QuestionReading question, string folded)
    {
        var best = folded.Length;
        if (question.Strong.Count > 0)
        {
            foreach (var alternative in question.Strong[0].Alternatives)
            {
                var at = alternative.Length == 0 ? -1 : folded.IndexOf(alternative, StringComparison.Ordinal);
                if (at >= 0)
                {
                    best = Math.Min(best, at);
                }
            }
        }

        return folded.Length == 0 ? 1 : best / (double)folded.Length;
    }

    /// <summary>True when a folded sentence opens with one of the question's strong words and goes on to say what it is (是, 为, 指, a bracket).</summary>
    private static bool Defines(QuestionReading question, string folded)
    {
        var text = folded.TrimStart(' ', '　', '“', '「', '"');
        for (var g = 0; g < question.Strong.Count; g++)
        {
            var group = question.Strong[g];
            foreach (var term in group.Alternatives)
            {
                if (term.Length > 0 && text.Length > term.Length && text.StartsWith(term, StringComparison.Ordinal)
                    && "是为指（(，,：:又".Contains(text[term.Length], StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
