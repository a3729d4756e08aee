using System.ComponentModel;
using System.Globalization;
using System.Text;
using ModelContextProtocol.Server;

namespace McpWordCount;

/// <summary>The plugin's tools: static methods with [McpServerTool]; the SDK derives the input schema from the parameters.</summary>
[McpServerToolType]
public static class WordCountTools
{
    /// <summary>Counts a text's words: each Chinese character is a word, as are runs of Latin letters or digits.</summary>
    [McpServerTool(Name = "count_words"), Description("Counts the words of a text: Chinese characters (each one a word), Latin words and numbers, and sentences.")]
    public static WordCount CountWords([Description("The text to count, in any language.")] string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int han = 0, latin = 0, sentences = 0;
        var inWord = false;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var rune = Rune.GetRuneAt((string)elements.Current, 0);
            var isHan = IsHan(rune);
            var isWordChar = !isHan && (Rune.IsLetterOrDigit(rune) || rune.Value is '\'' or '.' or ',' && inWord);
            han += isHan ? 1 : 0;
            latin += isWordChar && !inWord ? 1 : 0;
            inWord = isWordChar;
            sentences += rune.Value is '。' or '！' or '？' or '!' or '?' ? 1 : 0;
        }

        return new WordCount(han + latin, han, latin, sentences, text.Length);
    }

    private static bool IsHan(Rune rune) =>
        rune.Value is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0x20000 and <= 0x2A6DF or >= 0xF900 and <= 0xFAFF;
}

/// <summary>The counts.</summary>
/// <param name="Words">Chinese characters plus Latin words.</param>
/// <param name="ChineseCharacters">Han characters.</param>
/// <param name="LatinWords">Runs of Latin letters or digits.</param>
/// <param name="Sentences">Sentence-ending marks (。！？!?).</param>
/// <param name="Characters">UTF-16 code units.</param>
public sealed record WordCount(int Words, int ChineseCharacters, int LatinWords, int Sentences, int Characters);
