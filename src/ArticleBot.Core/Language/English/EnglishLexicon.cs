using System.IO.Compression;
using System.Text;
using ArticleBot.Core.Language.Segmentation;
using ArticleBot.Core.Text;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace ArticleBot.Core.Language.English;

/// <summary>A Chinese word an English word may stand for, with how sure the match is (0..1].</summary>
public readonly record struct Expansion(string Chinese, float Confidence);

/// <summary>
/// Cross-lingual look-up for English questions: the CC-CEDICT entries (shipped as a resource) whose Chinese
/// word occurs in the corpus, indexed by their English glosses; and, for names CC-CEDICT lacks (a new
/// product, a person in the news), the corpus words whose pinyin spells them. Built once per corpus, restricted to the corpus, so a
/// look-up is a dictionary access.
/// </summary>
public sealed class EnglishLexicon
{
    private const int MaxPhraseWords = 3;
    private const int MaxTransliterationChars = 5;

    private const string FormatHeader = "#articlebot-lexicon v3";

    private readonly Dictionary<string, Expansion[]> _byGloss;
    private readonly (string Chinese, string Pinyin)[] _transliterations;
    private readonly HashSet<string> _verbs;
    private readonly HashSet<string> _english;
    private readonly Dictionary<string, string[]> _synonyms;
    private readonly Dictionary<string, ProperNameKind> _names;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Expansion[]> _transliterated = new(StringComparer.Ordinal);

    private EnglishLexicon(Dictionary<string, Expansion[]> byGloss, (string, string)[] transliterations, HashSet<string> verbs, HashSet<string> english, Dictionary<string, string[]> synonyms, Dictionary<string, ProperNameKind> names)
    {
        _names = names;
        _byGloss = byGloss;
        _transliterations = transliterations;
        _verbs = verbs;
        _english = english;
        _synonyms = synonyms;
    }

    private EnglishLexicon(Dictionary<string, Dictionary<string, float>> byGloss, List<(string, string)> transliterations, HashSet<string> verbs, HashSet<string> english, Dictionary<string, string[]> synonyms, Dictionary<string, ProperNameKind> names)
        : this(
            byGloss.ToDictionary(
                kv => kv.Key,
                kv => kv.Value.OrderByDescending(e => e.Value).ThenByDescending(e => e.Key.Length).ThenBy(e => e.Key, StringComparer.Ordinal)
                    .Select(e => new Expansion(e.Key, e.Value)).ToArray(),
                StringComparer.Ordinal),
            [.. transliterations],
            verbs,
            english,
            synonyms,
            names)
    {
    }

    /// <summary>How many English keys the lexicon holds.</summary>
    public int Count => _byGloss.Count;

    /// <summary>
    /// Builds the lexicon for a corpus.
    /// </summary>
    /// <param name="isCorpusWord">True when a folded Chinese word occurs in the corpus.</param>
    /// <param name="corpusRuns">The corpus's folded Chinese runs, for transliterated names.</param>
    /// <param name="cedict">A CC-CEDICT stream (gzip); defaults to the embedded resource.</param>
    public static EnglishLexicon Build(Func<string, bool> isCorpusWord, IEnumerable<string> corpusRuns, Stream? cedict = null) =>
        Build(isCorpusWord, corpusRuns, Cedict.Load(cedict));

