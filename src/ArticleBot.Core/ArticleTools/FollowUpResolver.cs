using System.Text.RegularExpressions;
using ArticleBot.Core.Language.Mentions;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.ArticleTools;

/// <summary>
/// Makes a short follow-up whole from the conversation. "那阿里呢？" / "And about Qwen?" keep the last question's
/// intent with the new subject (the earlier subject of the same kind is replaced); "它怎麼收費？" / "What did he say?"
/// keep the last subject with the new intent (the pronoun is replaced). Anything else is returned unchanged.
/// </summary>
public sealed partial class FollowUpResolver(EntityFinder entities, ScriptFolding folder)
{
    private const int MaxFollowUpChars = 24;

    // Folded, longest first (the file's order): "这两家公司" before "两家公司", "the two companies" before "the two".
    private static readonly PairReference[] s_pairReferences = [.. WordLists.Load("followup.pair-references").Select(PairReference.Parse)];

    // Countries by name (folded): which places a "两国" can mean.
    private static readonly HashSet<string> s_countries = [.. WordLists.Load("names.countries")];

    // Words that, just before a reference, ask which two it is (folded).
    private static readonly string[] s_pairAskers = WordLists.Load("followup.pair-askers");

    /// <summary>
    /// The question to answer, given the user's earlier questions (oldest first) and, when known, the answer the last
    /// one got: a pronoun after a question that asked who or which company stands for the one the answer named
    /// ("X是哪家公司的產品？" → 某公司 → "它還推出了什麼？" asks about that company, not X).
    /// </summary>
    public string Resolve(string question, IReadOnlyList<string> earlier, string? lastAnswer = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(earlier);
        var trimmed = question.Trim();
        if (WithBothSides(trimmed, earlier) is { } compared)
        {
            return compared;
        }

        if (earlier.Count == 0 || question.Length > MaxFollowUpChars * 3)
        {
            return question;
        }

        var previous = earlier[^1];

        if (NewSubject(trimmed) is { } subject)
        {
            return WithSubject(previous, subject) ?? question;
        }

        if (trimmed.Length <= MaxFollowUpChars * 2 && Pronoun(trimmed) is { } pronoun)
        {
            if (lastAnswer is not null && AnswerSubject(previous, lastAnswer, pronoun.Value) is { } answered && !entities.NamedIn(question).Any(e => e.Kind == answered.Kind))
            {
                var english = LanguageDetector.Detect(question, folder) == QuestionLanguage.English;
                var name = english ? WithPossessive(answered.English, pronoun.Value) : answered.Name;
                return string.Concat(trimmed.AsSpan(0, pronoun.Index), name, trimmed.AsSpan(pronoun.Index + pronoun.Length));
            }

            // The last subject: the first entity of the latest earlier question that names one the pronoun can stand
            // for, as that question named it.
            var source = earlier.Reverse().FirstOrDefault(q => entities.NamedIn(q).Any(e => Fits(e, pronoun.Value)));
            var last = source is null ? null : entities.NamedIn(source).First(e => Fits(e, pronoun.Value));
            if (last is not null && source is not null && !entities.NamedIn(question).Any(e => e.Kind == last.Kind))
            {
                var asNamed = FindName(source, last) is { } span ? source[span.Start..span.End] : last.Name;
                var english = LanguageDetector.Detect(question, folder) == QuestionLanguage.English;
                var name = english ? WithPossessive(english && asNamed.Any(CharClass.IsHan) ? last.English : asNamed, pronoun.Value) : asNamed;
                return string.Concat(trimmed.AsSpan(0, pronoun.Index), name, trimmed.AsSpan(pronoun.Index + pronoun.Length));
            }
        }

        return question;
    }

    /// <summary>
    /// The one a pronoun points at in the last answer: when the last question asked for a person or an organisation
    /// (who, which company), the first of the answer's names that the question did not name, of a kind the pronoun can
    /// stand for (他, she: a person; 它, 該公司, it: not a person). Null otherwise: "X是誰？" is answered about X, and
    /// "他" after it is X, the question's own subject.
    /// </summary>
    private ArticleEntity? AnswerSubject(string previous, string lastAnswer, string pronoun)
    {
        var asked = AnswerKindClassifier.Classify(folder.Fold(previous));
        if (asked is not (AnswerKind.Person or AnswerKind.Organisation))
        {
            return null;
        }

        var named = entities.NamedIn(previous);
        if (named.Any(e => e.Kind == (asked == AnswerKind.Person ? EntityKind.Person : EntityKind.Organization)))
        {
            return null; // "X是誰？" names the one it asks for: the answer describes X
        }

        return entities.NamedIn(lastAnswer).FirstOrDefault(e => !named.Contains(e) && Fits(e, pronoun));
    }

    /// <summary>True when the pronoun can stand for the entity: 他, she for a person; 它, 該公司, it for anything else; they for any.</summary>
    private static bool Fits(ArticleEntity entity, string pronoun) =>
        PersonPronounRegex().IsMatch(pronoun) ? entity.Kind == EntityKind.Person : !ThingPronounRegex().IsMatch(pronoun) || entity.Kind != EntityKind.Person;

