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
/// <item>A cleft claim's focus ("發明電話的是愛迪生"), a copula claim's name ("甲的創始人是乙"), or a passive claim's
/// agent ("《甲》是乙寫的", "甲由乙設計", "甲被乙擊敗", "甲為乙所創立"), is compared with who the sentence says did it:
/// its subject before the body's first word (without the date or place it sets the clause in: 乙於1801年發明),
/// the agent of its own passive (甲由乙設計), or, when the sentence is a cleft or copula too (最早提出此說的是甲,
/// 首都為乙, 《甲》的作者是乙: a noun naming who does what the claim's verb says), what follows its 是 or 為.</item>
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
    /// <param name="isName">Whether a folded string is a name: a copula claim's name ("創始人是乙") and a passive claim's
    /// agent ("是乙寫的") are read as its focus.</param>
    /// <param name="isAgentNoun">Whether a folded noun names who does what a folded verb says (作者, "writer", for 寫,
    /// "to write"): the sentence's "《甲》的作者是乙" then says who did it.</param>
    public static IReadOnlyList<ClaimGap> Gaps(string claim, string sentence, Func<string, bool> isWord, Func<string, bool> isSaid, Func<string, bool>? isName = null, Func<string, string, bool>? isAgentNoun = null)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(isWord);
        ArgumentNullException.ThrowIfNull(isSaid);
        var (body, focus, passive) = Cleft(claim, isWord, isName);
        return GapsOf(body, focus, passive, sentence, isWord, isSaid, isName, isAgentNoun)
            ?? GapsOf(claim, null, passive: false, sentence, isWord, isSaid, isName, isAgentNoun)!;
    }

    /// <summary>
    /// The gaps of a claim's body and focus; null when the focus is a passive claim's agent and the sentence either
    /// writes it, or names no one where it may say who: the claim is then aligned as written (the sentence may name the
    /// doer in a phrase of its own, 由甲城的望族乙建立, in words of its own, 為其母乙攝政, or in a clause of its own),
    /// so that the passive reading only ever finds another name.
    /// </summary>
    private static List<ClaimGap>? GapsOf(string body, string? focus, bool passive, string sentence, Func<string, bool> isWord, Func<string, bool> isSaid, Func<string, bool>? isName, Func<string, string, bool>? isAgentNoun)
    {
        if (passive && sentence.Contains(focus!, StringComparison.Ordinal))
        {
            return null;
        }

        var tokens = Tokens(body, sentence, isWord);
        Locate(tokens, sentence);
        var gaps = new List<ClaimGap>();
        // The focus must stand in its slot: written elsewhere in the sentence, it is said of something else
        // (張三當選會長，李四當選副會長). Each slot is tested as the sentence writes it, and read without its setting.
        var slots = focus is null ? [] : FocusSlots(tokens, sentence, isWord, isAgentNoun);
        if (focus is not null && !slots.Any(s => s.Contains(focus, StringComparison.Ordinal)))
        {
            // Of the places that may say who, the first that holds a name (any, when none does).
            var said = slots.Select(s => WithoutSetting(s, isWord, isName)).ToList();
            var named = said.FirstOrDefault(s => isName is not null && Enumerable.Range(0, s.Length - 1).Any(i => isName(s[i..])));
            if (passive && named is null)
            {
                return null;
            }

            gaps.Add(new ClaimGap(focus, named ?? said.FirstOrDefault(), Focus: true));
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
    /// when it is a cleft or copula too (最早提出此說的是甲; 《乙》的作者是甲, through a noun of the claim's verb), the
    /// agent of its own passive (乙由甲設計), its subject before the body's first word, or a name right after the
    /// body's last word and its 的 (素有美名的乙: the name the description leads to).
    /// </summary>
    private static List<string> FocusSlots(List<Token> tokens, string sentence, Func<string, bool> isWord, Func<string, string, bool>? isAgentNoun)
    {
        var slots = new List<string>();
        var located = tokens.Where(t => t.Role == Role.Anchor && t.At >= 0).ToList();
        if (located.Count == 0)
        {
            return slots;
        }

        var last = located.MaxBy(t => t.At + t.Text.Length)!;
        var after = last.At + last.Text.Length;
        while (after < sentence.Length && Array.IndexOf(s_quotes, sentence[after]) >= 0)
        {
            after++; // a title's closing mark: 《乙》的作者是甲
        }

        var rest = sentence.AsSpan(after);
        var copula = rest.StartsWith("的是") ? 2 : rest.StartsWith("是") || rest.StartsWith("为") ? 1 : AgentCopula(sentence, after, tokens, isAgentNoun);
        if (copula > 0 && Following(sentence, after + copula) is { } complement)
        {
            return [complement];
        }

        foreach (var anchor in located.OrderBy(t => t.At))
        {
            if (PassiveAgent(sentence, anchor, isWord) is { } agent && !slots.Contains(agent))
            {
                slots.Add(agent);
            }
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
    /// The length of "的" + a noun of the claim's verb + "是" or "为" at <paramref name="at"/> (的作者是 where the claim
    /// says 寫), or 0: the sentence names who did it after its copula, as a cleft does.
    /// </summary>
    private static int AgentCopula(string sentence, int at, List<Token> tokens, Func<string, string, bool>? isAgentNoun)
    {
        if (isAgentNoun is null || at >= sentence.Length || sentence[at] != '的')
        {
            return 0;
        }

        for (var length = 1; length <= MaxAgentNoun && at + 1 + length < sentence.Length; length++)
        {
            var noun = sentence.Substring(at + 1, length);
            if (!noun.All(CharClass.IsHan))
            {
                break;
            }

            if (sentence[at + 1 + length] is '是' or '为' && tokens.Any(t => t.Role != Role.Function && isAgentNoun(noun, t.Text)))
            {
                return length + 2;
            }
        }

        return 0;
    }

    /// <summary>The longest noun of a doer read between a sentence's 的 and its copula (作曲家 of 的作曲家是).</summary>
    private const int MaxAgentNoun = 4;

    /// <summary>
    /// The agent of the sentence's own passive right before an anchor (乙由甲設計: 甲, before 設計; 乙被甲擊敗; 乙為甲所創立),
    /// in the anchor's clause, or null.
    /// </summary>
    private static string? PassiveAgent(string sentence, Token anchor, Func<string, bool> isWord)
    {
        var start = anchor.At;
        while (start > 0 && anchor.At - start < MaxSlot && !IsBoundary(sentence[start - 1]))
        {
            start--;
        }

        var clause = sentence.AsSpan(start, anchor.At - start);
        var by = clause.LastIndexOfAny(s_passiveMarkers);
        if (by < 0 || InWord(sentence, start + by, isWord))
        {
            return null;
        }

        var agent = clause[(by + 1)..].ToString();
        // 為 marks a passive only with 所 after its agent (為甲所創立); 所 and light words close the slot.
        if (clause[by] == '为' && !agent.EndsWith('所'))
        {
            return null;
        }

        agent = agent.TrimEnd('所').Trim().Trim(s_function.ToArray()).Trim(s_quotes);
        return agent.Length >= 2 ? agent : null;
    }

    private static readonly System.Buffers.SearchValues<char> s_passiveMarkers = System.Buffers.SearchValues.Create("由被为");

    /// <summary>
    /// True when the character at <paramref name="at"/> makes a dictionary word with the one before or after it (由於,
    /// 自由, 被迫, 成為): then it is part of that word, no passive's marker.
    /// </summary>
    private static bool InWord(string text, int at, Func<string, bool> isWord) =>
        (at > 0 && CharClass.IsHan(text[at - 1]) && isWord(text.Substring(at - 1, 2)))
        || (at + 1 < text.Length && CharClass.IsHan(text[at + 1]) && isWord(text.Substring(at, 2)));

    /// <summary>
    /// A slot that may say who, read for the name of its doer: without the date or figure that sets its clause and what
    /// follows it (乙於1801年, 乙19世紀: 乙), or a place it is set in (乙在巴黎), or words after the name that are no part of
    /// it (乙最早, 乙著); else the name it ends with, the words before leading to it (莫過於乙). A slot that leaves no name
    /// is kept as the sentence writes it (被評為1972年: no doer, and a figure the claim gives too).
    /// </summary>
    private static string WithoutSetting(string slot, Func<string, bool> isWord, Func<string, bool>? isName)
    {
        var digit = 0;
        while (digit < slot.Length && !char.IsDigit(slot[digit]))
        {
            digit++;
        }

        var said = slot[..digit].Trim().Trim(s_function.ToArray()).Trim();
        if (said.Length < 2 || isName is null)
        {
            return slot;
        }

        bool Named(string text) => text.Length >= 2 && !s_function.Contains(text[0]) && !s_function.Contains(text[^1]) && isName(text);
        if (Named(said))
        {
            return said;
        }

        for (var i = 2; i < said.Length; i++)
        {
            if (said[i] is '于' or '在' && Named(said[..i]))
            {
                return said[..i];
            }
        }

        // Words after a name: the longest dictionary word the slot ends with, while what is left is no name.
        var named = said;
        while (!Named(named) && named.Length > 2)
        {
            var cut = Enumerable.Range(1, Math.Min(WordGlosses.MaxWordLength, named.Length - 2)).Reverse()
                .FirstOrDefault(n => named[^n..].All(CharClass.IsHan) && isWord(named[^n..]) && (n >= 2 || named.Length > 3));
            if (cut == 0)
            {
                break;
            }

            named = named[..^cut].TrimEnd(s_function.ToArray());
        }

        if (Named(named))
        {
            return named;
        }

        return Enumerable.Range(1, Math.Max(0, said.Length - 2)).Select(i => said[i..]).FirstOrDefault(Named) ?? slot;
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

    /// <summary>
    /// Who a sentence says did what a folded body says (陳一舟 for 青山 寫, of 陳一舟寫的《青山記》), read where a cleft's
    /// focus is read, without its setting; null when none of those places holds a name.
    /// </summary>
    public static string? DoerOf(string body, string sentence, Func<string, bool> isWord, Func<string, bool> isName, Func<string, string, bool>? isAgentNoun)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(isWord);
        ArgumentNullException.ThrowIfNull(isName);
        var tokens = Tokens(body, sentence, isWord);
        Locate(tokens, sentence);
        return FocusSlots(tokens, sentence, isWord, isAgentNoun).Select(s => WithoutSetting(s, isWord, isName))
            .FirstOrDefault(s => Enumerable.Range(0, s.Length - 1).Any(i => isName(s[i..])));
    }

    /// <summary>
    /// The focus of a folded claim, the one it names as who or which did what it says (乙 of 發明甲的是乙, 甲的作者是乙,
    /// 甲是乙寫的, 甲由乙設計), or null when it is no cleft, copula of a name, or passive.
    /// </summary>
    public static string? FocusOf(string claim, Func<string, bool> isWord, Func<string, bool>? isName)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(isWord);
        return Cleft(claim, isWord, isName).Focus;
    }

    /// <summary>A cleft claim's body (…的是X → …) and its focus X; or the claim and null.</summary>
    private static (string Body, string? Focus, bool Passive) Cleft(string claim, Func<string, bool> isWord, Func<string, bool>? isName)
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
                    return (text[..at], focus, false);
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
                return (text[..at], named, false);
            }
        }

        return isName is not null && Passive(text, isWord, isName) is { } passive ? (passive.Body, passive.Focus, true) : (text, null, false);
    }

    /// <summary>
    /// A passive claim's body and its agent, who it says did it: "《甲》是乙寫的" (甲 … 寫, 乙), "甲是由乙設計的", "甲由乙設計",
    /// "甲被乙擊敗", "甲為乙所創立". The agent is the longest name after the marker that leaves a verb of one to
    /// <see cref="MaxVerb"/> characters before the claim's end (and its closing 的); the marker nearest the verb decides.
    /// Null when the claim is no such passive.
    /// </summary>
    private static (string Body, string Focus)? Passive(string text, Func<string, bool> isWord, Func<string, bool> isName)
    {
        var closed = text.EndsWith('的') ? text[..^1] : text;
        for (var at = closed.Length - 2; at > 0; at--)
        {
            var marker = closed[at];
            // 是 marks it only with the closing 的 (是乙寫的); 為 only with 所 (為乙所創立).
            if (marker is not ('是' or '由' or '被' or '为') || (marker == '是' && closed.Length == text.Length) || InWord(closed, at, isWord))
            {
                continue; // nor is 由 of 由於 ("because") a passive's
            }

            var theme = (marker != '是' && closed[at - 1] == '是' ? closed[..(at - 1)] : closed[..at]).Trim();
            if (!theme.Any(char.IsLetterOrDigit))
            {
                continue;
            }

            // Of the ways to part the name from the verb (李華發明: 李華 and 發明, or 李華發 and 明), the one whose verb is
            // the longest dictionary word; else the longest name. Shorter names leave longer verbs.
            (string Agent, string Verb)? best = null;
            for (var length = Math.Min(8, closed.Length - at - 2); length >= 2; length--)
            {
                var agent = closed.Substring(at + 1, length);
                var verb = closed[(at + 1 + length)..];
                var done = verb.StartsWith('所');
                verb = done ? verb[1..] : verb;
                if ((marker != '为' || done) && verb.Length is >= 1 and <= MaxVerb && verb.All(CharClass.IsHan) && !verb.Contains('的', StringComparison.Ordinal) && isName(agent)
                    && (best is null || isWord(verb)))
                {
                    best = (agent, verb);
                }
            }

            if (best is { } found)
            {
                return (theme + " " + found.Verb, found.Agent);
            }
        }

        return null;
    }

    /// <summary>The longest verb read after a passive claim's agent (導演兼剪接 is more than one).</summary>
    private const int MaxVerb = 4;

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
