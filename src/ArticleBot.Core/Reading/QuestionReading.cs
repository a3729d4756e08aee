using ArticleBot.Core.Language.Mentions;
using ArticleBot.Core.Language.Questions;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.Reading;

/// <summary>
/// What the reader knows of a question before it looks at any sentence: its analysed content (the query plan), the
/// kind of answer it asks for, its language, its Chinese wording (character pairs), and what of it the corpus lacks.
/// Computed once per question and shared by every candidate sentence.
/// </summary>
public sealed class QuestionReading
{
    /// <summary>
    /// Reads a question from its plan; <paramref name="inCorpus"/> says whether a folded string occurs in the corpus,
    /// <paramref name="idf"/> how rare it is there (every word counts the same without it), <paramref name="isName"/>
    /// whether a folded word is a known proper name (a dictionary's; the recognisers and capitals only without it).
    /// </summary>
    public QuestionReading(QueryPlan plan, Func<string, bool> inCorpus, Func<string, float>? idf = null, Func<string, bool>? isName = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(inCorpus);
        Plan = plan;
        Kind = AnswerKindClassifier.Classify(plan.Folded);
        English = !plan.Folded.Any(CharClass.IsHan);
        AsksForName = NamingRecognizer.AsksForName(plan.Folded);
        Strong = [.. plan.Groups.Where(g => g.Strength == GroupStrength.Strong).OrderByDescending(g => g.Weight)];
        Soft = [.. plan.Groups.Where(g => g.Strength == GroupStrength.Soft)];
        Weak = [.. plan.Groups.Where(g => g.Strength == GroupStrength.Weak && g.InCorpus)];
        foreach (var group in plan.Groups)
        {
            var weight = CoverageMeter.CoverageWeight(group);
            TotalWeight += weight;
            MissingWeight += group.InCorpus ? 0 : weight;
        }

        Bigrams = QuestionBigrams.Of(plan.Folded);
        LeadBigrams = QuestionBigrams.OfLead(plan.Folded);
        CorpusWording = Bigrams.Count == 0 ? 1 - MissingShare : Bigrams.Count(inCorpus) / (double)Bigrams.Count;
        UnseenChain = QuestionBigrams.LongestUnseenChain(plan.Folded, inCorpus);
        LeadUnseenChain = QuestionBigrams.LongestUnseenChain(QuestionBigrams.LeadPhrase(plan.Folded), inCorpus);
        Content = QuestionBigrams.Content(plan.Folded);
        var characters = Content.Where(CharClass.IsHan).Distinct().Select(c => c.ToString()).ToList();
        CharacterWeights = [.. characters.Select(c => (c, Weight(c, idf)))];
        BigramWeights = [.. Bigrams.Select(b => (b, Weight(b, idf)))];
        AskedAbout = AskedAboutOf(plan);
        Names = NamesOf(plan, Strong, isName);
    }