    /// <summary>Builds the lexicon for a corpus from a dictionary already read (to build many, as training does, reading it once).</summary>
    public static EnglishLexicon Build(Func<string, bool> isCorpusWord, IEnumerable<string> corpusRuns, Cedict dictionary)
    {
        ArgumentNullException.ThrowIfNull(isCorpusWord);
        ArgumentNullException.ThrowIfNull(corpusRuns);
        ArgumentNullException.ThrowIfNull(dictionary);
        var byGloss = new Dictionary<string, Dictionary<string, float>>(StringComparer.Ordinal);
        var pinyin = new Dictionary<string, string>(StringComparer.Ordinal);
        var verbs = new HashSet<string>(StringComparer.Ordinal);
        var english = new HashSet<string>(dictionary.EnglishWords, StringComparer.Ordinal); // aliases add to it
        var notVerbs = new HashSet<string>(StringComparer.Ordinal);
        var outside = new List<(string Word, string Head)>();
        var names = new Dictionary<string, ProperNameKind>(StringComparer.Ordinal);
        // Every word of the corpus is made of its characters and pairs: a set of them turns away most of the dictionary
        // before the index is asked (the same answer, far fewer look-ups).
        var runs = corpusRuns as IReadOnlyCollection<string> ?? [.. corpusRuns];
        var pieces = CorpusPieces(runs);
        for (var e = 0; e < dictionary.Entries.Count; e++)
        {
            var (simplified, reading, glosses) = dictionary.Entries[e];
            if (!IsAllHan(simplified))
            {
                continue;
            }

            if (!MayBeCorpusWord(simplified, pieces) || !isCorpusWord(simplified))
            {
                if (simplified.Length is >= 2 and <= MaxSynonymChars && dictionary.HeadKey(e) is { } head)
                {
                    outside.Add((simplified, head));
                }

                continue;
            }

            if (simplified.Length == 1 && !pinyin.ContainsKey(simplified) && Toneless(reading) is { Length: > 0 } syllable)
            {
                pinyin[simplified] = syllable;
            }

            foreach (var (key, confidence) in dictionary.GlossKeys(e))
            {
                if (!byGloss.TryGetValue(key, out var entries))
                {
                    byGloss[key] = entries = new Dictionary<string, float>(StringComparer.Ordinal);
                }

                entries[simplified] = Math.Max(entries.GetValueOrDefault(simplified), confidence);
            }

            if (simplified.Length >= 2 && ProperNames.KindOf(glosses) is { } nameKind)
            {
                names.TryAdd(simplified, nameKind);
            }

            (glosses.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(g => !IsReferenceGloss(g)).All(g => g.StartsWith("to ", StringComparison.Ordinal))
                ? verbs : notVerbs).Add(simplified);
        }

        verbs.ExceptWith(notVerbs);
        AddAliases(byGloss, isCorpusWord, english);
        return new EnglishLexicon(byGloss, Transliterations(runs, pinyin), verbs, english, Synonyms(outside, byGloss), names);
    }

    private const int MaxSynonymChars = 4;

