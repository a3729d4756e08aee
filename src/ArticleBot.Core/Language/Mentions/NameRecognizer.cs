using System.Text.RegularExpressions;

namespace ArticleBot.Core.Language.Mentions;

/// <summary>
/// Finds names in folded text: organisations and places by their Chinese suffix (…公司, …大學, …市, …河) or Latin
/// form (… inc, … university), people by a transliteration dot (安雅·羅素法), a common surname with a title
/// or verb of saying, or a capitalised Latin name; named things by title marks (《…》) and quotes. Optionally a
/// lexicon of known proper names (e.g. CC-CEDICT entries glossed with a capitalised name) adds whole words.
/// These are candidates, not a full named-entity tagger: precise enough to tell a sentence that names a
/// country from one that does not.
/// </summary>
public static partial class NameRecognizer
{
    private static readonly string[] s_organisationSuffixes = WordLists.Load("names.organisation-suffixes");

    private static readonly string[] s_placeSuffixes = WordLists.Load("names.place-suffixes");

    private static readonly string[] s_places = WordLists.Load("names.places");

    private static readonly string[] s_titles = WordLists.Load("names.titles");

    // The most common Chinese surnames: with a title or a verb of saying after the name, a safe person cue.
    private static readonly string Surnames = string.Concat(WordLists.Load("names.surnames"));

    /// <summary>All name mentions of a folded text; <paramref name="knownNames"/> (optional) says whether a Han word is a known proper name.</summary>
    public static IEnumerable<Mention> Find(string folded, Func<string, AnswerKind?>? knownNames = null)
    {
        ArgumentNullException.ThrowIfNull(folded);
        foreach (Match match in HanWordRegex().Matches(folded))
        {
            foreach (var mention in FindInHan(match.Value, match.Index, knownNames))
            {
                yield return mention;
            }
        }

        foreach (Match match in TransliteratedRegex().Matches(folded))
        {
            yield return new Mention(AnswerKind.Person, match.Index, match.Length, match.Value, match.Value);
        }

        foreach (Match match in TitleRegex().Matches(folded))
        {
            yield return new Mention(AnswerKind.NamedThing, match.Index, match.Length, match.Value, match.Groups["t"].Value);
        }

        foreach (Match match in LatinNameRegex().Matches(folded))
        {
            var kind = match.Groups["org"].Success ? AnswerKind.Organisation : AnswerKind.NamedThing;
            yield return new Mention(kind, match.Index, match.Length, match.Value, match.Groups["n"].Value);
        }
    }

    /// <summary>Capitalised Latin names in unfolded text (folding lower-cases them): "Lady Gaga", "Denver Broncos".</summary>
    public static IEnumerable<Mention> FindLatinCapitalised(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (Match match in CapitalisedRegex().Matches(text))
        {
            if (match.Index > 0 && !IsSentenceStart(text, match.Index))
            {
                yield return new Mention(AnswerKind.Person, match.Index, match.Length, match.Value, match.Value.ToLowerInvariant());
            }
        }
    }

    private static bool IsSentenceStart(string text, int index)
    {
        var i = index - 1;
        while (i >= 0 && text[i] == ' ')
        {
            i--;
        }

        return i < 0 || text[i] is '.' or '!' or '?' or '"' or '“' or '\n';
    }

