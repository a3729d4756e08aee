using System.Text;
using ArticleBot.Core.Language.English;
using ArticleBot.Core.Language.Segmentation;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.Language.Questions;

/// <summary>
/// Turns a question in Traditional or Simplified Chinese or English into a <see cref="QueryPlan"/>:
/// stop words removed, Chinese segmented against the corpus's own vocabulary, English words mapped to the
/// corpus's Chinese words through CC-CEDICT glosses and pinyin, numbers kept whole.
/// </summary>
public sealed partial class QueryAnalyzer
{
    /// <summary>Longer questions are cut to this many folded characters before analysis.</summary>
    public const int MaxQueryChars = 1000;

    private const int MaxTerms = 512;
    private const int MaxExpansionsPerWord = 6;

    /// <summary>The shortest run of unpaired characters taken as one missing word rather than loose characters.</summary>
    private const int MinUnseenRun = 3;

    /// <summary>The weight of such a run, as a share of the weight of a word the corpus lacks entirely.</summary>
    private const float UnseenRunShare = 0.35f;

    private readonly ScriptFolding _folder;
    private readonly IIndexVocabulary _vocabulary;
    private readonly Lazy<EnglishLexicon> _lexicon;

    /// <summary>Creates an analyzer over an index's vocabulary.</summary>
    public QueryAnalyzer(ScriptFolding folder, IIndexVocabulary vocabulary, Lazy<EnglishLexicon> lexicon)
    {
        _folder = folder;
        _vocabulary = vocabulary;
        _lexicon = lexicon;
    }

    /// <summary>Analyses a question.</summary>
    public QueryPlan Analyze(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var folded = TextCut.AtMost(_folder.Fold(TextCut.AtMost(question, MaxQueryChars * 2)), MaxQueryChars);

        var builder = new PlanBuilder(_vocabulary);
        var content = ClaimFrameRegex().Replace(AnswerKindRegex().Replace(RemoveChineseStopWords(folded), " "), " ");
        foreach (var run in TermScanner.HanRuns(content))
        {
            AddChineseRun(builder, run);
        }

        AddWordsAndNumbers(builder, question, content);
        if (AskAboutAuthor(folded))
        {
            // "Who wrote it?": the byline answers, and bylines name the author with these words;
            // "wrote"/"写" then only restate the question.
            builder.Groups.RemoveAll(g => s_writingWords.Contains(g.Label));
            builder.AddChineseTerms("作者", 1f);
            builder.AddGroup("作者", ["作者", "记者", "撰文"], GroupStrength.Strong);
        }

        return new QueryPlan(question, folded, builder.Groups, builder.Terms(MaxTerms), DetectAnswerType(QuestionClause.Main(folded)));
    }

    private static string RemoveChineseStopWords(string folded)
    {
        var builder = new StringBuilder(folded);
        foreach (var stop in StopWords.Chinese)
        {
            builder.Replace(stop, " ");
        }

        return builder.ToString();
    }

    /// <summary>
    /// Greedy segmentation against the index: the longest chain of characters whose every bigram is an index term
    /// is one word. Characters that form no bigram are either weak single characters or, when the corpus lacks
    /// them entirely, a missing word ("苹果" in a question about Apple).
    /// </summary>
    private void AddChineseRun(PlanBuilder builder, string run)
    {
        var characters = TermScanner.Characters(run);
        var pending = new List<string>();
        var i = 0;
        while (i < characters.Count)
        {
            var end = i;
            while (end + 1 < characters.Count && _vocabulary.Contains(characters[end] + characters[end + 1]))
            {
                end++;
            }

            if (end == i)
            {
                pending.Add(characters[i]);
                i++;
                continue;
            }

            FlushPending(builder, pending);
            var word = string.Concat(characters.Skip(i).Take(end - i + 1));
            builder.AddWord(word, [word], _lexicon.Value.IsVerb(word) ? GroupStrength.Soft : GroupStrength.Strong, termWeight: 1f);
            i = end + 1;
        }

        FlushPending(builder, pending);
    }

