using ArticleBot.Core.Text;

namespace ArticleBot.Core.Corpus;

/// <summary>A sentence (or clause) inside a text, as offsets into that text.</summary>
/// <param name="Start">First character.</param>
/// <param name="End">One past the last character.</param>
/// <param name="IsClause">
/// True when it ended at an ASCII comma between Chinese characters: a sentence boundary by this article's
/// punctuation, but a clause of a longer sentence in meaning. Answers join such clauses with what follows.
/// </param>
public readonly record struct SentenceSpan(int Start, int End, bool IsClause)
{
    /// <summary>Length in UTF-16 code units.</summary>
    public int Length => End - Start;
}

/// <summary>
/// Chinese-aware sentence splitting. Boundaries: 。！？；… always; ASCII <c>? ! ;</c> and <c>,</c> where they sit
/// between Chinese characters (this article types ASCII punctuation in Chinese text); a full stop followed by a
/// space in Latin text. Closing quotes and brackets stay with the sentence they close.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>Splits <paramref name="text"/>[<paramref name="start"/>..<paramref name="end"/>] into trimmed sentences.</summary>
    public static List<SentenceSpan> Split(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, text.Length);

        var sentences = new List<SentenceSpan>();
        var sentenceStart = start;
        var i = start;
        while (i < end)
        {
            var kind = BoundaryAt(text, i, start, end);
            if (kind == Boundary.None)
            {
                i++;
                continue;
            }

            // Absorb runs of terminators ("？！", "……") and the closing quotes that follow them.
            var j = i + 1;
            while (j < end && (IsStrongTerminator(text[j]) || CharClass.IsClosingQuote(text[j]) || text[j] is '!' or '?'))
            {
                j++;
            }

            Add(sentences, text, sentenceStart, j, kind == Boundary.Clause);
            sentenceStart = j;
            i = j;
        }

        Add(sentences, text, sentenceStart, end, isClause: false);
        return sentences;
    }

    /// <summary>Splits a whole text.</summary>
    public static List<SentenceSpan> Split(string text) => Split(text, 0, text?.Length ?? 0);

    /// <summary>
    /// Joins clauses with the sentence they belong to, so each span ends at a full stop, question mark or the like.
    /// </summary>
    public static List<SentenceSpan> FullSentences(IReadOnlyList<SentenceSpan> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var full = new List<SentenceSpan>();
        int? pendingStart = null;
        foreach (var sentence in sentences)
        {
            pendingStart ??= sentence.Start;
            if (!sentence.IsClause)
            {
                full.Add(new SentenceSpan(pendingStart.Value, sentence.End, false));
                pendingStart = null;
            }
        }

        if (pendingStart is { } open)
        {
            full.Add(new SentenceSpan(open, sentences[^1].End, false));
        }

        return full;
    }

    private enum Boundary
    {
        None,
        Sentence,
        Clause,
    }

    private static Boundary BoundaryAt(string text, int i, int start, int end)
    {
        var c = text[i];
        if (IsStrongTerminator(c))
        {
            return Boundary.Sentence;
        }

        if (c is not ('?' or '!' or ';' or ',' or '.'))
        {
            return Boundary.None;
        }

        var previous = i > start ? text[i - 1] : '\0';
        var next = i + 1 < end ? text[i + 1] : '\0';
        if (c == '.')
        {
            // "services." / "Hello. World" in Latin text; not "4.8" or "U.S.".
            var endsLatinSentence = char.IsLetter(previous) && !CharClass.IsHan(previous)
                && (next == '\0' || char.IsWhiteSpace(next) || CharClass.IsClosingQuote(next));
            return endsLatinSentence && !IsSingleLetterAbbreviation(text, i, start) ? Boundary.Sentence : Boundary.None;
        }

        var cjkAround = CharClass.IsCjkContext(previous) && (next == '\0' || CharClass.IsCjkContext(next) || char.IsWhiteSpace(next));
        if (c is '?' or '!')
        {
            // Also end an English question or exclamation followed by a space.
            if (cjkAround || next == '\0' || char.IsWhiteSpace(next))
            {
                return Boundary.Sentence;
            }

            return Boundary.None;
        }

        if (!cjkAround || next == '\0')
        {
            return c == ';' && (next == '\0' || char.IsWhiteSpace(next)) ? Boundary.Sentence : Boundary.None;
        }

        return c == ',' ? Boundary.Clause : Boundary.Sentence;
    }

    private static bool IsSingleLetterAbbreviation(string text, int dot, int start) =>
        dot - 1 >= start && char.IsUpper(text[dot - 1]) && (dot - 2 < start || !char.IsLetter(text[dot - 2]));

    private static bool IsStrongTerminator(char c) => SentenceEnd.IsTerminator(c);

    private static void Add(List<SentenceSpan> sentences, string text, int start, int end, bool isClause)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            sentences.Add(new SentenceSpan(start, end, isClause));
        }
    }
}