    /// <summary>
    /// The strong groups that are names (a person, a place, an organisation, a title): what a near miss swaps. A name
    /// is one the recognisers find in the question, one the dictionary knows, or an English word written with a capital
    /// after the first word.
    /// </summary>
    private static IReadOnlyList<QueryGroup> NamesOf(QueryPlan plan, IReadOnlyList<QueryGroup> strong, Func<string, bool>? isName)
    {
        var mentions = NameRecognizer.Find(plan.Folded).Where(m => m.Kind is not AnswerKind.Any).Select(m => m.Core).Where(c => c.Length >= 2).ToList();
        var capitalised = plan.Question.Split([' ', '?', '!', ',', '.', '"', '“', '”', '(', ')', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Skip(1).Where(w => w.Length > 1 && char.IsUpper(w[0])).Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        return [.. strong.Where(g => g.Label.Length >= 2 && (
            mentions.Any(m => m.Contains(g.Label, StringComparison.Ordinal) || g.Label.Contains(m, StringComparison.Ordinal))
            || isName?.Invoke(g.Label) == true
            || g.Label.Split(' ').Any(capitalised.Contains)))];
    }

    /// <summary>The strong groups that are names.</summary>
    public IReadOnlyList<QueryGroup> Names { get; }

    private static readonly string[] s_chineseQuestionWords = WordLists.Load("question-words.chinese-question-words");
    private static readonly string[] s_englishQuestionWords = WordLists.Load("question-words.english-question-words");

    /// <summary>
    /// The groups of the question's words that stand beside its question word (目标 in 杂志的目标是什么, color in "what
    /// color is"): what is asked of the topic, as opposed to the topic itself, which the whole article is about.
    /// </summary>
    private static IReadOnlyList<QueryGroup> AskedAboutOf(QueryPlan plan)
    {
        var folded = QuestionClause.Main(plan.Folded);
        var chinese = folded.Any(CharClass.IsHan);
        var at = -1;
        var length = 0;
        foreach (var word in chinese ? s_chineseQuestionWords : s_englishQuestionWords)
        {
            var found = chinese ? folded.IndexOf(word, StringComparison.Ordinal) : WordIndex(folded, word);
            if (found >= 0 && (at < 0 || found < at))
            {
                at = found;
                length = word.Length;
            }
        }

        if (at < 0)
        {
            return [];
        }

        // Four characters either side in Chinese; the three words after it in English ("what kind of tree").
        var window = chinese
            ? folded[Math.Max(0, at - 4)..Math.Min(folded.Length, at + length + 4)]
            : string.Join(' ', folded[(at + length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3));
        return [.. plan.Groups.Where(g => g.Strength != GroupStrength.Weak && (window.Contains(g.Label, StringComparison.Ordinal) || (chinese && g.Label.Length >= 2 && Bigram(g.Label, window))))];
    }

    private static bool Bigram(string label, string window)
    {
        for (var i = 0; i + 1 < label.Length; i++)
        {
            if (window.Contains(label.AsSpan(i, 2), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static int WordIndex(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetter(text[at - 1])) && (end == text.Length || !char.IsLetter(text[end])))
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>The groups beside the question word: what is asked of the topic.</summary>
    public IReadOnlyList<QueryGroup> AskedAbout { get; }

    /// <summary>A word's weight: its rarity in the corpus; a word the corpus lacks weighs like the rarest (its absence is what counts).</summary>
    private static double Weight(string word, Func<string, float>? idf) =>
        idf is null ? 1 : Math.Max(0.1, idf(word));

    /// <summary>The folded question without stop words and question words.</summary>
    public string Content { get; }

    /// <summary>The question's distinct Chinese characters with their weights.</summary>
    public IReadOnlyList<(string Character, double Weight)> CharacterWeights { get; }

    /// <summary>Its character pairs with their weights.</summary>
    public IReadOnlyList<(string Bigram, double Weight)> BigramWeights { get; }

    /// <summary>The analysed question.</summary>
    public QueryPlan Plan { get; }

    /// <summary>The kind of answer asked for.</summary>
    public AnswerKind Kind { get; }

    /// <summary>True when the kind has a recogniser (a date, a place, a number …), so a sentence can be checked for one.</summary>
    public bool KindKnown => Kind is not (AnswerKind.Any or AnswerKind.YesNo);

    /// <summary>True when the question holds no Chinese at all: it is answered across languages, through glosses.</summary>
    public bool English { get; }

    /// <summary>True when it asks what something is called.</summary>
    public bool AsksForName { get; }

    /// <summary>The strong groups (content words, names, numbers), weightiest first.</summary>
    public IReadOnlyList<QueryGroup> Strong { get; }

    /// <summary>The soft groups (verbs).</summary>
    public IReadOnlyList<QueryGroup> Soft { get; }

    /// <summary>The weak groups the corpus has (lone characters, loose glosses).</summary>
    public IReadOnlyList<QueryGroup> Weak { get; }

    /// <summary>The question's coverage weight (strong groups, soft ones at half).</summary>
    public double TotalWeight { get; }

    /// <summary>The part of that weight the corpus lacks entirely.</summary>
    public double MissingWeight { get; }

    /// <summary>The share of the question's content the corpus lacks.</summary>
    public double MissingShare => TotalWeight == 0 ? 1 : MissingWeight / TotalWeight;

    /// <summary>The question's content character pairs.</summary>
    public IReadOnlyList<string> Bigrams { get; }

    /// <summary>The character pairs of its first content phrase (what a Chinese question is about).</summary>
    public IReadOnlyList<string> LeadBigrams { get; }

    /// <summary>The share of its character pairs the corpus writes somewhere (the content coverage for English).</summary>
    public double CorpusWording { get; }

    /// <summary>The longest chain of adjacent character pairs the corpus never writes: a name or term it lacks.</summary>
    public int UnseenChain { get; }

    /// <summary>The same within the lead phrase.</summary>
    public int LeadUnseenChain { get; }
}
