using System.Text.RegularExpressions;

namespace ArticleBot.Training.Data;

/// <summary>
/// Derives the classifiers (measure words: 座, 間, 趟) from CC-CEDICT, for <c>Resources/words/figures.classifiers.txt</c>:
/// every headword of one or two characters, traditional and simplified, that the dictionary glosses as a classifier
/// ("classifier for …", "classifier of …", "classifier indicating …", "classifier used …", "classifier: pair", "measure
/// word …"), and every word its entries name as a classifier of another (CL:座[zuo4]). A number followed by one of them
/// is a count.
/// </summary>
public static partial class ClassifierList
{
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

        foreach (var (traditional, simplified, glosses) in CedictEntries.Read(cedict))
        {
            if (glosses.Split('/').Any(g => ClassifierGlossRegex().IsMatch(g)))
            {
                Add(traditional);
                Add(simplified);
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
        using var reader = CedictEntries.Open(dictionary);
        var words = Derive(reader);
        CedictEntries.Write(path, Text(words));
        return words.Count;
    }

    /// <summary>The file's text: a header naming the source and its licence, then one word a line.</summary>
    public static string Text(IReadOnlyList<string> words) => CedictEntries.ListText(
    [
        "Chinese classifiers (measure words), derived from CC-CEDICT (CC BY-SA 4.0, see ../cedict/NOTICE.md)",
        "by `dotnet run --project src/ArticleBot.Training -- --classifiers <this file>`: headwords glossed as a",
        "classifier or measure word, and the words entries name as their classifier (CL:). Do not edit by hand.",
    ], words);

    [GeneratedRegex(@"^(?:classifier(?: (?:for|of|indicating|used)\b|:)|measure word\b)")]
    private static partial Regex ClassifierGlossRegex();

    [GeneratedRegex(@"CL:(?<n>[^/]*)")]
    private static partial Regex ClassifierNoteRegex();
}
