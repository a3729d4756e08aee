using System.Text.RegularExpressions;
using ArticleBot.Abstractions;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.Corpus;

/// <summary>What a line of an article is.</summary>
public enum BlockKind
{
    /// <summary>A body paragraph.</summary>
    Paragraph,

    /// <summary>A section heading.</summary>
    Heading,

    /// <summary>The author line.</summary>
    Byline,

    /// <summary>A figure caption.</summary>
    Caption,

    /// <summary>An image placeholder such as <c>![]()</c>; not indexed.</summary>
    Image,

    /// <summary>The platform's disclaimer.</summary>
    Disclaimer,
}

/// <summary>One line-level block of an article, as trimmed offsets into the file's text.</summary>
public sealed record Block(BlockKind Kind, int Start, int End, string? Section);

/// <summary>
/// Recognises the structure of a news article typed as plain text or Markdown: byline, section headings,
/// image placeholders, figure captions and the platform's disclaimer. Works line by line; every block keeps
/// exact offsets into the original text.
/// </summary>
public static partial class ArticleStructure
{
    private const int MaxHeadingLength = 32;
    private const int MaxBylineLength = 48;
    private const int MaxCaptionLength = 80;

    private static readonly string[] s_bylineCues = ["作者", "記者", "记者", "撰文", "编辑", "編輯", "文/", "文｜", "By ", "by "];
    private static readonly string[] s_captionCues = ["制图", "製圖", "制圖", "图源", "圖源", "图片", "圖片", "来源", "來源", "摄", "攝", "Photo", "Figure", "Image", "Source"];
    private static readonly string[] s_disclaimerCues = ["特別聲明", "特别声明", "免責聲明", "免责声明", "聲明：", "声明：", "Notice:", "Disclaimer"];

    /// <summary>Splits <paramref name="text"/> into blocks, each carrying the section title it sits under.</summary>
    public static List<Block> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = Lines(text);
        var blocks = new List<Block>();
        string? section = null;
        var inDisclaimer = false;
        var seenContent = false;
        for (var index = 0; index < lines.Count; index++)
        {
            var (start, end) = lines[index];
            var line = text.AsSpan(start, end - start);
            BlockKind kind;
            if (ImageRegex().IsMatch(line))
            {
                kind = BlockKind.Image;
            }
            else if (inDisclaimer || StartsWithAny(line, s_disclaimerCues))
            {
                kind = BlockKind.Disclaimer;
                inDisclaimer = true;
            }
            else if (MarkdownHeading(text, ref start, end))
            {
                kind = BlockKind.Heading;
            }
            else if (!seenContent && line.Length <= MaxBylineLength && !EndsSentence(line) && ContainsAny(line, s_bylineCues))
            {
                kind = BlockKind.Byline;
            }
            else if (index > 0 && blocks.Count > 0 && blocks[^1].Kind == BlockKind.Image
                     && line.Length <= MaxCaptionLength && !EndsSentence(line) && LooksLikeCaption(line))
            {
                kind = BlockKind.Caption;
            }
            else if (line.Length <= MaxHeadingLength && !EndsSentence(line) && !ContainsSentenceTerminator(line)
                     && index + 1 < lines.Count && NextIsText(text, lines[index + 1]))
            {
                kind = BlockKind.Heading;
            }
            else
            {
                kind = BlockKind.Paragraph;
            }

            if (kind == BlockKind.Heading)
            {
                section = text[start..end];
            }

            if (kind != BlockKind.Image)
            {
                seenContent = true;
            }

            var blockSection = kind is BlockKind.Byline or BlockKind.Disclaimer ? null : section;
            blocks.Add(new Block(kind, start, end, blockSection));
        }

        return blocks;
    }

    /// <summary>The passage kind for a block that becomes a passage, or null for blocks that do not.</summary>
    public static PassageKind? ToPassageKind(BlockKind kind) => kind switch
    {
        BlockKind.Paragraph => PassageKind.Body,
        BlockKind.Byline => PassageKind.Byline,
        BlockKind.Caption => PassageKind.Caption,
        BlockKind.Disclaimer => PassageKind.Disclaimer,
        _ => null,
    };

    /// <summary>Non-blank lines as trimmed (start, end) offsets; handles LF, CRLF and CR.</summary>
    internal static List<(int Start, int End)> Lines(string text)
    {
        var lines = new List<(int, int)>();
        var lineStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('\n' or '\r' or '\u2028' or '\u2029'))
            {
                continue;
            }

            var start = lineStart;
            var end = i;
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
                lines.Add((start, end));
            }

            lineStart = i + 1;
        }

        return lines;
    }

    private static bool MarkdownHeading(string text, ref int start, int end)
    {
        var hashes = 0;
        while (start + hashes < end && text[start + hashes] == '#' && hashes < 7)
        {
            hashes++;
        }

        if (hashes is 0 or > 6 || start + hashes >= end || text[start + hashes] != ' ')
        {
            return false;
        }

        var titleStart = start + hashes;
        while (titleStart < end && char.IsWhiteSpace(text[titleStart]))
        {
            titleStart++;
        }

        if (titleStart >= end)
        {
            return false;
        }

        start = titleStart;
        return true;
    }

    private static bool LooksLikeCaption(ReadOnlySpan<char> line) =>
        ContainsAny(line, s_captionCues) || (line.Length > 2 && line[^1] is ')' or '）');

    private static bool NextIsText(string text, (int Start, int End) next) =>
        !ImageRegex().IsMatch(text.AsSpan(next.Start, next.End - next.Start));

    /// <summary>A line ending a sentence, or ending in a comma or colon (it goes on): text, not a heading or byline.</summary>
    private static bool EndsSentence(ReadOnlySpan<char> line) =>
        SentenceEnd.Ends(line) || line[^1] is ',' or '，' or '：' or ':';

    private static bool ContainsSentenceTerminator(ReadOnlySpan<char> line) => line.IndexOfAny("。！？；") >= 0;

    private static bool StartsWithAny(ReadOnlySpan<char> line, string[] cues)
    {
        foreach (var cue in cues)
        {
            if (line.StartsWith(cue, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsAny(ReadOnlySpan<char> line, string[] cues)
    {
        foreach (var cue in cues)
        {
            if (line.Contains(cue, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^!\[[^\]]*\]\([^)]*\)$")]
    private static partial Regex ImageRegex();
}
