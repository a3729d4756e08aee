using System.Text;
using System.Text.RegularExpressions;

namespace ArticleBot.Ingest.Extraction;

/// <summary>Turns extracted text into clean one-line paragraphs: whitespace collapsed, empty lines dropped.</summary>
internal static partial class Paragraphs
{
    /// <summary>Splits text at line breaks into trimmed, whitespace-collapsed, non-empty paragraphs.</summary>
    public static List<string> FromLines(string text)
    {
        var result = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            if (Clean(line) is { Length: > 0 } clean)
            {
                result.Add(clean);
            }
        }

        return result;
    }

    /// <summary>Splits text at blank lines; the lines of one paragraph are joined (with a space, except between CJK characters).</summary>
    public static List<string> FromBlocks(string text)
    {
        var result = new List<string>();
        foreach (var block in BlankLineRegex().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal)))
        {
            var builder = new StringBuilder();
            foreach (var line in block.Split('\n'))
            {
                var clean = Clean(line);
                if (clean.Length == 0)
                {
                    continue;
                }

                if (builder.Length > 0 && !(IsCjk(builder[^1]) && IsCjk(clean[0])))
                {
                    builder.Append(' ');
                }

                builder.Append(clean);
            }

            if (builder.Length > 0)
            {
                result.Add(builder.ToString());
            }
        }

        return result;
    }

    /// <summary>One line: control characters removed, runs of white space made one space, trimmed.</summary>
    public static string Clean(string line)
    {
        var builder = new StringBuilder(line.Length);
        var space = false;
        foreach (var c in line)
        {
            if (char.IsWhiteSpace(c) || c == '\u200B')
            {
                space = builder.Length > 0;
                continue;
            }

            if (char.IsControl(c) || c == '\uFEFF')
            {
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static bool IsCjk(char c) => c is >= '\u3000' and <= '\u9FFF' or >= '\uF900' and <= '\uFFEF';

    [GeneratedRegex(@"\n[ \t\u3000]*\n")]
    private static partial Regex BlankLineRegex();
}
