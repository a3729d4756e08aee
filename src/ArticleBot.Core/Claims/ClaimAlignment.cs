using ArticleBot.Core.Text;

namespace ArticleBot.Core.Claims;

/// <summary>
/// A part of a claim that its sentence does not say, with what the sentence says in that place.
/// </summary>
/// <param name="Claimed">The claim's words (folded).</param>
/// <param name="Said">What the sentence writes where the claim has them (folded), or null when the slot cannot be found.</param>
/// <param name="Focus">True for the focus of a cleft claim (…的是X): the one who or which the claim is about.</param>
public sealed record ClaimGap(string Claimed, string? Said, bool Focus)
{
    /// <summary>
    /// True when the gap is one character of the claim against one of the sentence, each shown with the character of
    /// the word both write after it (同性 / 異性 for 同 / 異 before 性).
    /// </summary>
    public bool Joined { get; init; }
}

/// <summary>
/// Aligns a Chinese claim with a sentence of the article, word by word, to find what the claim says that the sentence
/// does not: "李明司职后卫" against "李明……司职门将" leaves 后卫, in the slot where the sentence writes 门将.
/// <list type="bullet">
/// <item>The claim is cut into dictionary words (longest first); a word the sentence writes is an anchor, the others
/// (and unknown single characters) make gaps, function characters (的, 是, 了) neither.</item>
/// <item>Anchors are found in the sentence in the claim's order. A gap's slot in the sentence is what lies between the
/// anchors around it, or after the anchor before it up to the clause's end, or, for a gap that opens the claim (its
/// subject), the start of the sentence's clause up to the anchor after it, without its leading dates.</item>
/// <item>A cleft claim's focus ("發明電話的是愛迪生"), or a copula claim's name ("甲的創始人是乙"), is compared with the
/// sentence's subject before the body's first word, or, when the sentence is a cleft or copula too (最早提出此說的是甲,
/// 首都為乙), with what follows its 是 or 為.</item>
/// </list>
/// Pure: the caller gives the dictionary (is a string a word) and what counts as said another way (a synonym the
/// search matched).
/// </summary>
public static class ClaimAlignment
{
    /// <summary>The longest slot read from a sentence: longer is a clause, not a word in the claim's place.</summary>
    public const int MaxSlot = 10;

    /// <summary>The gaps of a folded claim (frame words, figures and names blanked as spaces) against a folded sentence.</summary>
    /// <param name="claim">The claim, folded; characters the caller has already accounted for are blanked with spaces.</param>
    /// <param name="sentence">The sentence, folded.</param>
    /// <param name="isWord">Whether a folded Han string is a dictionary word.</param>
    /// <param name="isSaid">Whether a gap's words are said in the sentence in other words (a synonym or gloss).</param>
    /// <param name="isName">Whether a folded string is a name: a copula claim's name ("創始人是乙") is read as its focus.</param>
    public static IReadOnlyList<ClaimGap> Gaps(string claim, string sentence, Func<string, bool> isWord, Func<string, bool> isSaid, Func<string, bool>? isName = null)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(isWord);
        ArgumentNullException.ThrowIfNull(isSaid);
        var (body, focus) = Cleft(claim, isName);
        var tokens = Tokens(body, sentence, isWord);
        Locate(tokens, sentence);
        var gaps = new List<ClaimGap>();
        // The focus must stand in its slot: written elsewhere in the sentence, it is said of something else
        // (張三當選會長，李四當選副會長).
        if (focus is not null && FocusSlots(tokens, sentence) is var slots && !slots.Any(s => s.Contains(focus, StringComparison.Ordinal)))
        {
            // Of the places that may say who, the first that holds a name (any, when none does).
            var named = slots.FirstOrDefault(s => isName is not null && Enumerable.Range(0, s.Length - 1).Any(i => isName(s[i..])));
            gaps.Add(new ClaimGap(focus, named ?? slots.FirstOrDefault(), Focus: true));
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Role != Role.Gap)
            {
                continue;
            }

            var first = i;
            while (i + 1 < tokens.Count && tokens[i + 1].Role is Role.Gap or Role.Function && !tokens[i + 1].Break)
            {
                i++;
            }

            var last = i;
            while (tokens[last].Role == Role.Function)
            {
                last--;
            }

