using System.Text.RegularExpressions;

namespace ArticleBot.Discord.Bot;

/// <summary>
/// Cuts answer text into Discord messages of at most 2000 characters: at sentence ends where possible, then at
/// spaces, never inside a <c>[n]</c> citation marker or a surrogate pair.
/// </summary>
public static partial class MessageSplitter
{
    /// <summary>Discord's content limit.</summary>
    public const int MaxMessageLength = 2000;

    /// <summary>Splits <paramref name="text"/> into pieces no longer than <paramref name="limit"/>.</summary>
    public static List<string> Split(string text, int limit = MaxMessageLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 16);
        var pieces = new List<string>();
        var rest = text.AsSpan().Trim();
        while (rest.Length > limit)
        {
            var cut = CutPoint(rest, limit);
            var piece = rest[..cut].TrimEnd();
            if (piece.Length > 0)
            {
                pieces.Add(piece.ToString());
            }

            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            pieces.Add(rest.ToString());
        }

        return pieces;
    }

    private static int CutPoint(ReadOnlySpan<char> text, int limit)
    {
        var window = text[..limit];
        var markers = MarkerRegex().EnumerateMatches(text[..Math.Min(text.Length, limit + 16)]);
        var forbidden = new List<(int Start, int End)>();
        foreach (var m in markers)
        {
            forbidden.Add((m.Index, m.Index + m.Length));
        }

        // Best: after a sentence end (and the citation markers that follow it).
        for (var i = window.Length - 1; i > limit / 2; i--)
        {
            if (IsSentenceEnd(window[i]))
            {
                var cut = i + 1;
                while (cut < text.Length && cut < limit && MarkerStartsAt(text, cut, forbidden, out var end) && end <= limit)
                {
                    cut = end;
                }

                if (Allowed(text, cut, limit, forbidden))
                {
                    return cut;
                }
            }
        }

        // Next: a space or newline.
        for (var i = window.Length - 1; i > limit / 2; i--)
        {
            if (char.IsWhiteSpace(window[i]) && Allowed(text, i + 1, limit, forbidden))
            {
                return i + 1;
            }
        }

        // Last resort: the longest allowed cut.
        for (var cut = limit; cut > 0; cut--)
        {
            if (Allowed(text, cut, limit, forbidden))
            {
                return cut;
            }
        }

        return limit;
    }

    private static bool Allowed(ReadOnlySpan<char> text, int cut, int limit, List<(int Start, int End)> forbidden)
    {
        if (cut <= 0 || cut > limit || (char.IsHighSurrogate(text[cut - 1]) && cut < text.Length && char.IsLowSurrogate(text[cut])))
        {
            return false;
        }

        if (cut < text.Length && text[cut] == '\u200B')
        {
            return false; // the zero-width space that defuses a mention stays with its "@"
        }

        foreach (var (start, end) in forbidden)
        {
            if (cut > start && cut < end)
            {
                return false;
            }
        }

        return true;
    }

    private static bool MarkerStartsAt(ReadOnlySpan<char> text, int position, List<(int Start, int End)> markers, out int end)
    {
        foreach (var (start, stop) in markers)
        {
            if (start == position)
            {
                end = stop;
                return true;
            }
        }

        end = position;
        return false;
    }

    private static bool IsSentenceEnd(char c) => c is '。' or '！' or '？' or '；' or '…' or '.' or '!' or '?' or '\n' or '”' or '」';

    [GeneratedRegex(@"\[\d{1,4}\]")]
    private static partial Regex MarkerRegex();
}
