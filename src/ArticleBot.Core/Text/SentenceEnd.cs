namespace ArticleBot.Core.Text;

/// <summary>
/// What ends a sentence, in one place: the sentence splitter, the article structure (a line that ends a sentence is
/// not a heading) and message splitting all ask here.
/// </summary>
public static class SentenceEnd
{
    /// <summary>A Chinese terminator, always a sentence boundary: 。！？；… (and the half-width ｡).</summary>
    public static bool IsTerminator(char c) => c is '。' or '！' or '？' or '；' or '…' or '｡';

    /// <summary>
    /// True when <paramref name="text"/> ends a sentence: with a Chinese terminator, with <c>. ! ? ;</c>, or with a
    /// closing quote or bracket right after a full stop, question or exclamation mark (<c>。」</c>, <c>?"</c>).
    /// </summary>
    public static bool Ends(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        var last = text[^1];
        return IsTerminator(last) || last is '.' or '!' or '?' or ';'
            || (CharClass.IsClosingQuote(last) && text.Length > 1 && text[^2] is '。' or '！' or '？' or '.' or '!' or '?');
    }
}
