using ArticleBot.Core.Language.English;
using ArticleBot.Core.Search;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.Claims;

/// <summary>What a claim's gap (<see cref="ClaimGap"/>) means for its verdict.</summary>
public enum GapMeaning
{
    /// <summary>Too small to matter (one character the sentence may well imply: 要, 曾).</summary>
    Slight,

    /// <summary>The claim says more than the sentence, or something else, and nothing tells which: it is not supported.</summary>
    Unsaid,

    /// <summary>The claim names one person, organisation or place where the sentence names another.</summary>
    OtherName,

    /// <summary>The sentence denies what the claim affirms in that slot (可燃 / 不燃), or the other way round.</summary>
    Opposite,

    /// <summary>The claim and the sentence give two values of one kind in the slot (two positions in sport, both glossed "(sports)").</summary>
    OtherValue,
}

/// <summary>
/// Tells what a gap between a claim and its sentence means, from the words alone: a name against a name, a word against
/// its negation, or two words of one dictionary domain. Anything else is only unsaid: a paraphrase (液體 for 飲料) and
/// a wrong value cannot be told apart without a domain, and a true claim must never be answered "No".
/// </summary>
public sealed class ClaimGapJudge(WordGlosses glosses, ClaimLexicon lexicon)
{
    private static readonly HashSet<string> s_surnames = [.. WordLists.Load("names.surnames")];

    private readonly HashSet<string> _negations = [.. lexicon.Words("negation").Where(w => w.Length > 0 && CharClass.IsHan(w[0]))];

    /// <summary>What the gap means.</summary>
    public GapMeaning Judge(ClaimGap gap)
    {
        ArgumentNullException.ThrowIfNull(gap);
        var claimed = gap.Claimed;
        if (gap.Said is not { } said)
        {
            return claimed.Length >= 2 || gap.Focus ? GapMeaning.Unsaid : GapMeaning.Slight;
        }

        if (said.Any(char.IsDigit))
        {
            return GapMeaning.Slight; // the slot runs over a figure the claim gives too: compared as figures, not as words
        }

        if (gap.Joined)
        {
            // One character apart (同性 / 異性): opposites, or too small to matter as before.
            return OppositeCharacter(claimed, said) ? GapMeaning.Opposite : GapMeaning.Slight;
        }

        if (Negated(said) != Negated(claimed) && SharesHead(claimed, said))
        {
            return GapMeaning.Opposite;
        }

        if (claimed.Length < 2 && !gap.Focus)
        {
            return GapMeaning.Slight;
        }

        if (IsName(claimed) && (gap.Focus || NameIn(said) is not null))
        {
            // A cleft's focus names who; the sentence's slot holding a word no dictionary knows, that opens with no
            // dictionary word either (not 可以從: 可以 + 從), is a name too.
            return NameIn(said) is not null || (gap.Focus && said.Length is >= 2 and <= 4 && said.All(CharClass.IsHan) && !glosses.IsWord(said)
                    && !Enumerable.Range(2, said.Length - 2).Any(n => glosses.IsWord(said[..n])))
                ? GapMeaning.OtherName : GapMeaning.Unsaid;
        }

        if (Antonyms(claimed, said) || Contrary(claimed, said) || ContraryLead(claimed, said))
        {
            return GapMeaning.Opposite;
        }

        return SameDomain(claimed, said) || SameKind(claimed, said) ? GapMeaning.OtherValue : GapMeaning.Unsaid;
    }

    /// <summary>
    /// Two words of opposite meaning by the words alone: alike but for one character, the two characters a pair of
    /// opposites (同性 / 异性, 上游 / 下游: <c>claims.opposite-characters</c>), or verbs of opposite stances by their
    /// glosses ("to esteem" / "to reject": <c>claims.stance-glosses</c>).
    /// </summary>
    private bool Contrary(string a, string b) => OppositeCharacter(a, b) || OppositeStance(a, b);

