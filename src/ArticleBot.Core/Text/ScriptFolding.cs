using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace ArticleBot.Core.Text;

/// <summary>
/// Folds text to one form for matching: NFKC (full-width → ASCII), lower case, and Traditional → Simplified
/// with the OpenCC tables shipped as resources. Users never see folded text; it feeds the index and queries.
/// </summary>
public sealed class ScriptFolding
{
    private static readonly Lazy<ScriptFolding> s_default = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<int, string> _characters;
    private readonly FrozenDictionary<string, string> _phrases;
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _phraseLookup;
    private readonly FrozenSet<char> _phraseStarts;
    private readonly int _longestPhrase;
    private readonly FrozenSet<int> _simplifiedOnly;

    // Answering folds the same article sentences and the same question many times over (every tool, every feature),
    // so recent results are kept. The cache is bounded by the characters it holds and simply starts over when full:
    // a long-running bot reading many articles keeps its memory flat, and a miss only costs the fold itself.
    private const int RecentCapacityInCharacters = 1 << 21;
    private readonly ConcurrentDictionary<string, string> _recent = new(StringComparer.Ordinal);
    private int _recentCharacters;

    internal ScriptFolding(IReadOnlyDictionary<int, string> characters, IReadOnlyDictionary<string, string> phrases)
    {
        _characters = characters.ToFrozenDictionary();
        _phrases = phrases.ToFrozenDictionary(StringComparer.Ordinal);
        _phraseLookup = _phrases.GetAlternateLookup<ReadOnlySpan<char>>();
        _phraseStarts = _phrases.Keys.Select(k => k[0]).ToFrozenSet();
        _longestPhrase = _phrases.Count == 0 ? 0 : _phrases.Keys.Max(k => k.Length);

        // A character that is a conversion target but never a source is written only in Simplified script.
        var targets = new HashSet<int>();
        foreach (var (source, target) in _characters)
        {
            foreach (var rune in target.EnumerateRunes())
            {
                if (rune.Value != source)
                {
                    targets.Add(rune.Value);
                }
            }
        }

        targets.ExceptWith(_characters.Keys);
        _simplifiedOnly = targets.ToFrozenSet();
    }

    /// <summary>The folder built from the OpenCC tables embedded in this assembly (loaded once).</summary>
    public static ScriptFolding Default => s_default.Value;

