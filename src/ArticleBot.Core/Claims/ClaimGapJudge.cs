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

        if (Antonyms(claimed, said))
        {
            return GapMeaning.Opposite;
        }

        return SameDomain(claimed, said) ? GapMeaning.OtherValue : GapMeaning.Unsaid;
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