    /// <summary>
    /// A slot of several words whose first word says the opposite of the claim's first word (支持新税 against
    /// 反对这项税: 支持 / 反对; 同性的朋友 against 异性: 同性 / 异性), when the rest of the slot adds nothing of its own:
    /// nothing, or a word pointing back at what the claim names (这项税 for 新税). A gap runs over every word of the
    /// claim its sentence does not write, so the word that decides may stand beside one the sentence writes otherwise.
    /// </summary>
    private bool ContraryLead(string claimed, string said)
    {
        // The first dictionary word of each (two characters or more), and the openings of the shorter's length.
        var pairs = new List<(string Claimed, string Said)>();
        if (LeadingWord(claimed) is { } claimedWord && LeadingWord(said) is { } saidWord)
        {
            pairs.Add((claimedWord, saidWord));
        }

        var shorter = Math.Min(claimed.Length, said.Length);
        if (shorter >= 2 && claimed.Length != said.Length)
        {
            pairs.Add((claimed[..shorter], said[..shorter]));
        }

        return pairs.Any(p => (p.Claimed.Length < claimed.Length || p.Said.Length < said.Length)
            && (Contrary(p.Claimed, p.Said) || (Negated(p.Said) != Negated(p.Claimed) && SharesHead(p.Claimed, p.Said)) || Antonyms(p.Claimed, p.Said))
            && AddsNothing(said[p.Said.Length..]));
    }

    /// <summary>The longest dictionary word (two to four characters) a folded text opens with, or null.</summary>
    private string? LeadingWord(string text)
    {
        for (var n = Math.Min(WordGlosses.MaxWordLength, text.Length); n >= 2; n--)
        {
            if (text[..n].All(CharClass.IsHan) && glosses.IsWord(text[..n]))
            {
                return text[..n];
            }
        }

        return null;
    }

    /// <summary>
    /// The rest of a slot says nothing of its own: it is empty, or points back (这项, 其), and not at others
    /// (其他, 其余: "other", "the rest").
    /// </summary>
    private bool AddsNothing(string rest)
    {
        var trimmed = rest.TrimStart('的', '之', '地', ' ');
        return trimmed.Length == 0 || (s_anaphors.Any(a => trimmed.StartsWith(a, StringComparison.Ordinal))
            && !(LeadingWord(trimmed) is { } word && GlossPhrases(word).Any(g => g.StartsWith("other", StringComparison.Ordinal) || g.StartsWith("the rest", StringComparison.Ordinal))));
    }

    private static readonly string[] s_anaphors = WordLists.Load("claims.anaphors");