    private void FlushPending(PlanBuilder builder, List<string> pending)
    {
        if (pending.Count == 0)
        {
            return;
        }

        if (pending.Count >= 2 && TakeSynonyms(builder, pending) is { } rest)
        {
            // Paraphrased words found their article words; what is left of the run is handled as before.
            pending.Clear();
            foreach (var part in rest)
            {
                pending.AddRange(part);
                FlushPending(builder, pending);
            }

            return;
        }

        var unknown = pending.Count(c => !_vocabulary.Contains(c));
        if (unknown > 0)
        {
            // Each character the corpus never uses is evidence the question is about something it lacks.
            builder.AddMissing(string.Concat(pending), Math.Min(1f, 0.35f * unknown));
        }
        else if (pending.Count >= MinUnseenRun)
        {
            // Three or more characters the corpus writes, but never two of them side by side (九龍灣 in an article
            // that has 九, 龍 and 灣 elsewhere): a name or term the article lacks, not three loose characters.
            foreach (var character in pending)
            {
                builder.AddTerm(character, 0.3f);
            }

            builder.AddMissing(string.Concat(pending), UnseenRunShare);
        }
        else
        {
            foreach (var character in pending)
            {
                builder.AddWord(character, [character], GroupStrength.Weak, termWeight: 0.3f);
            }
        }

        pending.Clear();
    }

    /// <summary>
    /// A question's word the corpus never writes, whose first meaning a corpus word shares (去世 for the article's
    /// 离世): a group whose alternatives are the article's words. Returns the runs of characters left around the words
    /// found, or null when none was.
    /// </summary>
    private List<List<string>>? TakeSynonyms(PlanBuilder builder, List<string> pending)
    {
        var rest = new List<List<string>> { new() };
        var found = false;
        for (var i = 0; i < pending.Count;)
        {
            var taken = 0;
            for (var length = Math.Min(4, pending.Count - i); length >= 2 && taken == 0; length--)
            {
                var word = string.Concat(pending.Skip(i).Take(length));
                var synonyms = _lexicon.Value.SynonymsInCorpus(word);
                if (synonyms.Count > 0)
                {
                    foreach (var synonym in synonyms)
                    {
                        builder.AddChineseTerms(synonym, 0.7f);
                    }

                    builder.AddGroup(word, [.. synonyms], _lexicon.Value.IsVerb(synonyms[0]) ? GroupStrength.Soft : GroupStrength.Strong);
                    taken = length;
                }
            }

            if (taken > 0)
            {
                found = true;
                rest.Add([]);
                i += taken;
            }
            else
            {
                rest[^1].Add(pending[i]);
                i++;
            }
        }

        return found ? [.. rest.Where(r => r.Count > 0)] : null;
    }

    private void AddWordsAndNumbers(PlanBuilder builder, string question, string content)
    {
        var scanned = new List<ScannedTerm>();
        TermScanner.Scan(content, scanned, unigrams: false);
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in scanned.Where(t => t.Kind == TermKind.Number))
        {
            builder.AddTerm(term.Text, 1.2f);
            var bare = term.Text.TrimEnd('%');
            if (term.Text.EndsWith('%') || bare.All(c => char.IsAsciiDigit(c) || c == '.'))
            {
                if (numbers.Add(term.Text))
                {
                    builder.AddWord(term.Text, [term.Text], GroupStrength.Strong, termWeight: 0f);
                }
            }
        }

        var words = new List<(int Index, string Word)>();
        foreach (var term in scanned.Where(t => t.Kind == TermKind.Word && !StopWords.English.Contains(t.Text)))
        {
            if (EnglishNumbers.TryParse(term.Text, question, out var value))
            {
                // "ten times" means what the article writes as 10倍; "Super Bowl XLIX" its 第49届 or 第四十九届.
                var digits = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                builder.AddTerm(digits, 1.2f);
                var chinese = value < 10000 ? EnglishNumbers.ToChinese(value) : digits;
                builder.AddChineseTerms(chinese, 0.6f);
                builder.AddWord(digits, chinese.Length > 1 ? [digits, chinese] : [digits], GroupStrength.Strong, termWeight: 0f);
            }
            else if (term.Text.Length > 1 && !term.Text.All(char.IsAsciiDigit))
            {
                words.Add((words.Count, term.Text));
            }
        }