    /// <summary>Folds text for matching. The result may differ in length from the input.</summary>
    public string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return text;
        }

        if (_recent.TryGetValue(text, out var known))
        {
            return known;
        }

        var folded = FoldUncached(text);
        if (Interlocked.Add(ref _recentCharacters, text.Length + folded.Length) > RecentCapacityInCharacters)
        {
            _recent.Clear();
            Interlocked.Exchange(ref _recentCharacters, text.Length + folded.Length);
        }

        _recent.TryAdd(text, folded);
        return folded;
    }

    private string FoldUncached(string text)
    {

        // Normalisation rejects lone surrogates (text from a model or a plugin may have them): replace them first.
        var valid = HasLoneSurrogate(text) ? ReplaceLoneSurrogates(text) : text;
        var normalized = valid.IsNormalized(NormalizationForm.FormKC) ? valid : valid.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(normalized.Length);
        var span = normalized.AsSpan();
        Span<char> pair = stackalloc char[2];
        var i = 0;
        while (i < span.Length)
        {
            if (_longestPhrase > 0 && _phraseStarts.Contains(span[i]) && TryPhrase(span[i..], builder, out var consumed))
            {
                i += consumed;
                continue;
            }

            if (Rune.DecodeFromUtf16(span[i..], out var rune, out var used) != System.Buffers.OperationStatus.Done)
            {
                builder.Append('\uFFFD');
                i += Math.Max(used, 1);
                continue;
            }

            rune = ToLower(rune);
            if (_characters.TryGetValue(rune.Value, out var mapped))
            {
                builder.Append(mapped);
            }
            else if (rune.IsBmp)
            {
                builder.Append((char)rune.Value);
            }
            else
            {
                builder.Append(pair[..rune.EncodeToUtf16(pair)]);
            }

            i += used;
        }

        return builder.ToString();
    }

    /// <summary>
    /// <see cref="Rune.ToLowerInvariant"/>, asked only of the runes that have a lower case: those of the categories
    /// below (a test checks every code point). The casing tables are ICU's, a native call per rune, and most of
    /// an article's runes are ideographs and punctuation, which have none.
    /// </summary>
    internal static Rune ToLower(Rune rune)
    {
        if (rune.IsAscii)
        {
            return rune.Value is >= 'A' and <= 'Z' ? new Rune(rune.Value + ('a' - 'A')) : rune;
        }

        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.LetterNumber or UnicodeCategory.OtherSymbol
            ? Rune.ToLowerInvariant(rune)
            : rune;
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static string ReplaceLoneSurrogates(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(text[i]).Append(text[i + 1]);
                i++;
            }
            else
            {
                builder.Append(char.IsSurrogate(text[i]) ? '\uFFFD' : text[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>True when the rune is a Traditional character that folding changes.</summary>
    public bool IsTraditionalOnly(int codePoint) =>
        _characters.TryGetValue(codePoint, out var target) && !string.Equals(target, char.ConvertFromUtf32(codePoint), StringComparison.Ordinal);

    /// <summary>True when the rune is written only in Simplified script.</summary>
    public bool IsSimplifiedOnly(int codePoint) => _simplifiedOnly.Contains(codePoint);

    private bool TryPhrase(ReadOnlySpan<char> rest, StringBuilder builder, out int consumed)
    {
        for (var length = Math.Min(_longestPhrase, rest.Length); length >= 2; length--)
        {
            if (_phraseLookup.TryGetValue(rest[..length], out var target))
            {
                builder.Append(target);
                consumed = length;
                return true;
            }
        }

        consumed = 0;
        return false;
    }

    private static ScriptFolding Load()
    {
        var characters = new Dictionary<int, string>();
        foreach (var (source, target) in ReadTable("opencc/TSCharacters.txt"))
        {
            if (source.EnumerateRunes().Count() == 1)
            {
                characters[char.ConvertToUtf32(source, 0)] = target;
            }
        }

        var phrases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (source, target) in ReadTable("opencc/TSPhrases.txt"))
        {
            phrases[source] = target;
        }

        return new ScriptFolding(characters, phrases);
    }

    private static IEnumerable<(string Source, string Target)> ReadTable(string resource)
    {
        using var reader = new StreamReader(EmbeddedResources.Open(resource), Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
            {
                continue;
            }

            var targets = line[(tab + 1)..];
            var space = targets.IndexOf(' ', StringComparison.Ordinal);
            var first = space < 0 ? targets : targets[..space];
            if (first.Length > 0)
            {
                yield return (line[..tab], first);
            }
        }
    }
}

/// <summary>The language and script a question is written in.</summary>
public enum QuestionLanguage
{
    /// <summary>Chinese in Traditional script (also the default for Chinese without script markers).</summary>
    ChineseTraditional,

    /// <summary>Chinese in Simplified script.</summary>
    ChineseSimplified,

    /// <summary>English (or any text without Chinese characters).</summary>
    English,
}

/// <summary>Tells the language and script of a piece of text.</summary>
public static class LanguageDetector
{
    /// <summary>Detects the language of <paramref name="text"/>.</summary>
    public static QuestionLanguage Detect(string text, ScriptFolding folder) => Count(text, folder).Language;

    /// <summary>
    /// Detects the language of a follow-up, taking the script from the conversation it continues when the follow-up
    /// itself hardly shows one: a short "那X呢？" often holds at most one character written differently in the two
    /// scripts (里 is also a Traditional word), so it is answered in the script of the question it follows. Chinese
    /// stays Chinese and English stays English.
    /// </summary>
    public static QuestionLanguage Detect(string text, string conversation, ScriptFolding folder)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var own = Count(text, folder);
        if (own.Language == QuestionLanguage.English || own.Markers > 1)
        {
            return own.Language;
        }

        var context = Count(conversation, folder);
        return context.Language == QuestionLanguage.English ? own.Language : context.Language;
    }

    private static (QuestionLanguage Language, int Markers) Count(string text, ScriptFolding folder)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(folder);
        int han = 0, traditional = 0, simplified = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!CharClass.IsHan(rune.Value))
            {
                continue;
            }

            han++;
            if (folder.IsTraditionalOnly(rune.Value))
            {
                traditional++;
            }
            else if (folder.IsSimplifiedOnly(rune.Value))
            {
                simplified++;
            }
        }

        if (han == 0)
        {
            return (QuestionLanguage.English, 0);
        }

        return (simplified > traditional ? QuestionLanguage.ChineseSimplified : QuestionLanguage.ChineseTraditional, traditional + simplified);
    }

    /// <summary>The BCP-47 tag used in eval files and JSON: zh-Hant, zh-Hans or en.</summary>
    public static string ToTag(this QuestionLanguage language) => language switch
    {
        QuestionLanguage.ChineseTraditional => "zh-Hant",
        QuestionLanguage.ChineseSimplified => "zh-Hans",
        _ => "en",
    };
}