    private static IEnumerable<Mention> FindInHan(string run, int offset, Func<string, AnswerKind?>? knownNames)
    {
        foreach (var place in s_places)
        {
            for (var at = run.IndexOf(place, StringComparison.Ordinal); at >= 0; at = run.IndexOf(place, at + place.Length, StringComparison.Ordinal))
            {
                yield return new Mention(AnswerKind.Place, offset + at, place.Length, place, place);
            }
        }

        foreach (var (suffixes, kind) in new[] { (s_organisationSuffixes, AnswerKind.Organisation), (s_placeSuffixes, AnswerKind.Place) })
        {
            foreach (var suffix in suffixes)
            {
                for (var at = run.IndexOf(suffix, StringComparison.Ordinal); at >= 0; at = run.IndexOf(suffix, at + suffix.Length, StringComparison.Ordinal))
                {
                    // A one-character suffix ends the name only where a word ends: 市 in 市值, 社 in 社會, 部 in 全部分 do not.
                    var end = at + suffix.Length;
                    if (suffix.Length == 1 && end < run.Length && !AfterSuffix.Contains(run[end]))
                    {
                        continue;
                    }

                    // The name before the suffix: two to six characters, not a function word (这个国, 该市 are references, not names).
                    var nameStart = Math.Max(0, at - 4);
                    var name = run[nameStart..at];
                    if (name.Length >= 2 - (suffix.Length > 1 ? 1 : 0) && !IsReference(name))
                    {
                        yield return new Mention(kind, offset + nameStart, at + suffix.Length - nameStart, run[nameStart..(at + suffix.Length)], name.Length > 2 ? name[^2..] : name);
                    }
                }
            }
        }

        foreach (var title in s_titles)
        {
            for (var at = run.IndexOf(title, StringComparison.Ordinal); at >= 0; at = run.IndexOf(title, at + title.Length, StringComparison.Ordinal))
            {
                // A title next to a name: 张伟教练, 李娜博士; the name itself is what identifies the person.
                var after = run[(at + title.Length)..];
                var before = run[..at];
                var name = after.Length >= 2 ? after[..Math.Min(3, after.Length)] : before.Length >= 2 ? before[^Math.Min(3, before.Length)..] : string.Empty;
                if (name.Length >= 2)
                {
                    yield return new Mention(AnswerKind.Person, offset + at, title.Length, title, name[..2]);
                }
            }
        }

        for (var i = 0; i + 2 < run.Length; i++)
        {
            // Surname + one or two characters, then a verb of saying, a title, or a comma-like break: 张伟表示.
            if (Surnames.Contains(run[i], StringComparison.Ordinal) && (i == 0 || !char.IsLetter(run[i - 1]) || IsNameBoundary(run, i)))
            {
                foreach (var length in (int[])[3, 2])
                {
                    if (i + length <= run.Length && (i + length == run.Length || IsAfterName(run, i + length)))
                    {
                        yield return new Mention(AnswerKind.Person, offset + i, length, run.Substring(i, length), run.Substring(i, length));
                        break;
                    }
                }
            }
        }

        if (knownNames is not null)
        {
            for (var length = Math.Min(6, run.Length); length >= 2; length--)
            {
                for (var i = 0; i + length <= run.Length; i++)
                {
                    if (knownNames(run.Substring(i, length)) is { } kind)
                    {
                        yield return new Mention(kind, offset + i, length, run.Substring(i, length), run.Substring(i, length));
                    }
                }
            }
        }
    }

    private const string AfterSuffix = "的在是于和与及为了将已曾也都有被把向从到等之内外北南东西中";

    private static readonly string[] s_afterName = WordLists.Load("names.after-name");

    private static bool IsAfterName(string run, int at) => s_afterName.Any(a => string.CompareOrdinal(run, at, a, 0, a.Length) == 0);

    private static bool IsNameBoundary(string run, int i) => run[i - 1] is '和' or '与' or '及' or '由' or '被' or '是' or '为' or '给' or '让' or '向' or '对';

    private static bool IsReference(string name) => name.EndsWith('这') || name.EndsWith('该') || name.EndsWith('此') || name.EndsWith('本') || name.EndsWith('各') || name.EndsWith('全') || name.EndsWith('其') || name.EndsWith('那') || name.EndsWith('个');

    [GeneratedRegex(@"[\u3400-\u9fff]+")]
    private static partial Regex HanWordRegex();

    [GeneratedRegex(@"[\u3400-\u9fff]{1,6}(?:[·•・‧][\u3400-\u9fff]{1,8})+")]
    private static partial Regex TransliteratedRegex();

    [GeneratedRegex(@"[《〈「“『""](?<t>[^》〉」”』""]{1,40})[》〉」”』""]")]
    private static partial Regex TitleRegex();

    [GeneratedRegex(@"\b(?<n>[a-z][a-z0-9&.\-]*(?:\s+[a-z][a-z0-9&.\-]*){0,3})\s+(?<org>inc|corp|corporation|ltd|llc|company|university|college|institute|foundation|association|agency|party|council|ministry|bank|group|club|team)\b|\b(?<n>[a-z]*[a-z][a-z0-9]*[0-9][a-z0-9]*|[a-z]{2,}(?:\s+[a-z]{2,}){0,2})\b(?=[\u3400-\u9fff])")]
    private static partial Regex LatinNameRegex();

    [GeneratedRegex(@"\b[A-Z][a-zA-Z'\-]+(?:\s+(?:of\s+|the\s+|de\s+|van\s+|von\s+)?[A-Z][a-zA-Z'\-]+)*")]
    private static partial Regex CapitalisedRegex();
}