    /// <summary>
    /// "這兩家公司的產品叫什麼？" / "Which of the two relies more on …?" after a question that named two companies (or
    /// people, or countries) together: the reference is replaced by both, as the earlier question named them, so the
    /// question compares them. In a conversation that has named nobody yet, a reference that says its kind ("兩國",
    /// "the two countries") stands for the article's own two of that kind, when two lead the others. Null when the
    /// question makes no such reference, names both sides itself, or nothing says which two it means.
    /// </summary>
    private string? WithBothSides(string question, IReadOnlyList<string> earlier)
    {
        var folded = folder.Fold(question);
        if (folded.Length != question.Length)
        {
            return null; // a reference is replaced where it stands, which folding must not have moved
        }

        var reference = s_pairReferences.Select(r => (Reference: r, At: FindReference(folded, r.Words))).FirstOrDefault(r => r.At >= 0);
        if (reference.Reference is not { } found)
        {
            return null;
        }

        var english = LanguageDetector.Detect(question, folder) == QuestionLanguage.English;
        string Replaced(IReadOnlyList<ArticleEntity> pair, IReadOnlyList<string> names)
        {
            var written = names.Select((n, i) => english && n.Any(CharClass.IsHan) ? pair[i].English : n).ToList();
            var both = english ? $"{written[0]} and {written[1]}" : $"{written[0]}和{written[1]}";
            return string.Concat(question.AsSpan(0, reference.At), both, question.AsSpan(reference.At + found.Words.Length));
        }

        if (AsksWhichTwo(folded, reference.At) || NamesSidesBefore(folded, reference.At) || CountryPairs.Expand(question, folder) != question)
        {
            return null; // "哪兩國", "甲和乙兩家公司", "中美兩國": the question asks which two, or names them itself
        }

        foreach (var source in earlier.Reverse())
        {
            var pair = Fitting(found, entities.NamedIn(source)).GroupBy(e => e.Kind).FirstOrDefault(g => g.Count() >= 2)?.Take(2).ToList();
            if (pair is not null)
            {
                return Replaced(pair, [.. pair.Select(e => FindName(source, e) is { } span ? source[span.Start..span.End] : e.Name)]);
            }
        }

        // The article's own two, only where nothing else can be meant: the conversation has named nobody (after a
        // question about one product, "這兩家公司" points at something the answer said), the question names no side of
        // that kind itself (a country the article never writes included), and the corpus is one article.
        var unnamed = Fitting(found, entities.NamedIn(question)).Count == 0 && !(found.Countries && s_countries.Any(c => folded.Contains(c, StringComparison.Ordinal)));
        return found.Kind is null || !unnamed || earlier.Any(q => entities.NamedIn(q).Count > 0) || entities.All.SelectMany(e => e.Passages).Select(p => p.Source).Distinct().Skip(1).Any() ? null
            : LeadingPair(found) is { } leading ? Replaced(leading, [.. leading.Select(e => e.Name)]) : null;
    }

    /// <summary>Whether the words just before the reference ask which two it is ("哪兩國", "which are the two countries").</summary>
    private static bool AsksWhichTwo(string folded, int at)
    {
        var before = folded[..at].TrimEnd();
        return s_pairAskers.Any(w => w.Any(CharClass.IsHan)
            ? before.EndsWith(w, StringComparison.Ordinal)
            : before.EndsWith(w, StringComparison.Ordinal) && (before.Length == w.Length || !char.IsAsciiLetter(before[^(w.Length + 1)])));
    }

    /// <summary>Whether the question names the sides just before the reference ("甲和乙兩家公司", "A and B, the two companies").</summary>
    private static bool NamesSidesBefore(string folded, int at)
    {
        var before = folded[Math.Max(0, at - NamedSidesChars)..at];
        return before.AsSpan().IndexOfAny("和与跟及、") >= 0 || before.Contains(" and ", StringComparison.Ordinal);
    }

    // How far before a reference a list of its sides is looked for.
    private const int NamedSidesChars = 16;

    /// <summary>
    /// The article's two entities of the reference's kind, when they lead: the two it names, or two mentioned more
    /// often than any third (a tie for second place leaves open which two are meant).
    /// </summary>
    private List<ArticleEntity>? LeadingPair(PairReference reference)
    {
        var ranked = Fitting(reference, entities.All).OrderByDescending(e => e.Count).Take(3).ToList();
        return ranked.Count == 2 || (ranked.Count == 3 && ranked[1].Count > ranked[2].Count) ? ranked.Take(2).ToList() : null;
    }