/// <summary>Character classes used by splitting and analysis.</summary>
public static class CharClass
{
    /// <summary>True for CJK ideographs (BMP blocks and the supplementary ideographic planes).</summary>
    public static bool IsHan(int codePoint) =>
        codePoint is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0xF900 and <= 0xFAFF)
            or (>= 0x20000 and <= 0x3FFFF) or 0x3007;

    /// <summary>True for a Han character in the BMP.</summary>
    public static bool IsHan(char c) => IsHan((int)c);

    /// <summary>Chinese quotes and brackets that open a quotation.</summary>
    public static bool IsOpeningQuote(char c) => c is '“' or '「' or '『' or '（' or '《' or '【' or '‘';

    /// <summary>Chinese and ASCII quotes and brackets that close a quotation; they stay with the sentence before them.</summary>
    public static bool IsClosingQuote(char c) => c is '”' or '」' or '』' or '）' or ')' or '》' or '】' or '’' or '"' or '\'';

    /// <summary>True for characters that count as Chinese context for ASCII punctuation.</summary>
    public static bool IsCjkContext(char c) =>
        IsHan(c) || IsOpeningQuote(c) || c is '”' or '」' or '』' or '）' or '》' or '】' or '’' || char.IsSurrogate(c);

    /// <summary>ASCII letters and digits, and letters of other Latin-like scripts.</summary>
    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c) && !IsHan(c);

    /// <summary>
    /// True for a letter of a script the bot does not read: kana, hangul, Cyrillic, Greek, Hebrew, Arabic, Thai,
    /// Devanagari (it reads Han and Latin).
    /// </summary>
    public static bool IsOtherScript(char c) =>
        c is >= '\u3040' and <= '\u30FF' or >= '\uAC00' and <= '\uD7AF' or >= '\u1100' and <= '\u11FF' or >= '\u0400' and <= '\u04FF'
            or >= '\u0370' and <= '\u03FF' or >= '\u0590' and <= '\u06FF' or >= '\u0E00' and <= '\u0E7F' or >= '\u0900' and <= '\u097F';

    /// <summary>
    /// True when a text is written mostly in scripts the bot does not read: more of its letters are of those scripts
    /// than Han or Latin ones (a Japanese or Korean question; not an English one that quotes a Greek letter).
    /// </summary>
    public static bool IsMostlyOtherScript(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int other = 0, read = 0;
        foreach (var c in text)
        {
            if (IsOtherScript(c))
            {
                other++;
            }
            else if (IsHan(c) || char.IsAsciiLetter(c))
            {
                read++;
            }
        }

        return other > read;
    }
}