    /// <summary>Alike but for one character, the two characters opposites (同性 / 异性, 正数 / 负数).</summary>
    private static bool OppositeCharacter(string a, string b)
    {
        if (a.Length != b.Length || a.Length < 2 || !a.All(CharClass.IsHan) || !b.All(CharClass.IsHan))
        {
            return false;
        }

        var differ = Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).ToList();
        return differ.Count == 1 && s_oppositeCharacters.Contains((a[differ[0]], b[differ[0]]));
    }

    // Both orders of each pair of opposite characters.
    private static readonly HashSet<(char, char)> s_oppositeCharacters =
        [.. WordLists.Load("claims.opposite-characters").Where(p => p.Length == 2).SelectMany(p => new[] { (p[0], p[1]), (p[1], p[0]) })];

    /// <summary>
    /// Verbs of opposite stances, or of opposite outcomes: on one axis, the glosses of one give only a stance for ("to
    /// esteem", "to revere") or a success ("to succeed"), the other's only a stance against ("to reject") or a failure
    /// ("to fail").
    /// </summary>
    private bool OppositeStance(string a, string b)
    {
        var first = Polarities(a);
        var second = Polarities(b);
        return s_axes.Any(axis => Sign(first, axis) is { } one && Sign(second, axis) is { } other && one != other);
    }

    /// <summary>The one sign a set of polarities gives on an axis, or null when it gives none or both.</summary>
    public static char? Sign(IReadOnlySet<(string Axis, char Sign)> polarities, string axis)
    {
        ArgumentNullException.ThrowIfNull(polarities);
        var signs = polarities.Where(p => p.Axis == axis).Select(p => p.Sign).Distinct().ToList();
        return signs.Count == 1 ? signs[0] : null;
    }

    /// <summary>The axes of polarity: stance (for or against) and outcome (success or failure).</summary>
    public static IReadOnlyList<string> Axes => s_axes;

    /// <summary>The polarities ('+' or '-' on an axis) of the verbs among a Chinese word's glosses (支持: "to support", stance +).</summary>
    public IReadOnlySet<(string Axis, char Sign)> Polarities(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var signs = new HashSet<(string Axis, char Sign)>();
        foreach (var phrase in GlossPhrases(word))
        {
            var verb = phrase.StartsWith("to ", StringComparison.Ordinal) ? phrase[3..] : phrase;
            foreach (var (axis, sign, polar) in s_polarities)
            {
                if (verb == polar || verb.StartsWith(polar + " ", StringComparison.Ordinal))
                {
                    signs.Add((axis, sign));
                }
            }
        }

        return signs;
    }

    /// <summary>
    /// The polarities of an English text's words (<paramref name="stems"/>, as <see cref="EnglishLexicon.Stem"/> gives
    /// them): "supports" is a stance for, "failed" a failure. Verbs of several words are matched word for word.
    /// </summary>
    public static IReadOnlySet<(string Axis, char Sign)> EnglishPolarities(IReadOnlyList<string> stems)
    {
        ArgumentNullException.ThrowIfNull(stems);
        var signs = new HashSet<(string Axis, char Sign)>();
        foreach (var (axis, sign, verb) in s_stemmedPolarities)
        {
            for (var i = 0; i + verb.Length <= stems.Count; i++)
            {
                if (verb.Select((w, k) => stems[i + k] == w).All(same => same))
                {
                    signs.Add((axis, sign));
                }
            }
        }

        return signs;
    }

    /// <summary>
    /// The words of a folded Chinese sentence that carry a sign on <paramref name="axis"/> (反对, 失败), each with its
    /// sign read through a negation written right before it (没有做到: a success denied, so a failure), the words as
    /// written there (negation included) and the gloss that gave the sign ("to accomplish", "not" before it when denied).
    /// </summary>
    public IEnumerable<(string Words, char Sign, string Gloss)> PolaritiesIn(string folded, string axis)
    {
        ArgumentNullException.ThrowIfNull(folded);
        ArgumentNullException.ThrowIfNull(axis);
        for (var i = 0; i < folded.Length; i++)
        {
            for (var n = Math.Min(WordGlosses.MaxWordLength, folded.Length - i); n >= 2; n--)
            {
                var word = folded.Substring(i, n);
                if (!word.All(CharClass.IsHan) || !glosses.IsWord(word))
                {
                    continue;
                }

                if (Sign(Polarities(word), axis) is { } sign)
                {
                    // The shortest gloss that gave the sign ("failure" of 失败, rather than "fail (e.g. experiments)").
                    var gloss = GlossPhrases(word).Select(g => g.StartsWith("to ", StringComparison.Ordinal) ? g[3..] : g)
                        .Where(g => s_polarities.Any(p => p.Axis == axis && p.Sign == sign && (g == p.Verb || g.StartsWith(p.Verb + " ", StringComparison.Ordinal))))
                        .MinBy(g => g.Length)!;
                    var negation = _negations.Where(neg => folded.AsSpan(0, i).EndsWith(neg, StringComparison.Ordinal)).OrderByDescending(neg => neg.Length).FirstOrDefault();
                    yield return negation is null ? (word, sign, gloss) : (negation + word, sign == '+' ? '-' : '+', "not " + gloss);
                }

                i += n - 1;
                break;
            }
        }
    }

    private static readonly string[] s_axes = ["stance", "outcome"];

    private static readonly (string Axis, char Sign, string Verb)[] s_polarities =
    [
        .. Signed("stance", WordLists.Load("claims.stance-glosses")),
        .. Signed("outcome", WordLists.Load("claims.outcome-glosses")),
    ];

    private static readonly (string Axis, char Sign, string[] Verb)[] s_stemmedPolarities =
        [.. s_polarities.Select(p => (p.Axis, p.Sign, p.Verb.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(EnglishLexicon.Stem).ToArray()))];

    private static IEnumerable<(string Axis, char Sign, string Verb)> Signed(string axis, IEnumerable<string> lines) =>
        lines.Where(l => l.Length > 2 && l[0] is '+' or '-' && l[1] == ' ').Select(l => (axis, l[0], l[2..].Trim()));

    /// <summary>
    /// Two values of one kind of thing (<c>claims.kinds</c>): the head nouns of their glosses are of one kind
    /// ("rifle", "cannon": weapons) and none is the other's (步枪 / 来复枪 are both "rifle": the same thing
    /// said two ways); neither is glossed with the kind itself (武器, "weapon", names no value of it).
    /// </summary>
    private bool SameKind(string a, string b)
    {
        var first = Heads(a);
        var second = Heads(b);
        if (first.Count == 0 || second.Count == 0 || first.Overlaps(second))
        {
            return false;
        }

        var kinds = first.SelectMany(h => s_kindOf[h]).Intersect(second.SelectMany(h => s_kindOf[h])).ToList();
        return kinds.Count > 0 && !kinds.Any(k => GlossPhrases(a).Contains(k) || GlossPhrases(b).Contains(k));
    }

    /// <summary>The nouns of <c>claims.kinds</c> that head the word's glosses ("(hunting) rifle", "assault rifle": rifle).</summary>
    private HashSet<string> Heads(string word)
    {
        var heads = new HashSet<string>(StringComparer.Ordinal);
        foreach (var gloss in GlossPhrases(word))
        {
            var phrase = gloss;
            // A one-word note after the head says its field ("iron (metal)"); a longer one another sense of the
            // word ("iron (for pressing clothes)"), which is no value of the kind.
            var note = phrase.IndexOf('(', StringComparison.Ordinal);
            if (note >= 0)
            {
                var inside = phrase[(note + 1)..].TrimEnd(')');
                if (inside.Contains(' ', StringComparison.Ordinal) || inside.Contains('(', StringComparison.Ordinal) || !phrase.EndsWith(')'))
                {
                    continue;
                }

                phrase = phrase[..note].Trim();
            }

            foreach (var noun in s_kindOf.Keys)
            {
                if (phrase == noun || phrase.EndsWith(" " + noun, StringComparison.Ordinal))
                {
                    heads.Add(noun);
                }
            }
        }

        return heads;
    }

    // Each noun of claims.kinds ("kind: noun, noun"), with its kinds.
    private static readonly Dictionary<string, string[]> s_kindOf = WordLists.Load("claims.kinds")
        .Select(l => l.Split(':', 2))
        .Where(p => p.Length == 2)
        .SelectMany(p => p[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => (Noun: n.ToLowerInvariant(), Kind: p[0].Trim().ToLowerInvariant())))
        .GroupBy(x => x.Noun, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(x => x.Kind).Distinct().ToArray(), StringComparer.Ordinal);

    /// <summary>
    /// True when a noun names who does what a verb says, by their glosses: one of the noun's is the doer of one of the
    /// verb's ("writer" of "to write": 作者 for 寫; "inventor" of "to invent"; "director (film etc)" of "to direct (a
    /// film, play etc)": 導演 for 執導). A noun of another doer (譯者, "translator") is not the writer.
    /// </summary>
    public bool IsAgentNoun(string noun, string verb)
    {
        ArgumentNullException.ThrowIfNull(noun);
        ArgumentNullException.ThrowIfNull(verb);
        if (noun.Length == 0 || verb.Length == 0 || !noun.All(CharClass.IsHan) || !verb.All(CharClass.IsHan))
        {
            return false;
        }

        var doers = GlossPhrases(verb).Where(g => g.StartsWith("to ", StringComparison.Ordinal)).Select(g => WithoutNote(g[3..]))
            .Where(v => v.Length >= 3 && v.All(char.IsAsciiLetterLower)).SelectMany(Doers).ToHashSet(StringComparer.Ordinal);
        return doers.Count > 0 && GlossPhrases(noun).Any(g => doers.Contains(WithoutNote(g)));
    }

    /// <summary>A gloss without the note that follows its head ("founder (of an institution etc)": "founder").</summary>
    private static string WithoutNote(string gloss)
    {
        var note = gloss.IndexOf(" (", StringComparison.Ordinal);
        return (note > 0 ? gloss[..note] : gloss).Trim();
    }

    /// <summary>The English nouns of one who does what a verb says: write, writer; invent, inventor; create, creator.</summary>
    private static IEnumerable<string> Doers(string verb)
    {
        yield return verb + "er";
        yield return verb + "or";
        if (verb.EndsWith('e'))
        {
            yield return verb + "r";
            yield return verb[..^1] + "or";
        }
    }

    /// <summary>Every gloss of a word, lower case, a leading bracketed note dropped ("(guided) missile": "missile").</summary>
    private List<string> GlossPhrases(string word)
    {
        if (glosses.GlossesOf(word) is not { } all)
        {
            return [];
        }

        var phrases = new List<string>();
        foreach (var raw in all.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var phrase = raw.ToLowerInvariant();
            while (phrase.StartsWith('(') && phrase.IndexOf(')', StringComparison.Ordinal) is var close and > 0)
            {
                phrase = phrase[(close + 1)..].Trim();
            }

            foreach (var part in phrase.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                phrases.Add(part);
            }
        }

        return phrases;
    }

    /// <summary>The name a slot of the sentence holds (米勒 in 乔治·米勒), or null.</summary>
    public string? NameIn(string said)
    {
        ArgumentNullException.ThrowIfNull(said);
        var dot = said.LastIndexOfAny(['·', '•', '‧']);
        if (dot > 0 && dot < said.Length - 1)
        {
            return said[(dot + 1)..];
        }

        // The longest name the slot ends with: a subject slot may open with a word before the name (例如腾讯); any
        // dictionary proper name counts here (腾讯 is glossed "tech conglomerate", a kind the gloss reader leaves open).
        for (var start = 0; start < said.Length - 1; start++)
        {
            var tail = said[start..];
            if (IsName(tail) || (tail.All(CharClass.IsHan) && glosses.ProperName(tail) is not null))
            {
                return tail;
            }
        }

        return null;
    }

    /// <summary>
    /// The people and organisations a folded sentence names, in order: transliterated names with a dot (乔治·米勒),
    /// and dictionary names of people and organisations (longest first at each character).
    /// </summary>
    public IEnumerable<string> PeopleAndBodiesIn(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        for (var i = 0; i < folded.Length; i++)
        {
            if (!CharClass.IsHan(folded[i]))
            {
                continue;
            }

            var dot = i + 1 < folded.Length ? folded.IndexOfAny(['·', '•', '‧'], i + 1, Math.Min(6, folded.Length - i - 1)) : -1;
            if (dot > i && folded[i..dot].All(CharClass.IsHan))
            {
                var end = dot + 1;
                while (end < folded.Length && CharClass.IsHan(folded[end]) && end - dot <= 5)
                {
                    end++;
                }

                if (end > dot + 1)
                {
                    yield return folded[i..end];
                    i = end - 1;
                    continue;
                }
            }

            for (var n = Math.Min(WordGlosses.MaxWordLength, folded.Length - i); n >= 2; n--)
            {
                var word = folded.Substring(i, n);
                if (word.All(CharClass.IsHan) && glosses.ProperName(word) is ProperNameKind.Person or ProperNameKind.Organisation)
                {
                    yield return word;
                    i += n - 1;
                    break;
                }
            }
        }
    }

    /// <summary>
    /// A person's, organisation's or place's name: a dictionary proper name, or two or three characters that open with
    /// a common surname and are no dictionary word (张伟, 李娜).
    /// </summary>
    public bool IsName(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length < 2 || !word.All(CharClass.IsHan))
        {
            return false;
        }

        if (glosses.ProperName(word) is ProperNameKind.Person or ProperNameKind.Organisation or ProperNameKind.Place)
        {
            return true;
        }

        return word.Length <= 3 && !glosses.IsWord(word) && (s_surnames.Contains(word[..1]) || (word.Length == 3 && s_surnames.Contains(word[..2])));
    }

    private bool Negated(string word) => _negations.Any(n => word.StartsWith(n, StringComparison.Ordinal));

    /// <summary>The words end alike (可燃 / 不燃, 可溶 / 难溶): one head, differently qualified.</summary>
    private static bool SharesHead(string a, string b) => a.Length > 0 && b.Length > 0 && a[^1] == b[^1];

    /// <summary>Dictionary antonyms by their glosses: "soluble" / "insoluble", "able" / "unable".</summary>
    private bool Antonyms(string a, string b)
    {
        var first = FirstGlosses(a);
        var second = FirstGlosses(b);
        return first.Any(x => second.Any(y => IsNegatedForm(x, y) || IsNegatedForm(y, x)));
    }

    private static bool IsNegatedForm(string word, string negated) =>
        word.Length >= 4 && ((string[])["in", "un", "non", "non-", "dis", "im", "ir", "il"]).Any(p => string.Equals(negated, p + word, StringComparison.Ordinal));

    private List<string> FirstGlosses(string word) =>
        glosses.GlossesOf(word) is { } all
            ? [.. all.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(g => g.ToLowerInvariant()).Where(g => g.Length > 0 && !g.Contains(' ', StringComparison.Ordinal))]
            : [];

    /// <summary>
    /// Two words of one domain: a domain label they share ("(sports) midfield", "forward (sports)"), or, for words with
    /// one head character (红色, 绿色), a label of one that is what the head means ("blue (color)"; 色: color).
    /// </summary>
    private bool SameDomain(string a, string b)
    {
        var first = glosses.Domains(a);
        var second = glosses.Domains(b);
        if (first.Overlaps(second))
        {
            return true;
        }

        if (SharesHead(a, b) && a.Length >= 2 && b.Length >= 2 && a.Length == b.Length)
        {
            var head = FirstGlosses(a[^1..]).ToHashSet(StringComparer.Ordinal);
            return first.Concat(second).Any(head.Contains);
        }

        return false;
    }
}
