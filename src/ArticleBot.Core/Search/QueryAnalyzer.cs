using System.Text;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.Search;

/// <summary>
/// Turns a question in Traditional or Simplified Chinese or English into a <see cref="QueryPlan"/>:
/// stop words removed, Chinese segmented against the corpus's own vocabulary, English words mapped to the
/// corpus's Chinese words through CC-CEDICT glosses and pinyin, numbers kept whole.
/// </summary>
public sealed class QueryAnalyzer
{
    /// <summary>Longer questions are cut to this many folded characters before analysis.</summary>
    public const int MaxQueryChars = 1000;

    private const int MaxTerms = 512;
    private const int MaxExpansionsPerWord = 6;

    private readonly ScriptFolder _folder;
    private readonly IIndexVocabulary _vocabulary;
    private readonly Lazy<EnglishLexicon> _lexicon;

    /// <summary>Creates an analyzer over an index's vocabulary.</summary>
    public QueryAnalyzer(ScriptFolder folder, IIndexVocabulary vocabulary, Lazy<EnglishLexicon> lexicon)
    {
        _folder = folder;
        _vocabulary = vocabulary;
        _lexicon = lexicon;
    }

    /// <summary>Analyses a question.</summary>
    public QueryPlan Analyze(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var folded = _folder.Fold(question.Length > MaxQueryChars * 2 ? question[..(MaxQueryChars * 2)] : question);
        if (folded.Length > MaxQueryChars)
        {
            folded = folded[..MaxQueryChars];
            if (char.IsHighSurrogate(folded[^1]))
            {
                folded = folded[..^1];
            }
        }

        var builder = new PlanBuilder(_vocabulary);
        var content = RemoveChineseStopWords(folded);
        foreach (var run in TermScanner.HanRuns(content))
        {
            AddChineseRun(builder, run);
        }

        AddWordsAndNumbers(builder, question, content);
        return new QueryPlan(question, folded, builder.Groups, builder.Terms(MaxTerms), DetectAnswerType(folded));
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
            builder.AddWord(word, [word], GroupStrength.Strong, termWeight: 1f);
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

        var unknown = pending.Count(c => !_vocabulary.Contains(c));
        if (unknown > 0)
        {
            builder.AddMissing(string.Concat(pending), fullWeight: unknown >= 2);
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

        var words = scanned.Where(t => t.Kind == TermKind.Word && !StopWords.English.Contains(t.Text)).Select(t => t.Text).ToList();
        if (words.Count == 0)
        {
            return;
        }

        var capitalized = CapitalizedWords(question);
        var unresolved = new List<(int Index, string Word)>();
        for (var index = 0; index < words.Count; index++)
        {
            var word = words[index];
            if (_vocabulary.Contains(word))
            {
                builder.AddWord(word, [word], GroupStrength.Strong, termWeight: 1.5f);
            }
            else if (word.Length > 1 && !word.All(char.IsAsciiDigit))
            {
                unresolved.Add((index, word));
            }
        }

        if (unresolved.Count > 0)
        {
            ExpandEnglish(builder, unresolved, capitalized);
        }
    }

    /// <summary>English words the corpus does not contain: phrases first ("spring festival"), then words, then names by pinyin.</summary>
    private void ExpandEnglish(PlanBuilder builder, List<(int Index, string Word)> words, HashSet<string> capitalized)
    {
        var lexicon = _lexicon.Value;
        var stems = words.Select(w => EnglishLexicon.Stem(w.Word)).ToArray();
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
                    AddExpansions(builder, label, expansions);
                    for (var k = start; k < start + length; k++)
                    {
                        used[k] = true;
                    }
                }
            }
        }

        for (var k = 0; k < words.Count; k++)
        {
            if (used[k])
            {
                continue;
            }

            var word = words[k].Word;
            var expansions = lexicon.Lookup(stems[k]).ToList();
            if (expansions.Count == 0 || capitalized.Contains(word))
            {
                expansions.AddRange(lexicon.Transliterate(word));
            }

            if (expansions.Count == 0)
            {
                builder.AddMissing(word, fullWeight: false);
            }
            else
            {
                AddExpansions(builder, word, expansions);
            }
        }
    }

    private static void AddExpansions(PlanBuilder builder, string label, IReadOnlyList<Expansion> expansions)
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
        builder.AddGroup(label, kept.Select(e => e.Chinese).ToArray(), strongest >= 0.5f ? GroupStrength.Strong : GroupStrength.Weak);
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

        return AnswerType.Any;
    }

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
            var characters = TermScanner.Characters(word);
            if (characters.Count == 1)
            {
                AddTerm(characters[0], weight);
                return;
            }

            for (var i = 0; i + 1 < characters.Count; i++)
            {
                AddTerm(characters[i] + characters[i + 1], weight);
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

        public void AddMissing(string label, bool fullWeight)
        {
            if (_labels.Add(label))
            {
                var weight = vocabulary.MaxInverseDocumentFrequency * (fullWeight ? 1f : 0.6f);
                Groups.Add(new QueryGroup(label, [label], weight, GroupStrength.Strong, InCorpus: false));
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
}