    /// <summary>Where a reference stands in folded text: anywhere for Chinese, as whole words for English.</summary>
    private static int FindReference(string folded, string reference)
    {
        if (reference.Any(CharClass.IsHan))
        {
            return folded.IndexOf(reference, StringComparison.Ordinal);
        }

        for (var at = folded.IndexOf(reference, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(reference, at + 1, StringComparison.Ordinal))
        {
            var end = at + reference.Length;
            if ((at == 0 || !char.IsAsciiLetter(folded[at - 1])) && (end == folded.Length || !char.IsAsciiLetter(folded[end])))
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>The new subject a follow-up brings ("那阿里呢？" → 阿里), or null when it brings none.</summary>
    public static string? NewSubjectIn(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return NewSubject(question.Trim());
    }

    /// <summary>The new subject of "那X呢？", "X呢？", "And about X?", "What about X?", or null.</summary>
    private static string? NewSubject(string question)
    {
        var chinese = ChineseSubjectRegex().Match(question);
        if (chinese.Success && chinese.Groups["x"].Value.Length <= MaxFollowUpChars / 2)
        {
            return chinese.Groups["x"].Value;
        }

        var english = EnglishSubjectRegex().Match(question);
        return english.Success && english.Groups["x"].Value.Length <= MaxFollowUpChars ? english.Groups["x"].Value.Trim() : null;
    }

    /// <summary>The earlier question with its subject replaced by <paramref name="subject"/>.</summary>
    private string? WithSubject(string previous, string subject)
    {
        var named = entities.NamedIn(previous);
        if (named.Count == 0)
        {
            return null;
        }

        var inSubject = entities.NamedIn(subject);
        var newEntity = inSubject.Count > 0 ? inSubject[0] : null;
        var replaced = newEntity is null ? named[0] : named.FirstOrDefault(e => e.Kind == newEntity.Kind) ?? named[0];
        var span = FindName(previous, replaced);
        return span is { } s ? string.Concat(previous.AsSpan(0, s.Start), subject, previous.AsSpan(s.End)) : null;
    }

    /// <summary>Where an entity is named in a text (its Chinese name in either script, or its English name or surname).</summary>
    private (int Start, int End)? FindName(string text, ArticleEntity entity)
    {
        foreach (var target in entities.NamesOf(entity))
        {
            for (var length = target.Length; length <= target.Length + 1; length++)
            {
                for (var i = 0; i + length <= text.Length; i++)
                {
                    if (folder.Fold(text.Substring(i, length)) == target)
                    {
                        return (i, i + length);
                    }
                }
            }
        }

        return null;
    }

    private static Match? Pronoun(string question)
    {
        var match = PronounRegex().Match(question);
        return match.Success ? match : null;
    }

    /// <summary>"his" becomes "Curie's"; "he" becomes "Curie".</summary>
    private static string WithPossessive(string english, string pronoun)
    {
        var possessive = pronoun.ToUpperInvariant() is "HIS" or "HER" or "ITS" or "THEIR";
        return possessive ? english + "'s" : english;
    }

    [GeneratedRegex(@"^(?:那麼|那么|那|還有|还有|至於|至于)?\s*(?<x>[^，,。？?！!\s]{1,12}?)(?:的情況|的情况)?呢\s*[？?]?$")]
    private static partial Regex ChineseSubjectRegex();

    [GeneratedRegex(@"^(?:and\s+)?(?:what|how)?\s*(?:about|of|regarding)\s+(?<x>[^?.!]+?)\s*[?.!]?$|^and\s+(?<x>[^?.!]+?)\s*[?.!]?$", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishSubjectRegex();

    [GeneratedRegex(@"(?:他們|她們|它們|他们|她们|它们|该公司|該公司|这家公司|這家公司|(?<!其)他|她|它)|\b(?:he|she|it|they|him|her|his|its|their|them)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PronounRegex();

    [GeneratedRegex(@"^(?:他們|她們|他们|她们|他|她|he|she|him|her|his)$", RegexOptions.IgnoreCase)]
    private static partial Regex PersonPronounRegex();

    [GeneratedRegex(@"^(?:它們|它们|它|该公司|該公司|这家公司|這家公司|it|its)$", RegexOptions.IgnoreCase)]
    private static partial Regex ThingPronounRegex();
    /// <summary>Those of the entities a reference can stand for: of its kind, and countries for "两国".</summary>
    private List<ArticleEntity> Fitting(PairReference reference, IEnumerable<ArticleEntity> named) =>
        [.. named.Where(e => reference.Kind is null || (e.Kind == reference.Kind && (!reference.Countries || s_countries.Contains(folder.Fold(e.Name)))))];

    /// <summary>Words that refer to two sides, and the kind of the two when the words say it.</summary>
    private sealed record PairReference(string Words, EntityKind? Kind, bool Countries)
    {
        // A line is the words, then optionally a tab and country, organization or person.
        public static PairReference Parse(string line)
        {
            // An unknown kind (a typo in the file) reads as none: the words still refer to two sides named before.
            var parts = line.Split('\t');
            return parts.Length < 2 ? new(parts[0], null, false)
                : parts[1] == "country" ? new(parts[0], EntityKind.Place, true)
                : new(parts[0], Enum.TryParse<EntityKind>(parts[1], ignoreCase: true, out var kind) ? kind : null, false);
        }
    }
}
