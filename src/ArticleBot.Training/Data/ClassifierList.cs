using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace ArticleBot.Training.Data;

/// <summary>
/// Derives the classifiers (measure words: 座, 間, 趟) from CC-CEDICT, for <c>Resources/words/figures.classifiers.txt</c>:
/// every headword of one or two characters, traditional and simplified, that the dictionary glosses as a classifier
/// ("classifier for …", "classifier of …", "classifier indicating …", "classifier used …", "classifier: pair", "measure word …"), and every
/// word its entries name as a classifier of another (CL:座[zuo4]). A number followed by one of them is a count.
/// </summary>
public static partial class ClassifierList
{
    /// <summary>The dictionary shipped with the bot, from the repository root.</summary>
    public static string ShippedDictionary(string repository) => Path.Combine(repository, "src", "ArticleBot.Core", "Resources", "cedict", "cedict_ts.u8.gz");

    /// <summary>The classifiers of a CC-CEDICT text, sorted by code point.</summary>
    public static IReadOnlyList<string> Derive(TextReader cedict)
    {
        ArgumentNullException.ThrowIfNull(cedict);
        var found = new SortedSet<string>(StringComparer.Ordinal);
        void Add(string word)
        {
            if (word.Length is 1 or 2 && !word.Any(char.IsWhiteSpace))
            {
                found.Add(word);
            }
        }

        while (cedict.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || EntryRegex().Match(line) is not { Success: true } entry)
            {
                continue;
            }

            var glosses = entry.Groups["g"].Value;
            if (glosses.Split('/').Any(g => ClassifierGlossRegex().IsMatch(g)))
            {
                Add(entry.Groups["t"].Value);
                Add(entry.Groups["s"].Value);
            }

            foreach (Match note in ClassifierNoteRegex().Matches(glosses))
            {
                foreach (var named in note.Groups["n"].Value.Split(','))
                {
                    foreach (var word in named.Split('[')[0].Trim().Split('|'))
                    {
                        Add(word);
                    }
                }
            }
        }

        return [.. found];
    }

    /// <summary>Writes the list, with where it comes from, to <paramref name="path"/>; returns how many it holds.</summary>
    public static int Write(string dictionary, string path)
    {
        using var gzip = new GZipStream(File.OpenRead(dictionary), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var words = Derive(reader);
        File.WriteAllText(path, Text(words), new UTF8Encoding(false));
        return words.Count;
    }

    /// <summary>The file's text: a header naming the source and its licence, then one word a line.</summary>
    public static string Text(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var text = new StringBuilder();
        text.Append("# Chinese classifiers (measure words), derived from CC-CEDICT (CC BY-SA 4.0, see ../cedict/NOTICE.md)\n");
        text.Append("# by `dotnet run --project src/ArticleBot.Training -- --classifiers <this file>`: headwords glossed as a\n");
        text.Append("# classifier or measure word, and the words entries name as their classifier (CL:). Do not edit by hand.\n");
        foreach (var word in words)
        {
            text.Append(word).Append('\n');
        }

        return text.ToString();
    }

    [GeneratedRegex(@"^(?<t>\S+) (?<s>\S+) \[[^\]]*\] /(?<g>.*)/\s*$")]
    private static partial Regex EntryRegex();

    [GeneratedRegex(@"^(?:classifier(?: (?:for|of|indicating|used)\b|:)|measure word\b)")]
    private static partial Regex ClassifierGlossRegex();

    [GeneratedRegex(@"CL:(?<n>[^/]*)")]
    private static partial Regex ClassifierNoteRegex();
}