    /// <summary>
    /// Chinese words the corpus does not write, mapped to corpus words that CC-CEDICT glosses with the same head
    /// meaning (去世 "to pass away" → 离世): a question's paraphrase then finds the article's word. The question's word
    /// counts by its first meaning, the corpus word by the head of any of its meanings; only whole words (two
    /// characters or more).
    /// </summary>
    private static Dictionary<string, string[]> Synonyms(List<(string Word, string Head)> outside, Dictionary<string, Dictionary<string, float>> byGloss)
    {
        var synonyms = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (word, head) in outside)
        {
            if (byGloss.TryGetValue(head, out var entries))
            {
                var found = entries.Where(e => e.Value >= 0.8f && e.Key.Length >= 2 && IsAllHan(e.Key))
                    .OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key).Take(MaxSynonyms).ToArray();
                if (found.Length > 0 && !synonyms.ContainsKey(word))
                {
                    synonyms[word] = found;
                }
            }
        }

        return synonyms;
    }

    private const int MaxSynonyms = 3;

    /// <summary>The key of an entry's first meaning ("to pass away; to die" → "pass away"), or null when it has none usable.</summary>
    internal static string? HeadKey(string glosses)
    {
        var gloss = glosses.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault(g => !IsReferenceGloss(g));
        var segment = gloss is null ? null : RemoveParentheses(gloss).Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (segment is null || char.IsUpper(segment[0]))
        {
            return null; // a proper name is no one's synonym
        }

        return SegmentKey(segment);
    }

    /// <summary>What a gloss's head word counts for, against the whole gloss.</summary>
    private const float HeadConfidence = 0.6f;

    /// <summary>The stemmed head of a two-word noun gloss ("legislative assembly" → "assembl"); null for verbs ("to …"), names and other phrases.</summary>
    private static string? PhraseHead(string segment)
    {
        var words = Words(segment).ToList();
        return words.Count == 2 && !char.IsUpper(segment[0]) && words[0] is not ("to" or "a" or "an" or "the" or "of") && words[1].Length > 2
            ? Stem(words[1])
            : null;
    }

    /// <summary>The lexicon key of one gloss segment ("to pass away" → "pass away", stemmed); null when it is empty or too long a phrase.</summary>
    private static string? SegmentKey(string segment)
    {
        var words = Words(segment).ToList();
        if (words is ["to" or "a" or "an" or "the", ..])
        {
            words.RemoveAt(0);
        }

        return words.Count is 0 or > MaxPhraseWords ? null : string.Join(' ', words.Select(Stem));
    }

    /// <summary>The kind of proper name a folded corpus word is, by its CC-CEDICT gloss (内罗毕 "Nairobi, capital of Kenya": a place); null when it is not one.</summary>
    public ProperNameKind? ProperName(string foldedWord)
    {
        ArgumentNullException.ThrowIfNull(foldedWord);
        return _names.TryGetValue(foldedWord, out var kind) ? kind : null;
    }

    /// <summary>Corpus words with the same first meaning as a word the corpus does not write (去世 → 离世); empty when none.</summary>
    public IReadOnlyList<string> SynonymsInCorpus(string foldedWord)
    {
        ArgumentNullException.ThrowIfNull(foldedWord);
        return _synonyms.TryGetValue(foldedWord, out var found) ? found : [];
    }

    /// <summary>
    /// True when CC-CEDICT knows the corpus word only as a verb ("to get"): such words say how, not what, so
    /// they help ranking but do not decide whether a passage covers a question.
    /// </summary>
    public bool IsVerb(string chinese) => _verbs.Contains(chinese);

    /// <summary>True when some CC-CEDICT gloss (of any entry, in the corpus or not) uses the word or its stem.</summary>
    public bool KnowsEnglish(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var lower = word.ToLowerInvariant();
        return _english.Contains(lower) || _english.Contains(Stem(lower)) || _english.Contains(EnglishSpelling.American(lower))
            || (lower.EndsWith('s') && _english.Contains(lower[..^1]))
            || (lower.EndsWith("ed", StringComparison.Ordinal) && (_english.Contains(lower[..^2]) || _english.Contains(lower[..^1])));
    }

    /// <summary>True when some CC-CEDICT gloss uses exactly this lower-case word (no stem, no other spelling).</summary>
    public bool IsGlossWord(string lower) => _english.Contains(lower);

    /// <summary>The Chinese words for an English key (stemmed words joined by spaces), best first.</summary>
    public IReadOnlyList<Expansion> Lookup(string key) => _byGloss.TryGetValue(key, out var found) ? found : [];

    /// <summary>
    /// The Chinese words for the first of <paramref name="words"/> (lower case, in any inflected form) that the lexicon
    /// translates, each at <paramref name="confidence"/> of its own confidence; empty when none is: how another form of
    /// a question's word (<see cref="EnglishDerivations"/>, <see cref="EnglishTypos"/>) stands in for it, less surely.
    /// </summary>
    public IReadOnlyList<Expansion> LookupFirst(IEnumerable<string> words, float confidence)
    {
        ArgumentNullException.ThrowIfNull(words);
        foreach (var word in words)
        {
            var found = Lookup(Stem(EnglishIrregulars.Base(word)));
            if (found.Count > 0)
            {
                return [.. found.Select(e => e with { Confidence = e.Confidence * confidence })];
            }
        }

        return [];
    }

    /// <summary>The toneless pinyin of a folded corpus word of 2-5 characters ("熊志" → "xiongzhi"), or null.</summary>
    public string? Pinyin(string foldedChinese)
    {
        ArgumentNullException.ThrowIfNull(foldedChinese);
        foreach (var (chinese, spelled) in _transliterations)
        {
            if (string.Equals(chinese, foldedChinese, StringComparison.Ordinal))
            {
                return spelled;
            }
        }

        return null;
    }

    /// <summary>Corpus words whose pinyin spells <paramref name="name"/> (e.g. "hassabis" → 哈萨比斯).</summary>
    /// <param name="name">The English word, lower case.</param>
    /// <param name="isName">True when the question wrote it as a name (capitalised): then a match of consonant
    /// skeletons (<see cref="SoundSkeleton"/>) counts too.</param>
    public IReadOnlyList<Expansion> Transliterate(string name, bool isName = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is < 4 or > 32)
        {
            return [];
        }

        var key = isName ? name + "\u0001" : name;
        if (_transliterated.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var result = FindTransliterations(name, isName);
        if (_transliterated.Count < 10_000)
        {
            _transliterated[key] = result;
        }

        return result;
    }

    private Expansion[] FindTransliterations(string name, bool isName)
    {
        var found = new List<Expansion>();
        foreach (var (chinese, spelled) in _transliterations)
        {
            // A transliteration keeps the name's first sound: a cheap filter before the edit distance.
            if (spelled[0] != name[0] || Math.Abs(spelled.Length - name.Length) > name.Length / 3)
            {
                continue;
            }

            var distance = EditDistance(name, spelled);
            var similarity = 1f - (distance / (float)Math.Max(name.Length, spelled.Length));
            if (similarity >= 0.74f)
            {
                found.Add(new Expansion(chinese, similarity));
            }
        }

        if (found.Count == 0 && isName)
        {
            // No spelling is close: the consonant skeletons (Iqbal = 伊克巴勒, Dickinson = 狄金森), for names of three
            // sounds or more; weaker evidence, so a lower confidence.
            var skeleton = SoundSkeleton.OfEnglish(name);
            if (skeleton.Length >= 3)
            {
                var skeletons = _skeletons ??= [.. _transliterations.Select(t => SoundSkeleton.OfPinyin(t.Pinyin))];
                for (var i = 0; i < skeletons.Length; i++)
                {
                    if (SoundSkeleton.Matches(skeleton, skeletons[i]) && SoundSkeleton.LooksTransliterated(_transliterations[i].Chinese))
                    {
                        found.Add(new Expansion(_transliterations[i].Chinese, SkeletonConfidence));
                    }
                }
            }
        }

        return [.. found.OrderByDescending(e => e.Confidence).Take(3)];
    }

    /// <summary>The confidence of a transliteration found by its consonant skeleton alone.</summary>
    private const float SkeletonConfidence = 0.6f;

    private string[]? _skeletons;

    /// <summary>Writes the lexicon in a line format that <see cref="Read"/> loads far faster than a rebuild.</summary>
    public void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(FormatHeader);
        // The size of each part first, so Read allocates each collection once at its final size: growing the set of
        // 50,000 English words by doubling cost a cold ask two large copies and a collection in the middle of them.
        writer.WriteLine($"C\t{_byGloss.Count}\t{_transliterations.Length}\t{_verbs.Count}\t{_english.Count}\t{_synonyms.Count}\t{_names.Count}");
        foreach (var (key, expansions) in _byGloss)
        {
            writer.WriteLine($"K\t{key}\t{string.Join(',', expansions.Select(e => $"{e.Chinese}:{e.Confidence.ToString(System.Globalization.CultureInfo.InvariantCulture)}"))}");
        }

        foreach (var (chinese, pinyin) in _transliterations)
        {
            writer.WriteLine($"T\t{chinese}\t{pinyin}");
        }

        foreach (var verb in _verbs)
        {
            writer.WriteLine($"V\t{verb}");
        }

        foreach (var word in _english)
        {
            writer.WriteLine($"E\t{word}");
        }

        foreach (var (word, synonyms) in _synonyms)
        {
            writer.WriteLine($"S\t{word}\t{string.Join(',', synonyms)}");
        }

        foreach (var (word, kind) in _names)
        {
            writer.WriteLine($"N\t{word}\t{kind}");
        }
    }

    /// <summary>Reads a lexicon written by <see cref="Write"/>; null when the text is not one.</summary>
    public static EnglishLexicon? Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.ReadLine() != FormatHeader)
        {
            return null;
        }

        var first = reader.ReadLine();
        var sizes = first is not null && first.StartsWith("C\t", StringComparison.Ordinal) ? PartSizes(first) : null;
        var byGloss = new Dictionary<string, Expansion[]>(sizes?[0] ?? 0, StringComparer.Ordinal);
        var transliterations = new List<(string, string)>(sizes?[1] ?? 0);
        var verbs = new HashSet<string>(sizes?[2] ?? 0, StringComparer.Ordinal);
        var english = new HashSet<string>(sizes?[3] ?? 0, StringComparer.Ordinal);
        var synonyms = new Dictionary<string, string[]>(sizes?[4] ?? 0, StringComparer.Ordinal);
        var names = new Dictionary<string, ProperNameKind>(sizes?[5] ?? 0, StringComparer.Ordinal);
        for (var line = sizes is null ? first : reader.ReadLine(); line is { Length: > 2 }; line = reader.ReadLine())
        {
            var fields = line.Split('\t');
            switch (fields[0])
            {
                case "K" when fields.Length == 3:
                    byGloss[fields[1]] = fields[2].Split(',').Select(ParseExpansion).ToArray();
                    break;
                case "T" when fields.Length == 3:
                    transliterations.Add((fields[1], fields[2]));
                    break;
                case "V":
                    verbs.Add(fields[1]);
                    break;
                case "E":
                    english.Add(fields[1]);
                    break;
                case "S" when fields.Length == 3:
                    synonyms[fields[1]] = fields[2].Split(',');
                    break;
                case "N" when fields.Length == 3 && Enum.TryParse<ProperNameKind>(fields[2], out var kind):
                    names[fields[1]] = kind;
                    break;
                default:
                    return null;
            }
        }

        return new EnglishLexicon(byGloss, [.. transliterations], verbs, english, synonyms, names);
    }

    /// <summary>The part sizes of a "C" line (a file written before it had one has none); null when it is malformed.</summary>
    private static int[]? PartSizes(string line)
    {
        var fields = line.Split('\t');
        var sizes = new int[fields.Length - 1];
        for (var i = 1; i < fields.Length; i++)
        {
            // A capacity only: a wrong or hostile number costs memory, never correctness, so it is bounded.
            if (!int.TryParse(fields[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out sizes[i - 1]) || sizes[i - 1] > 1_000_000)
            {
                return null;
            }
        }

        return sizes.Length == 6 ? sizes : null;
    }

    private static Expansion ParseExpansion(string field)
    {
        var colon = field.LastIndexOf(':');
        return new Expansion(field[..colon], float.Parse(field.AsSpan(colon + 1), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Normalises English text to lexicon keys: lower case, American spelling (<see cref="EnglishSpelling"/>), stemmed words.</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var stemmer = t_stemmer ??= new EnglishStemmer();
        stemmer.SetCurrent(EnglishSpelling.American(word.ToLowerInvariant()));
        stemmer.Stem();
        return stemmer.Current;
    }

    [ThreadStatic]
    private static EnglishStemmer? t_stemmer;

    internal static bool TryParse(string line, out string simplified, out string reading, out string glosses)
    {
        simplified = reading = glosses = string.Empty;
        var firstSpace = line.IndexOf(' ', StringComparison.Ordinal);
        var secondSpace = firstSpace < 0 ? -1 : line.IndexOf(' ', firstSpace + 1);
        var open = line.IndexOf('[', StringComparison.Ordinal);
        var close = open < 0 ? -1 : line.IndexOf(']', open);
        var slash = close < 0 ? -1 : line.IndexOf('/', close);
        if (secondSpace < 0 || close < 0 || slash < 0)
        {
            return false;
        }

        simplified = line[(firstSpace + 1)..secondSpace];
        reading = line[(open + 1)..close];
        glosses = line[(slash + 1)..];
        return true;
    }

    /// <summary>The lexicon keys of an entry's glosses, with how surely each stands for the word (see <see cref="Cedict.GlossKeys"/>).</summary>
    internal static List<(string Key, float Confidence)> KeysOf(string glosses)
    {
        var keys = new List<(string, float)>();
        var first = true;
        foreach (var gloss in glosses.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (IsReferenceGloss(gloss))
            {
                continue;
            }

            var segmentIndex = 0;
            foreach (var segment in RemoveParentheses(gloss).Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (SegmentKey(segment) is not { } key)
                {
                    segmentIndex++;
                    continue;
                }

                // The first meaning of an entry, and the head of a gloss, are what the word mostly means.
                var confidence = (first ? 1f : 0.8f) * (segmentIndex == 0 ? 1f : 0.7f);
                keys.Add((key, confidence));
                segmentIndex++;
                if (PhraseHead(segment) is { } head)
                {
                    // "legislative assembly" (议会) is an assembly too: the head of a two-word noun gloss, less surely.
                    keys.Add((head, confidence * HeadConfidence));
                }

                // Proper names are glossed "Tencent, Chinese tech conglomerate, ...": only the name counts.
                if (char.IsUpper(segment[0]))
                {
                    break;
                }
            }

            first = false;
        }

        return keys;
    }

    /// <summary>The corpus's characters and character pairs.</summary>
    private static HashSet<string> CorpusPieces(IEnumerable<string> runs)
    {
        var pieces = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in runs)
        {
            var characters = TermScanner.Characters(run);
            for (var i = 0; i < characters.Count; i++)
            {
                pieces.Add(characters[i]);
                if (i + 1 < characters.Count)
                {
                    pieces.Add(characters[i] + characters[i + 1]);
                }
            }
        }

        return pieces;
    }

    /// <summary>False when a Chinese word has a character or a pair of characters the corpus never writes.</summary>
    private static bool MayBeCorpusWord(string word, HashSet<string> pieces)
    {
        if (word.Length == 1)
        {
            return pieces.Contains(word);
        }

        for (var i = 0; i + 1 < word.Length; i++)
        {
            if (!pieces.Contains(word.Substring(i, 2)))
            {
                return false;
            }
        }

        return true;
    }

    internal static void CollectEnglishWords(string glosses, HashSet<string> english)
    {
        var start = -1;
        for (var i = 0; i <= glosses.Length; i++)
        {
            var letter = i < glosses.Length && char.IsAsciiLetter(glosses[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                if (i - start > 1)
                {
                    english.Add(glosses[start..i].ToLowerInvariant());
                }

                start = -1;
            }
        }
    }

    /// <summary>
    /// English names of companies, products and people of the tech industry that CC-CEDICT lacks or spells
    /// differently (Qwen, Pony Ma): a shipped resource, one <c>english&lt;TAB&gt;中文[,中文]</c> per line.
    /// </summary>
    private static void AddAliases(Dictionary<string, Dictionary<string, float>> byGloss, Func<string, bool> isCorpusWord, HashSet<string> english)
    {
        using var reader = new StreamReader(EmbeddedResources.Open("aliases.tsv"), Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (line.StartsWith('#') || tab <= 0)
            {
                continue;
            }

            var words = Words(line[..tab]).ToList();
            words.ForEach(w => english.Add(w));
            var key = string.Join(' ', words.Select(Stem));
            foreach (var chinese in line[(tab + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (isCorpusWord(chinese))
                {
                    if (!byGloss.TryGetValue(key, out var entries))
                    {
                        byGloss[key] = entries = new Dictionary<string, float>(StringComparer.Ordinal);
                    }

                    entries[chinese] = 1f;
                }
            }
        }
    }

    private static bool IsReferenceGloss(string gloss) =>
        gloss.StartsWith("CL:", StringComparison.Ordinal) || gloss.StartsWith("variant of", StringComparison.Ordinal)
        || gloss.StartsWith("old variant", StringComparison.Ordinal) || gloss.StartsWith("see ", StringComparison.Ordinal)
        || gloss.StartsWith("surname ", StringComparison.Ordinal) || gloss.StartsWith("used in", StringComparison.Ordinal)
        || gloss.StartsWith("abbr. for", StringComparison.Ordinal) || gloss.StartsWith("also pr.", StringComparison.Ordinal)
        || gloss.StartsWith("Taiwan pr.", StringComparison.Ordinal) || gloss.StartsWith("erhua variant", StringComparison.Ordinal)
        || gloss.StartsWith("radical in Chinese", StringComparison.Ordinal) || gloss.StartsWith("(Tw)", StringComparison.Ordinal);

    private static string RemoveParentheses(string gloss)
    {
        var builder = new StringBuilder(gloss.Length);
        var depth = 0;
        foreach (var c in gloss)
        {
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Lower-case words (letters, digits, apostrophes inside words) of an English text.</summary>
    public static IEnumerable<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || (text[i] == '\'' && start >= 0));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                var word = text[start..i].TrimEnd('\'').ToLowerInvariant();
                if (word.EndsWith("'s", StringComparison.Ordinal))
                {
                    word = word[..^2];
                }

                if (word.Length > 0)
                {
                    yield return word;
                }

                start = -1;
            }
        }
    }

    private static bool IsAllHan(string word)
    {
        foreach (var rune in word.EnumerateRunes())
        {
            if (!CharClass.IsHan(rune.Value))
            {
                return false;
            }
        }

        return word.Length > 0;
    }

    private static string Toneless(string reading)
    {
        var syllable = reading.Split(' ')[0].ToLowerInvariant().Replace("u:", "v", StringComparison.Ordinal);
        var builder = new StringBuilder(syllable.Length);
        foreach (var c in syllable)
        {
            if (char.IsAsciiLetterLower(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Every corpus word of 2-5 characters whose characters all have a reading, spelled in toneless pinyin.</summary>
    private static List<(string, string)> Transliterations(IEnumerable<string> runs, Dictionary<string, string> pinyin)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<(string, string)>();
        foreach (var run in runs)
        {
            var characters = TermScanner.Characters(run);
            for (var start = 0; start < characters.Count; start++)
            {
                var spelled = new StringBuilder();
                var word = new StringBuilder();
                for (var length = 1; length <= MaxTransliterationChars && start + length <= characters.Count; length++)
                {
                    var character = characters[start + length - 1];
                    if (!pinyin.TryGetValue(character, out var syllable))
                    {
                        break;
                    }

                    spelled.Append(syllable);
                    word.Append(character);
                    if (length >= 2 && seen.Add(word.ToString()))
                    {
                        result.Add((word.ToString(), spelled.ToString()));
                    }
                }
            }
        }

        return result;
    }

    private static int EditDistance(string a, string b)
    {
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            current.CopyTo(previous);
        }

        return previous[b.Length];
    }
}
