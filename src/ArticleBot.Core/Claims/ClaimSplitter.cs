using System.Text.RegularExpressions;
using ArticleBot.Core.Corpus;

namespace ArticleBot.Core.Claims;

/// <summary>One checkable statement of a message, as offsets into it.</summary>
/// <param name="Start">First character in the message.</param>
/// <param name="End">One past the last character.</param>
/// <param name="Text">The claim: exactly <c>message[Start..End]</c>.</param>
public sealed record Claim(int Start, int End, string Text);

/// <summary>
/// Cuts a chat message ("Tencent is handing out 10 billion in red packets! And Alibaba has Qwen.") into the claims to
/// check against the article: its sentences, in Chinese or English punctuation, without the chat noise around them
/// (mentions, links, emoji-only or very short fragments). Claims are verbatim spans of the message, in order and
/// never overlapping, so a reply can quote what it checked.
/// </summary>
public static partial class ClaimSplitter
{
    /// <summary>Claims beyond this many are not checked (a wall of text is not a claim).</summary>
    public const int MaxClaims = 5;

    /// <summary>A claim needs at least this many letters, digits or CJK characters to be worth checking.</summary>
    public const int MinContent = 4;

    /// <summary>The message's claims, at most <see cref="MaxClaims"/>.</summary>
    public static IReadOnlyList<Claim> Split(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var claims = new List<Claim>();
        foreach (var sentence in SentenceSplitter.FullSentences(SentenceSplitter.Split(message)))
        {
            foreach (var (start, end) in Lines(message, sentence.Start, sentence.End))
            {
                var (s, e) = TrimNoise(message, start, end);
                if (e > s && Content(message.AsSpan(s, e - s)) >= MinContent)
                {
                    claims.Add(new Claim(s, e, message[s..e]));
                    if (claims.Count == MaxClaims)
                    {
                        return claims;
                    }
                }
            }
        }

        return claims;
    }

    /// <summary>A sentence typed across several chat lines is several claims.</summary>
    private static IEnumerable<(int Start, int End)> Lines(string text, int start, int end)
    {
        var lineStart = start;
        for (var i = start; i < end; i++)
        {
            if (text[i] is '\n' or '\r')
            {
                yield return (lineStart, i);
                lineStart = i + 1;
            }
        }

        yield return (lineStart, end);
    }

    /// <summary>Drops leading and trailing whitespace, mentions and links; a mention inside the claim stays (it is text).</summary>
    private static (int Start, int End) TrimNoise(string text, int start, int end)
    {
        while (true)
        {
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            var leading = NoiseRegex().Match(text, start, end - start);
            if (leading.Success && leading.Index == start && leading.Length > 0)
            {
                start += leading.Length;
                continue;
            }

            var trailing = TrailingNoiseRegex().Match(text, start, end - start);
            if (trailing.Success && trailing.Length > 0 && trailing.Index + trailing.Length == end)
            {
                end = trailing.Index;
                continue;
            }

            return (start, end);
        }
    }

    private static int Content(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var c in text)
        {
            count += char.IsLetterOrDigit(c) ? 1 : 0;
        }

        return count;
    }

    /// <summary>A Discord mention (&lt;@123&gt;, &lt;@&amp;9&gt;, &lt;#5&gt;, @everyone) or a link at the start.</summary>
    [GeneratedRegex(@"\G(?:<[@#][!&]?\d+>|@everyone|@here|https?://\S+)")]
    private static partial Regex NoiseRegex();

    [GeneratedRegex(@"(?:<[@#][!&]?\d+>|@everyone|@here|https?://\S+)$")]
    private static partial Regex TrailingNoiseRegex();
}
