using System.Text.RegularExpressions;
using ArticleBot.Core.Claims;

namespace ArticleBot.Training.Data;

/// <summary>
/// Derives the words that hold a negation character without denying anything (出没 "to haunt", 淹没 "to submerge",
/// 南非 "South Africa"), for <c>Resources/words/claims.words-of-no-denial.txt</c>: every CC-CEDICT headword, simplified,
/// of two characters that ends in one of the lexicon's one-character negations (claims.tsv: 不, 没, 未, 非, 无, 别), or
/// a proper name of up to four with one after its first character, and no English negation or inability in its glosses
/// (the lexicon's own: not, no, never, without, …). A word that opens with its negation (不朽, 无数) is left out, and so
/// are longer words and idioms: many such words do deny (不佳 "not good", 看不见 "can't see").
/// </summary>
public static partial class NegationFreeWords
{
    /// <summary>The words of a CC-CEDICT text, sorted by code point.</summary>
    public static IReadOnlyList<string> Derive(TextReader cedict, ClaimLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(cedict);
        ArgumentNullException.ThrowIfNull(lexicon);
        var negations = lexicon.Section("negation").Where(e => e.Key == "zh").SelectMany(e => e.Words).Where(w => w.Length == 1).Select(w => w[0]).ToHashSet();
        var english = lexicon.Section("negation").Where(e => e.Key == "en").SelectMany(e => e.Words).ToHashSet(StringComparer.Ordinal);
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var denying = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, word, glossText) in CedictEntries.Read(cedict))
        {
            // Two characters ending in the negation (出没, 南非, 分别), or a proper name (大别山 "Dabie Mountains"): longer
            // words with a negation inside are mostly idioms and verbs of ability that do deny (看不见, 必不可少).
            var properName = glossText.Length > 0 && char.IsUpper(glossText[0]);
            if (word.Length is < 2 or > 4 || !word.All(c => c is >= '\u4e00' and <= '\u9fff') || !word.Skip(1).Any(negations.Contains)
                || !(properName || (word.Length == 2 && negations.Contains(word[1]))))
            {
                continue;
            }

            // A word with several entries denies when any of them does (没 in 没法 "no way", whatever its other senses).
            var glosses = TokenRegex().Matches(glossText.ToLowerInvariant()).Select(m => m.Value);
            if (glosses.Any(t => english.Contains(t) || t.EndsWith("n't", StringComparison.Ordinal) || s_inability.Contains(t)))
            {
                denying.Add(word);
            }
            else
            {
                found.Add(word);
            }
        }

        found.ExceptWith(denying);
        return [.. found];
    }

    /// <summary>Writes the list, with where it comes from, to <paramref name="path"/>; returns how many it holds.</summary>
    public static int Write(string dictionary, string path)
    {
        using var reader = CedictEntries.Open(dictionary);
        var words = Derive(reader, ClaimLexicon.Shipped);
        CedictEntries.Write(path, Text(words));
        return words.Count;
    }

    /// <summary>The file's text: a header naming the source and its licence, then one word a line.</summary>
    public static string Text(IReadOnlyList<string> words) => CedictEntries.ListText(
    [
        "Words that hold a negation character after their first and deny nothing (出没, 淹没, 南非), derived from",
        "CC-CEDICT (CC BY-SA 4.0, see ../cedict/NOTICE.md) by `dotnet run --project src/ArticleBot.Training --",
        "--negation-free <this file>`: no English negation in their glosses. Do not edit by hand.",
    ], words);

    // Words of inability, beside the lexicon's negations: a word glossed so denies (没法 "unable", 未必 "not necessarily").
    private static readonly HashSet<string> s_inability = new(StringComparer.Ordinal) { "cannot", "unable", "impossible", "nothing" };

    [GeneratedRegex(@"[a-z']+")]
    private static partial Regex TokenRegex();
}
