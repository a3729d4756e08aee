using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace ArticleBot.Training.Data;

/// <summary>
/// The entries of the CC-CEDICT file shipped with the bot, for the word lists derived from it
/// (<see cref="ClassifierList"/>, <see cref="NegationFreeWords"/>), and how such a list is written.
/// </summary>
public static partial class CedictEntries
{
    /// <summary>The dictionary shipped with the bot, from the repository root.</summary>
    public static string ShippedDictionary(string repository) => Path.Combine(repository, "src", "ArticleBot.Core", "Resources", "cedict", "cedict_ts.u8.gz");

    /// <summary>Opens the gzipped dictionary at <paramref name="path"/> as text.</summary>
    public static StreamReader Open(string path) => new(new GZipStream(File.OpenRead(path), CompressionMode.Decompress), Encoding.UTF8);

    /// <summary>Each entry of a CC-CEDICT text: its traditional and simplified headwords and its glosses (slash-separated).</summary>
    public static IEnumerable<(string Traditional, string Simplified, string Glosses)> Read(TextReader cedict)
    {
        ArgumentNullException.ThrowIfNull(cedict);
        while (cedict.ReadLine() is { } line)
        {
            if (!line.StartsWith('#') && EntryRegex().Match(line) is { Success: true } entry)
            {
                yield return (entry.Groups["t"].Value, entry.Groups["s"].Value, entry.Groups["g"].Value);
            }
        }
    }

    /// <summary>A derived word list's text: its header lines (each written after "# "), then one word a line.</summary>
    public static string ListText(IEnumerable<string> header, IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(words);
        var text = new StringBuilder();
        foreach (var line in header)
        {
            text.Append("# ").Append(line).Append('\n');
        }

        foreach (var word in words)
        {
            text.Append(word).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte order mark.</summary>
    public static void Write(string path, string text) => File.WriteAllText(path, text, new UTF8Encoding(false));

    [GeneratedRegex(@"^(?<t>\S+) (?<s>\S+) \[[^\]]*\] /(?<g>.*)/\s*$")]
    private static partial Regex EntryRegex();
}