            var claimed = string.Concat(tokens.Skip(first).Take(last - first + 1).Select(t => t.Text));
            if (isSaid(claimed))
            {
                continue;
            }

            // Its words said another way drop out (想購買 against 打算採購: 採購 may be a synonym of 購買).
            var unsaid = tokens.Skip(first).Take(last - first + 1).Where(t => t.Role == Role.Gap && !isSaid(t.Text)).ToList();
            if (unsaid.Count == 0)
            {
                continue;
            }

            claimed = unsaid.Count == last - first + 1 ? claimed : string.Concat(unsaid.Select(t => t.Text));

            var (left, right) = (Neighbour(tokens, first, -1), Neighbour(tokens, last, +1));
            var said = Slot(sentence, left, right);
            if (claimed.Length == 1 && said is { Length: 1 } && right is not null && last + 1 < tokens.Count && tokens[last + 1] == right && !right.Break
                && right.At > 0 && sentence[right.At - 1] == said[0])
            {
                // One character against one, right before a word both write (同 / 異 before 性): read as the words they
                // make with it (同性 / 異性), so that the judge can tell opposite characters from a slight difference.
                gaps.Add(new ClaimGap(claimed + right.Text[0], said + right.Text[0], Focus: false) { Joined = true });
                continue;
            }