        if (words.Count > 0)
        {
            ExpandEnglish(builder, words, CapitalizedWords(question));
        }
    }

    /// <summary>
    /// English words: phrases first ("spring festival"), then full names, then single words through their glosses,
    /// then names by pinyin. A word the corpus also has in Latin script (OpenAI, platform) matches as itself too.
    /// </summary>
    private void ExpandEnglish(PlanBuilder builder, List<(int Index, string Word)> words, HashSet<string> capitalized)
    {
        var lexicon = _lexicon.Value;
        var senses = new List<(string Label, List<Expansion> Expansions, string? Latin)>();
        var stems = words.Select(w => EnglishLexicon.Stem(EnglishIrregulars.Base(w.Word))).ToArray();
        var used = new bool[words.Count];
        for (var length = 3; length >= 2; length--)
        {
            for (var start = 0; start + length <= words.Count; start++)
            {
                if (Enumerable.Range(start, length).Any(k => used[k]) || words[start + length - 1].Index - words[start].Index != length - 1)
                {
                    continue;
                }

                var expansions = lexicon.Lookup(string.Join(' ', stems.Skip(start).Take(length)));
                if (expansions.Count > 0)
                {
                    var label = string.Join(' ', words.Skip(start).Take(length).Select(w => w.Word));
                    senses.Add((label, [.. expansions], null));
                    for (var k = start; k < start + length; k++)
                    {
                        used[k] = true;
                    }
                }
            }
        }

        MergeNames(senses, lexicon, words, capitalized, used);
        for (var k = 0; k < words.Count; k++)
        {
            if (used[k])
            {
                continue;
            }

            var word = words[k].Word;
            var latin = _vocabulary.Contains(word);
            var expansions = lexicon.Lookup(stems[k]).ToList();
            if (expansions.Count == 0 && !latin && !capitalized.Contains(word))
            {
                // A form the dictionary glosses under another ("primality" under "prime"), or, for a word no gloss
                // uses, the word it is one slip from ("coruption"): less surely.
                expansions.AddRange(EnglishDerivations.Lookup(lexicon, word));
                if (expansions.Count == 0 && !lexicon.KnowsEnglish(word))
                {
                    expansions.AddRange(EnglishTypos.Lookup(lexicon, word));
                }
            }

            var place = EnglishDemonyms.Place(word);
            if (place is not null)
            {
                // An adjective of nationality: the glosses of its place, never a transliteration of the adjective.
                expansions.AddRange(lexicon.Lookup(string.Join(' ', place.Split(' ').Select(EnglishLexicon.Stem))));
            }
            else if (!latin && (expansions.Count == 0 || capitalized.Contains(word)))
            {
                var sounds = lexicon.Transliterate(word, capitalized.Contains(word));
                // A word CC-CEDICT translates (Beijing → 北京) whose translation the article never writes is not spelled
                // by the article's 背景, which only sounds like it: only a name-like transliteration may stand in.
                expansions.AddRange(expansions.Count == 0 && lexicon.KnowsEnglish(word) ? sounds.Where(e => SoundSkeleton.LooksTransliterated(e.Chinese)) : sounds);
            }

            if (expansions.Count > 0)
            {
                senses.Add((word, expansions, latin ? word : null));
            }
            else if (latin)
            {
                builder.AddWord(word, [word], GroupStrength.Strong, termWeight: 1.5f);
            }
            else if (lexicon.KnowsEnglish(word))
            {
                // Translatable, yet the corpus has no translation: evidence the article does not cover it.
                builder.AddMissing(word, 0.5f);
            }
            else
            {
                // Not even the dictionary knows it: most often a name typed in lower case ("horton"), sometimes a new
                // word ("chatbot"). Either way it is what the question is about, so it counts, with a small weight.
                builder.AddMissing(word, 0.5f);
            }
        }

        ChooseSenses(senses, builder.Groups);
        foreach (var (label, expansions, latin) in senses)
        {
            AddExpansions(builder, label, expansions, latin);
        }
    }

    /// <summary>
    /// Sense choice: an English word's glosses are narrowed to those that share a passage with the question's other
    /// words ("register" → 登记 or 寄存器, whichever the article writes near the rest of the question), so a sense
    /// the article uses elsewhere does not pull in unrelated passages. A word whose glosses share no passage with
    /// the rest, or a question of one word, keeps them all.
    /// </summary>
    private void ChooseSenses(List<(string Label, List<Expansion> Expansions, string? Latin)> senses, List<QueryGroup> chinese)
    {
        for (var i = 0; i < senses.Count; i++)
        {
            var candidates = senses[i].Expansions.Select(e => e.Chinese).Distinct(StringComparer.Ordinal).ToList();
            if (candidates.Count < 2)
            {
                continue;
            }

            var context = senses.Where((_, k) => k != i).SelectMany(x => x.Expansions.Select(e => e.Chinese).Append(x.Latin ?? string.Empty))
                .Concat(chinese.Where(g => g.Strength == GroupStrength.Strong).SelectMany(g => g.Alternatives))
                .Where(c => c.Length >= 2 && _vocabulary.Contains(c)).Distinct(StringComparer.Ordinal).ToList();
            if (context.Count == 0)
            {
                continue;
            }

            var together = candidates.Where(c => _vocabulary.SharesAPassage(c, context)).ToHashSet(StringComparer.Ordinal);
            // Only whole words narrow the senses: a lone character (亮 for "show") shares a passage with almost anything.
            if (together.Any(c => c.Length >= 2) && together.Count < candidates.Count)
            {
                senses[i] = senses[i] with { Expansions = [.. senses[i].Expansions.Where(e => together.Contains(e.Chinese))] };
            }
        }
    }

    /// <summary>
    /// A full name ("Marie Curie") is one thing: Chinese text may give the whole transliteration or just the
    /// surname, so any part's transliteration covers the name.
    /// </summary>
    private static void MergeNames(List<(string Label, List<Expansion> Expansions, string? Latin)> senses, EnglishLexicon lexicon, List<(int Index, string Word)> words, HashSet<string> capitalized, bool[] used)
    {
        bool IsNamePart(int k) => !used[k] && capitalized.Contains(words[k].Word) && EnglishDemonyms.Place(words[k].Word) is null
            && lexicon.Lookup(EnglishLexicon.Stem(words[k].Word)).Count == 0;
        for (var start = 0; start < words.Count; start++)
        {
            if (!IsNamePart(start))
            {
                continue;
            }

            var end = start;
            while (end + 1 < words.Count && words[end + 1].Index == words[end].Index + 1 && IsNamePart(end + 1))
            {
                end++;
            }

            var parts = Enumerable.Range(start, end - start + 1).ToList();
            var expansions = parts.SelectMany(k => lexicon.Transliterate(words[k].Word, isName: true)).ToList();
            if (parts.Count > 1 && expansions.Count > 0)
            {
                senses.Add((string.Join(' ', parts.Select(k => words[k].Word)), expansions, null));
                parts.ForEach(k => used[k] = true);
            }

            start = end;
        }
    }

    private void AddExpansions(PlanBuilder builder, string label, IReadOnlyList<Expansion> expansions, string? latin = null)
    {
        var kept = expansions.GroupBy(e => e.Chinese, StringComparer.Ordinal).Select(g => g.MaxBy(e => e.Confidence))
            .OrderByDescending(e => e.Confidence).ThenByDescending(e => e.Chinese.Length).Take(MaxExpansionsPerWord).ToList();
        var spread = 1f / MathF.Sqrt(kept.Count);
        foreach (var expansion in kept)
        {
            // One character says less than a word: 周 (week) matches far more than 收入 (revenue).
            var lengthFactor = expansion.Chinese.Length == 1 ? 0.4f : 1f;
            builder.AddChineseTerms(expansion.Chinese, 0.8f * expansion.Confidence * spread * lengthFactor);
        }

        var strongest = kept.Max(e => e.Confidence);
        var strength = strongest < 0.5f || kept.All(e => e.Chinese.Length == 1) ? GroupStrength.Weak
            : kept.All(e => _lexicon.Value.IsVerb(e.Chinese)) ? GroupStrength.Soft
            : GroupStrength.Strong;
        var alternatives = kept.Select(e => e.Chinese).ToList();
        if (latin is not null)
        {
            builder.AddTerm(latin, 1.5f);
            alternatives.Insert(0, latin);
            strength = GroupStrength.Strong;
        }

        builder.AddGroup(label, [.. alternatives], strength);
    }

    private static HashSet<string> CapitalizedWords(string question)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var first = true;
        foreach (var raw in question.Split([' ', '?', '!', ',', '.', '"', '“', '”', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!first && raw.Length > 1 && char.IsAsciiLetterUpper(raw[0]))
            {
                foreach (var word in EnglishLexicon.Words(raw))
                {
                    result.Add(word);
                }
            }

            first = false;
        }

        return result;
    }

    private static readonly HashSet<string> s_writingWords = new(StringComparer.Ordinal) { "写", "写了", "撰写", "wrote", "write", "writes", "written", "writing", "author", "writer" };

    private static readonly string[] s_authorCues = ["谁写", "写的", "作者", "撰文", "who wrote", "who write", "written by", "author", "writer", "byline"];

    private static bool AskAboutAuthor(string folded) => s_authorCues.Any(c => folded.Contains(c, StringComparison.Ordinal));

    private static AnswerType DetectAnswerType(string folded)
    {
        static bool Has(string text, params string[] cues) => cues.Any(c => text.Contains(c, StringComparison.Ordinal));
        if (Has(folded, "哪一天", "哪天", "什么时候", "何时", "几月", "哪年", "哪一年", "日期", "when ", "what date", "which day", "what year", "what time"))
        {
            return AnswerType.Date;
        }

        if (Has(folded, "多少", "几", "比例", "比率", "百分", "how much", "how many", "what share", "what percentage", "what proportion", "how large", "how big"))
        {
            return AnswerType.Quantity;
        }

        if (Has(folded, "谁", "作者", "who ", "who's", "whom", "author", "which company", "哪家公司"))
        {
            return AnswerType.Who;
        }

        if (Has(folded, "认为", "看法", "观点", "态度", "表示什么", "说了什么", "怎么说", "怎么看", " say", " said", " think", " believe", " view", "opinion", "stance"))
        {
            return AnswerType.Opinion;
        }

        return AnswerType.Any;
    }

    /// <summary>"Which company", "what person": the kind of answer wanted, not something the answer must mention.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(which|what)\s+(company|companies|firm|firms|person|people|one)\b")]
    private static partial System.Text.RegularExpressions.Regex AnswerKindRegex();

    /// <summary>"Is it true that …": the frame of a claim to check, not a word ("true") the answer must hold.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(is|isn't|was)\s+(it|this|that)\s+(really\s+)?(true|correct|right|the\s+case|accurate)\b|\btrue\s+or\s+(false|not)\b")]
    private static partial System.Text.RegularExpressions.Regex ClaimFrameRegex();

    /// <summary>Accumulates groups and weighted terms, looking weights up in the index.</summary>
    private sealed class PlanBuilder(IIndexVocabulary vocabulary)
    {
        private readonly Dictionary<string, float> _terms = new(StringComparer.Ordinal);
        private readonly HashSet<string> _labels = new(StringComparer.Ordinal);

        public List<QueryGroup> Groups { get; } = [];

        public void AddTerm(string term, float weight)
        {
            if (weight > 0 && vocabulary.Contains(term))
            {
                _terms[term] = Math.Max(_terms.GetValueOrDefault(term), weight);
            }
        }

        public void AddChineseTerms(string word, float weight)
        {
            foreach (var term in TermScanner.WordTerms(word))
            {
                AddTerm(term, weight);
            }
        }

        public void AddWord(string label, string[] alternatives, GroupStrength strength, float termWeight)
        {
            if (termWeight > 0)
            {
                if (TermScanner.HanRuns(label).Any())
                {
                    AddChineseTerms(label, termWeight);
                }
                else
                {
                    AddTerm(label, termWeight);
                }
            }

            AddGroup(label, alternatives, strength);
        }

        public void AddGroup(string label, string[] alternatives, GroupStrength strength)
        {
            if (!_labels.Add(label))
            {
                return;
            }

            var weight = alternatives.Max(vocabulary.InverseDocumentFrequency);
            var inCorpus = alternatives.Any(vocabulary.Contains);
            Groups.Add(new QueryGroup(label, alternatives, strength == GroupStrength.Weak ? weight * 0.3f : weight, strength, inCorpus));
        }

        public void AddMissing(string label, float share, GroupStrength strength = GroupStrength.Strong)
        {
            if (_labels.Add(label))
            {
                var weight = vocabulary.MaxInverseDocumentFrequency * share;
                Groups.Add(new QueryGroup(label, [label], weight, strength, InCorpus: false));
            }
        }

        public List<WeightedTerm> Terms(int max) =>
            _terms.OrderByDescending(t => t.Value).Take(max).Select(t => new WeightedTerm(t.Key, t.Value)).ToList();
    }
}

/// <summary>What the query analyzer needs to know of the index.</summary>
public interface IIndexVocabulary
{
    /// <summary>True when the folded word occurs in the corpus (every bigram of a Chinese word is an index term).</summary>
    bool Contains(string foldedWord);

    /// <summary>BM25-style inverse document frequency of a folded word (its rarest term).</summary>
    float InverseDocumentFrequency(string foldedWord);

    /// <summary>The IDF of a word that occurs nowhere.</summary>
    float MaxInverseDocumentFrequency { get; }

    /// <summary>True when some passage holds <paramref name="foldedWord"/> and one of <paramref name="others"/>.</summary>
    bool SharesAPassage(string foldedWord, IReadOnlyList<string> others);
}