            gaps.Add(new ClaimGap(claimed, said, Focus: false));
        }

        return gaps;
    }

    /// <summary>
    /// Where the sentence may say who or which did what the cleft's body says, most telling first: after its own 是 or 為
    /// when it is a cleft or copula too (最早提出此說的是甲), its subject before the body's first word, or a name
    /// right after the body's last word and its 的 (素有美名的乙: the name the description leads to).
    /// </summary>
    private static List<string> FocusSlots(List<Token> tokens, string sentence)
    {
        var slots = new List<string>();
        var located = tokens.Where(t => t.Role == Role.Anchor && t.At >= 0).ToList();
        if (located.Count == 0)
        {
            return slots;
        }

        var last = located.MaxBy(t => t.At + t.Text.Length)!;
        var after = last.At + last.Text.Length;
        var rest = sentence.AsSpan(after);
        var copula = rest.StartsWith("的是") ? 2 : rest.StartsWith("是") || rest.StartsWith("为") ? 1 : 0;
        if (copula > 0 && Following(sentence, after + copula) is { } complement)
        {
            return [complement];
        }

        if (Slot(sentence, null, located.MinBy(t => t.At)) is { } subject)
        {
            slots.Add(subject);
        }

        var description = rest.StartsWith("的") ? after + 1 : last.Text.EndsWith('的') ? after : -1;
        if (description >= 0 && Following(sentence, description) is { } described)
        {
            var of = described.IndexOf('的', StringComparison.Ordinal);
            slots.Add(of > 0 ? described[..of] : described); // the name, not what follows it (乙的提醒)
        }

        return slots;
    }

    /// <summary>The text from <paramref name="start"/> to the clause's end (at most <see cref="MaxSlot"/> characters), or null.</summary>
    private static string? Following(string sentence, int start)
    {
        var end = start;
        while (end < sentence.Length && end - start < MaxSlot && !IsBoundary(sentence[end]))
        {
            end++;
        }

        return end > start ? sentence[start..end].Trim(s_quotes) : null;
    }

    /// <summary>
    /// For a comparative claim "A比B(更)X" (甲城的夏天比乙城更热): true when the sentence gives X to A, false
    /// when it gives X to B (乙城的炎热夏天), null when it is not such a claim or the sentence does not tell. X is
    /// given to whichever of the two the sentence names last before it in its clause.
    /// </summary>
    public static bool? ComparisonHolds(string claim, string sentence)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(sentence);
        var text = claim.Trim();
        var than = text.IndexOf('比', StringComparison.Ordinal);
        if (than <= 0)
        {
            return null;
        }

        var rest = text[(than + 1)..].Trim();
        var degree = rest.IndexOfAny(['更', '还', '较']);
        var end = rest.Length;
        while (end > 0 && !char.IsLetterOrDigit(rest[end - 1]))
        {
            end--;
        }

        if (degree <= 0 || end - degree - 1 is < 1 or > 4)
        {
            return null;
        }

        var (a, b, x) = (Longest(text[..than], sentence), Longest(rest[..degree], sentence), rest[(degree + 1)..end]);
        if (a is null || b is null || a == b)
        {
            return null;
        }

        for (var at = sentence.IndexOf(x, StringComparison.Ordinal); at >= 0; at = sentence.IndexOf(x, at + 1, StringComparison.Ordinal))
        {
            var clauseStart = sentence.AsSpan(0, at).LastIndexOfAny(s_clauseEnds) + 1;
            var before = sentence[clauseStart..at];
            var lastA = before.LastIndexOf(a, StringComparison.Ordinal);
            var lastB = before.LastIndexOf(b, StringComparison.Ordinal);
            if (lastA >= 0 || lastB >= 0)
            {
                return lastA > lastB;
            }
        }

        return null;
    }

    /// <summary>
    /// The longest opening of a claim's side (its name leads: 南港 of 南港的冬天) that the sentence writes, else its
    /// longest part anywhere; two characters or more.
    /// </summary>
    private static string? Longest(string side, string sentence)
    {
        for (var length = side.Length; length >= 2; length--)
        {
            if (side[..length].All(char.IsLetterOrDigit) && sentence.Contains(side[..length], StringComparison.Ordinal))
            {
                return side[..length];
            }
        }

        for (var length = side.Length; length >= 2; length--)
        {
            for (var start = 0; start + length <= side.Length; start++)
            {
                var part = side.Substring(start, length);
                if (part.All(char.IsLetterOrDigit) && sentence.Contains(part, StringComparison.Ordinal))
                {
                    return part;
                }
            }
        }

        return null;
    }

    /// <summary>A cleft claim's body (…的是X → …) and its focus X; or the claim and null.</summary>
    private static (string Body, string? Focus) Cleft(string claim, Func<string, bool>? isName)
    {
        var end = claim.Length;
        while (end > 0 && !char.IsLetterOrDigit(claim[end - 1]))
        {
            end--;
        }

        var text = claim[..end].Trim();
        foreach (var marker in (string[])["的是", "的就是", "的为", "的乃是"])
        {
            var at = text.LastIndexOf(marker, StringComparison.Ordinal);
            if (at > 0)
            {
                var focus = text[(at + marker.Length)..].Trim();
                if (focus.Length is > 0 and <= 8 && !focus.Any(char.IsWhiteSpace) && !focus.Any(char.IsPunctuation))
                {
                    return (text[..at], focus);
                }
            }
        }

        // A copula claim whose complement is a name asks who or which as a cleft does ("甲的創始人是乙").
        foreach (var marker in (string[])["是", "为"])
        {
            var at = text.LastIndexOf(marker, StringComparison.Ordinal);
            var named = at > 0 ? text[(at + marker.Length)..].Trim() : string.Empty;
            if (named.Length is >= 2 and <= 8 && isName?.Invoke(named) == true)
            {
                return (text[..at], named);
            }
        }

        return (text, null);
    }

    private enum Role
    {
        Anchor,
        Gap,
        Function,
    }

    private sealed class Token(string text, Role role, bool breakBefore)
    {
        public string Text { get; } = text;

        public Role Role { get; set; } = role;

        /// <summary>A space or punctuation mark stands between it and the token before.</summary>
        public bool Break { get; } = breakBefore;

        /// <summary>Where the sentence writes it, or -1.</summary>
        public int At { get; set; } = -1;
    }

    /// <summary>The claim's words, longest dictionary word first; anchors are those the sentence writes.</summary>
    private static List<Token> Tokens(string claim, string sentence, Func<string, bool> isWord)
    {
        var tokens = new List<Token>();
        var broken = false;
        for (var i = 0; i < claim.Length;)
        {
            var c = claim[i];
            if (!char.IsLetterOrDigit(c))
            {
                broken = true;
                i++;
                continue;
            }

            int length;
            if (CharClass.IsHan(c))
            {
                length = 1;
                for (var n = Math.Min(WordGlosses.MaxWordLength, RunLength(claim, i)); n >= 2; n--)
                {
                    var candidate = claim.Substring(i, n);
                    if (isWord(candidate) || sentence.Contains(candidate, StringComparison.Ordinal))
                    {
                        length = n;
                        break;
                    }
                }
            }
            else
            {
                length = 1;
                while (i + length < claim.Length && CharClass.IsWordChar(claim[i + length]))
                {
                    length++;
                }
            }

            var text = claim.Substring(i, length);
            var role = sentence.Contains(text, StringComparison.Ordinal) && !(length == 1 && s_function.Contains(c)) ? Role.Anchor
                : length == 1 && s_function.Contains(c) ? Role.Function
                : Role.Gap;
            tokens.Add(new Token(text, role, broken));
            broken = false;
            i += length;
        }

        return tokens;
    }

    private static int RunLength(string text, int from)
    {
        var end = from;
        while (end < text.Length && CharClass.IsHan(text[end]))
        {
            end++;
        }

        return end - from;
    }

    /// <summary>Finds each anchor in the sentence in the claim's order (the first place after the anchor before it, else anywhere).</summary>
    private static void Locate(List<Token> tokens, string sentence)
    {
        var from = 0;
        foreach (var token in tokens)
        {
            if (token.Role != Role.Anchor)
            {
                continue;
            }

            var at = sentence.IndexOf(token.Text, from, StringComparison.Ordinal);
            token.At = at >= 0 ? at : sentence.IndexOf(token.Text, StringComparison.Ordinal);
            if (token.At >= from)
            {
                from = token.At + token.Text.Length;
            }
        }
    }

    private static Token? Neighbour(List<Token> tokens, int index, int step)
    {
        for (var i = index + step; i >= 0 && i < tokens.Count; i += step)
        {
            if (tokens[i].Role == Role.Anchor && tokens[i].At >= 0)
            {
                return tokens[i];
            }

            if (tokens[i].Role == Role.Gap)
            {
                return null; // another gap between: the slot is not bounded by this claim's words
            }
        }

        return null;
    }

    /// <summary>What the sentence writes in a gap's place, or null.</summary>
    private static string? Slot(string sentence, Token? left, Token? right)
    {
        int start, end;
        if (left is not null && right is not null && left.At + left.Text.Length <= right.At)
        {
            (start, end) = (left.At + left.Text.Length, right.At);
        }
        else if (left is not null)
        {
            start = left.At + left.Text.Length;
            end = start;
            while (end < sentence.Length && end - start < MaxSlot && !IsBoundary(sentence[end]) && (right is null || end != right.At))
            {
                end++;
            }
        }
        else if (right is not null)
        {
            end = right.At;
            start = end;
            while (start > 0 && end - start < MaxSlot && !IsBoundary(sentence[start - 1]))
            {
                start--;
            }

            // A clause's opening date or figure is its setting, not its subject (1876年貝爾發明…).
            while (start < end && (char.IsDigit(sentence[start]) || sentence[start] is '年' or '代' or '月' or '日' or ' ' or '初' or '末'))
            {
                start++;
            }
        }
        else
        {
            return null;
        }

        if (end - start > MaxSlot || sentence.AsSpan(start, end - start).IndexOfAny(s_clauseEnds) >= 0)
        {
            return null;
        }

        var said = sentence[start..end].Trim().Trim(s_function.ToArray()).Trim().Trim(s_quotes).Trim();
        return said.Length == 0 ? null : said;
    }

    private static readonly System.Buffers.SearchValues<char> s_clauseEnds = System.Buffers.SearchValues.Create("，,；;：:。！？!?");

    private static readonly char[] s_quotes = ['“', '”', '"', '「', '」', '《', '》'];

    // Quotation marks are no boundary: they wrap names and terms inside a slot (旗下的“甲”).
    private static bool IsBoundary(char c) => c is '，' or ',' or '；' or ';' or '：' or ':' or '。' or '！' or '？' or '!' or '?' or '、' or '（' or '(' or '）' or ')';

    // Function characters: particles, copulas and light prepositions that neither anchor a claim nor leave a gap (folded).
    private static readonly HashSet<char> s_function = ['的', '了', '是', '在', '和', '与', '及', '或', '被', '把', '着', '过', '也', '都', '就', '又', '还', '这', '那', '其', '吗', '呢', '吧', '啊', '于', '对', '之', '地', '得', '为', '有', '将', '会', '已', '曾'];
}
