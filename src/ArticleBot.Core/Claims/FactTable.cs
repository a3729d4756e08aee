using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ArticleBot.Abstractions;
using ArticleBot.Core.ArticleTools;
using ArticleBot.Core.Corpus;
using ArticleBot.Core.Language.Mentions;
using ArticleBot.Core.Search;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.Claims;

/// <summary>How a figure is bounded: by the article's own qualifier (已超9億: more than) or a claim's comparator (不到: less than).</summary>
public enum Comparator
{
    /// <summary>The value itself.</summary>
    Equal,

    /// <summary>More than the value.</summary>
    More,

    /// <summary>The value or more.</summary>
    AtLeast,

    /// <summary>Less than the value.</summary>
    Less,

    /// <summary>The value or less.</summary>
    AtMost,

    /// <summary>Up to the value: the greatest (可達萬元), compared as a value.</summary>
    Max,

    /// <summary>A milestone broken or reached (突破5萬億), compared as a value.</summary>
    Milestone,

    /// <summary>About the value (約, 近).</summary>
    About,
}

/// <summary>Which end of a period a date is (the claims lexicon's <c>date-role</c>).</summary>
public enum DateRole
{
    /// <summary>A date on its own, or not a date.</summary>
    None,

    /// <summary>The period's start: 始於1912年, since 2020, the 1912年 of 1912年至1949年.</summary>
    Start,

    /// <summary>The period's end: 止於1949年, until 1949, the 1949年 of 1912年至1949年.</summary>
    End,
}

/// <summary>A figure with its comparator: 已超9億 is (9億, More).</summary>
public sealed record BoundedFigure(FigureMention Mention, Comparator Comparator)
{
    /// <summary>For a date, which end of a period it is.</summary>
    public DateRole Role { get; init; }

    /// <summary>For a date written as a range (1912年至1949年), the range's other end.</summary>
    public FigureMention? OtherEnd { get; init; }

    /// <summary>For a claim's figure, where the word that gave its comparator is in the claim (約 of 約有8萬人), when known.</summary>
    public (int At, int Length)? ComparatorWord { get; init; }
}

/// <summary>One clause of a sentence (between commas, semicolons or the sentence's ends), as the facts are read in it.</summary>
/// <param name="Start">First character in the sentence.</param>
/// <param name="Folded">The clause, folded.</param>
/// <param name="Agents">The organisations and people it names.</param>
/// <param name="Attributes">What it is about (released, invested, users, revenue, ...).</param>
/// <param name="Figures">Its figures, each with the article's own comparator.</param>
/// <param name="Negations">Where a negation starts in <paramref name="Folded"/>, and whether it is a contrast (而非: only what follows is denied).</param>
public sealed record FactClause(int Start, string Folded, IReadOnlyList<ArticleEntity> Agents, IReadOnlyList<string> Attributes, IReadOnlyList<BoundedFigure> Figures, IReadOnlyList<(int At, bool Contrast)> Negations)
{
    /// <summary>True when the text at <paramref name="at"/> of the clause is denied: a negation in the clause, or a contrast before it.</summary>
    public bool Denies(int at) => Negations.Any(n => !n.Contrast || n.At < at);
}

/// <summary>A sentence of the article with its clauses, the organisations and people it is about, and its place in the file.</summary>
/// <param name="Passage">The passage it is in (cited as a whole, quoted as the sentence).</param>
/// <param name="Text">The sentence, verbatim: <c>file[Start..End]</c>.</param>
/// <param name="Folded">The sentence, folded.</param>
/// <param name="Start">First character in the seed file.</param>
/// <param name="End">One past the last character in the seed file.</param>
/// <param name="Agents">The organisations and people it names; when it names none, those of the sentence before in its passage (它, 他們).</param>
/// <param name="Clauses">Its clauses, in order.</param>
public sealed record FactSentence(Passage Passage, string Text, string Folded, int Start, int End, IReadOnlyList<ArticleEntity> Agents, IReadOnlyList<FactClause> Clauses)
{
    /// <summary>
    /// The sentence before it in its passage, folded, when this one names no organisation or person of its own: its
    /// subject is a pronoun or left out (他於1931年回到…; 面積…，下轄9個村), and the sentence before names it. Else null.
    /// </summary>
    public string? Before { get; init; }
}

/// <summary>A product and the organisation the article gives it to (任天堂旗下的寶可夢, 索尼推出PlayStation).</summary>
public sealed record OwnerFact(ArticleEntity Product, ArticleEntity Owner, FactSentence Sentence);

/// <summary>
/// One fact of the article: a subject, what it is about, a value with its unit, normalised magnitude and the article's
/// own comparator, a time, whether the clause denies it, and the sentence to cite.
/// </summary>
public sealed record Fact(string? Subject, IReadOnlyList<string> Attributes, BoundedFigure? Value, FigureMention? Time, bool Negated, FactSentence Sentence, FactClause Clause);

/// <summary>
/// The facts of the corpus, read once per corpus (lazily, on first use) from every sentence: see <see cref="Fact"/>.
/// Works on any article: it uses the generic readers (figures, entities) and the words of <see cref="ClaimLexicon"/>.
/// </summary>
public sealed partial class FactTable
{
    private readonly ArticleSearch _search;
    private readonly EntityFinder _entities;
    private readonly ScriptFolding _folder;
    private readonly ClaimLexicon _lexicon;
    private readonly ConditionalWeakTable<string, List<(string Key, int At, int Length)>> _attributes = new();
    private readonly ConditionalWeakTable<string, List<(string Key, int At, int Length)>> _values = new();
    private readonly PerCorpus<Built> _built;

    /// <summary>Creates the table; nothing is read until it is first used.</summary>
    public FactTable(ArticleSearch search, EntityFinder entities, ScriptFolding folder, ClaimLexicon lexicon)
    {
        _search = search;
        _entities = entities;
        _folder = folder;
        _lexicon = lexicon;
        _built = new(Build);
    }

    /// <summary>Every sentence of the corpus, in order.</summary>
    public IReadOnlyList<FactSentence> Sentences => _built.For(_search.Corpus).Sentences;

    /// <summary>Every fact of the corpus, in order.</summary>
    public IReadOnlyList<Fact> Facts => _built.For(_search.Corpus).Facts;

    /// <summary>Products and their owners.</summary>
    public IReadOnlyList<OwnerFact> Owners => _built.For(_search.Corpus).Owners;

    /// <summary>The lexicon the table was read with.</summary>
    public ClaimLexicon Lexicon => _lexicon;

    /// <summary>
    /// The attribute and value keys in one of the table's own texts (a sentence's or a clause's folded text), looked up
    /// once per text: every claim checked compares its attributes and values with every sentence. Keyed by the string
    /// itself, so the memo lives as long as the table's texts and a passing text adds nothing that stays.
    /// </summary>
    public IReadOnlyList<(string Key, int At, int Length)> CuesIn(string section, string folded) =>
        section switch
        {
            "attribute" => _attributes.GetValue(folded, f => [.. _lexicon.Find("attribute", f)]),
            "value" => _values.GetValue(folded, f => [.. _lexicon.Find("value", f)]),
            _ => [.. _lexicon.Find(section, folded)],
        };

    /// <summary>The figures of a text with their comparators: the figure reader's (Chinese and English) and amounts without digits (萬元).</summary>
    public IReadOnlyList<BoundedFigure> FiguresOf(string text, bool claim)
    {
        ArgumentNullException.ThrowIfNull(text);
        var mentions = FigureReader.Read(text).ToList();
        if (claim)
        {
            mentions.AddRange(FigureReader.ReadEnglish(text).Where(e => !mentions.Any(m => m.Start < e.End && e.Start < m.End)));
        }

        foreach (Match m in BareAmountRegex().Matches(text))
        {
            if (!mentions.Any(f => f.Start < m.Index + m.Length && m.Index < f.End))
            {
                var value = m.Groups["u"].Value switch { "千万" or "千萬" => 1e7, "百万" or "百萬" => 1e6, "亿" or "億" => 1e8, "万亿" or "萬億" => 1e12, "千" => 1e3, _ => 1e4 };
                mentions.Add(new FigureMention(m.Index, m.Index + m.Length, m.Value, FigureKind.Amount, value, m.Groups["c"].Value, string.Empty));
            }
        }

        mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        var figures = mentions.Where(f => f.Kind != FigureKind.Count || f.Unit.Length > 0).Select(f => WithYearPart(text, f))
            .Select(f => claim ? ClaimBounded(text, f) : new BoundedFigure(f, ArticleComparator(text, f))).ToList();
        return WithDateRoles(text, figures);
    }

    /// <summary>
    /// A year with the part of it an English text writes before it (late 2020): the part joins the date, as the figure
    /// reader's 2020年末 holds 末, so that it is compared, not searched for.
    /// </summary>
    private FigureMention WithYearPart(string text, FigureMention figure)
    {
        if (figure.Kind != FigureKind.Date || figure.Unit.Length > 0 || figure.Value < 10000)
        {
            return figure;
        }

        var before = text[..figure.Start].TrimEnd();
        var part = _lexicon.Section("date-part").SelectMany(e => e.Words.Select(w => (e.Key, Word: w)))
            .Where(p => EndsWithWord(before.ToLowerInvariant(), p.Word)).OrderByDescending(p => p.Word.Length).FirstOrDefault();
        if (part.Key is null)
        {
            return figure;
        }

        var start = before.Length - part.Word.Length;
        return figure with { Start = start, Text = text[start..figure.End], Unit = part.Key };
    }

    /// <summary>
    /// Marks the dates that are a period's start or end (the lexicon's <c>date-role</c>): two dates joined by a range
    /// word (1912年至1949年) are the start and the end; a date right after a start or end word (自2015年初, until 1949) is
    /// that end; a date after a range word, following a start, is the end (從1861年的…到1865年).
    /// </summary>
    private List<BoundedFigure> WithDateRoles(string text, List<BoundedFigure> figures)
    {
        var dates = figures.Select((f, i) => (Figure: f, Index: i)).Where(x => x.Figure.Mention.Kind == FigureKind.Date).ToList();
        for (var d = 0; d < dates.Count; d++)
        {
            var (figure, index) = dates[d];
            var before = _folder.Fold(text[(d > 0 ? dates[d - 1].Figure.Mention.End : 0)..figure.Mention.Start]);
            var previous = d > 0 ? figures[dates[d - 1].Index] : null;
            if (previous is not null && RoleWord(before.Trim(), "range", whole: true))
            {
                figures[dates[d - 1].Index] = previous with { Role = DateRole.Start, OtherEnd = figure.Mention };
                figures[index] = figure with { Role = DateRole.End, OtherEnd = previous.Mention };
            }
            else if (RoleWord(before, "start", whole: false))
            {
                figures[index] = figure with { Role = DateRole.Start };
            }
            else if (RoleWord(before, "end", whole: false) || (previous is { Role: DateRole.Start } && RoleWord(before, "range", whole: false)))
            {
                figures[index] = figure with { Role = DateRole.End };
            }
        }

        return figures;
    }

    /// <summary>
    /// True when the folded text is one of the section's words (<paramref name="whole"/>), or ends with one, past any
    /// link words ("began in", 始於公元).
    /// </summary>
    private bool RoleWord(string folded, string key, bool whole)
    {
        var words = _lexicon.Section("date-role").Where(e => e.Key == key).SelectMany(e => e.Words).ToList();
        if (whole)
        {
            return words.Contains(folded, StringComparer.Ordinal);
        }

        var links = _lexicon.Section("date-role").Where(e => e.Key == "link").SelectMany(e => e.Words).ToList();
        var rest = folded.TrimEnd();
        while (!words.Any(w => EndsWithWord(rest, w)))
        {
            // The role word first: 於 of 始於 is a link word too.
            var link = links.FirstOrDefault(l => EndsWithWord(rest, l));
            if (link is null)
            {
                return false;
            }

            rest = rest[..^link.Length].TrimEnd();
        }

        return true;
    }

    /// <summary>
    /// True when a folded sentence names a person, organisation, place or thing of its own (鹿兒島, a 《title》): a sentence
    /// without a subject of its own that names one is about it (同年底，某島已有一百五十人…), not about the sentence before's.
    /// </summary>
    private static bool NamesAnything(string folded) =>
        folded.Contains('《', StringComparison.Ordinal)
        || NameRecognizer.Find(folded).Any(m => m.Length >= 2 && m.Kind is AnswerKind.Person or AnswerKind.Organisation or AnswerKind.Place or AnswerKind.NamedThing);

    /// <summary>True when the text ends with the word (an English word only as a whole word).</summary>
    private static bool EndsWithWord(string text, string word) =>
        word.Length <= text.Length && ClaimLexicon.IndexOfWord(text, word, text.Length - word.Length) == text.Length - word.Length;

    /// <summary>The organisations and people a folded text names, in order.</summary>
    public IReadOnlyList<ArticleEntity> AgentsIn(string text) => AgentsIn(text, _search.Corpus);

    /// <summary>The toneless pinyin of a folded word of the article (2 to 5 characters: 李華 → "lihua"), or null.</summary>
    public string? Pinyin(string foldedWord)
    {
        ArgumentNullException.ThrowIfNull(foldedWord);
        return _search.Lexicon.Value.Pinyin(foldedWord);
    }

    private IReadOnlyList<ArticleEntity> AgentsIn(string text, ArticleCorpus corpus) =>
        [.. _entities.NamedIn(text, corpus).Where(e => e.Kind is EntityKind.Organization or EntityKind.Person)];

    /// <summary>
    /// Where negations start in a folded text, and whether each is a contrast. A negation character inside a word that
    /// denies nothing (出没, 淹没, 南非: <c>claims.words-of-no-denial</c>, derived from CC-CEDICT) is none.
    /// </summary>
    public IReadOnlyList<(int At, bool Contrast)> NegationsIn(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        var not = _lexicon.FindAll("not-negation", folded);
        return [.. _lexicon.FindAll("negation", folded)
            .Where(n => !not.Any(x => n.At >= x.At && n.At < x.At + x.Length) && !(n.Length == 1 && InWordOfNoDenial(folded, n.At)))
            .Select(n => (n.At, n.Key == "contrast"))];
    }

    private static readonly Lazy<HashSet<string>> s_wordsOfNoDenial = new(() => [.. WordLists.Load("claims.words-of-no-denial")]);

    /// <summary>Whether the character at <paramref name="at"/> is inside (not the start of) a word that denies nothing.</summary>
    private static bool InWordOfNoDenial(string folded, int at)
    {
        for (var length = 2; length <= 4; length++)
        {
            for (var start = Math.Max(0, at - length + 1); start < at && start + length <= folded.Length; start++)
            {
                if (s_wordsOfNoDenial.Value.Contains(folded.Substring(start, length)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>What the table reads from one corpus.</summary>
    private sealed record Built(IReadOnlyList<FactSentence> Sentences, IReadOnlyList<Fact> Facts, IReadOnlyList<OwnerFact> Owners);

    /// <summary>
    /// Reads the corpus it is keyed by, never the search's current one: a seeds reload landing during the build must
    /// not file one corpus's facts under another.
    /// </summary>
    private Built Build(ArticleCorpus corpus)
    {
        var sentences = new List<FactSentence>();
        var facts = new List<Fact>();
        var owners = new List<OwnerFact>();
        var products = _entities.AllOf(corpus).Where(e => e.Kind == EntityKind.Product).ToList();
        foreach (var passage in corpus.Passages)
        {
            IReadOnlyList<ArticleEntity> carried = [];
            string? previous = null;
            var from = 0;
            foreach (var (raw, _) in _search.Sentences(passage))
            {
                var text = raw.Trim();
                var at = passage.Text.IndexOf(text, from, StringComparison.Ordinal);
                if (text.Length == 0 || at < 0)
                {
                    continue;
                }

                from = at + text.Length;
                var clauses = new List<FactClause>();
                foreach (var (start, end) in ClauseSpans(text))
                {
                    var clause = text[start..end];
                    var folded = _folder.Fold(clause);
                    clauses.Add(new FactClause(start, folded, AgentsIn(clause, corpus), [.. _lexicon.Find("attribute", folded).Select(a => a.Key)],
                        FiguresOf(clause, claim: false), NegationsIn(folded)));
                }

                var named = AgentsIn(text, corpus);
                carried = named.Count > 0 ? named : carried;
                var foldedText = _folder.Fold(text);
                var sentence = new FactSentence(passage, text, foldedText, passage.Start + at, passage.Start + at + text.Length, carried, clauses)
                {
                    Before = named.Count == 0 && (SentenceContext.RefersToSomeoneBefore(foldedText) || !NamesAnything(foldedText)) ? previous : null,
                };
                previous = sentence.Folded;
                sentences.Add(sentence);
                foreach (var clause in clauses)
                {
                    var agents = clause.Agents.Count > 0 ? clause.Agents : carried;
                    var subject = agents.Count > 0 ? agents[0].Name : null;
                    var time = clause.Figures.FirstOrDefault(f => f.Mention.Kind == FigureKind.Date)?.Mention;
                    var negated = clause.Negations.Count > 0;
                    var values = clause.Figures.Where(f => f.Mention.Kind != FigureKind.Date).ToList();
                    if (values.Count == 0 && (clause.Attributes.Count > 0 || time is not null))
                    {
                        facts.Add(new Fact(subject, clause.Attributes, null, time, negated, sentence, clause));
                    }

                    facts.AddRange(values.Select(v => new Fact(subject, clause.Attributes, v, time, negated, sentence, clause)));
                    owners.AddRange(OwnersIn(clause, products).Select(o => new OwnerFact(o.Product, o.Owner, sentence)));
                }
            }
        }

        return new Built(sentences, facts, owners);
    }

    /// <summary>A product named right after an organisation in one clause (X旗下的P, X推出P, X的戰略級產品P): X's product.</summary>
    private IEnumerable<(ArticleEntity Product, ArticleEntity Owner)> OwnersIn(FactClause clause, List<ArticleEntity> products)
    {
        const int MaxGap = 8;
        foreach (var product in products)
        {
            var at = _entities.NamesOf(product).Select(n => clause.Folded.IndexOf(n, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
            if (at < 0)
            {
                continue;
            }

            var owner = clause.Agents.Where(a => a.Kind == EntityKind.Organization)
                .Select(a => (Agent: a, End: _entities.NamesOf(a).Select(n => (At: clause.Folded.LastIndexOf(n, Math.Max(0, at - 1), StringComparison.Ordinal), n.Length)).Where(x => x.At >= 0 && x.At + x.Length <= at).Select(x => x.At + x.Length).DefaultIfEmpty(-1).Max()))
                .Where(x => x.End >= 0 && at - x.End <= MaxGap)
                .OrderBy(x => at - x.End)
                .FirstOrDefault();
            if (owner.Agent is not null)
            {
                yield return (product, owner.Agent);
            }
        }
    }

    /// <summary>The clauses of a sentence: split at commas, semicolons, colons and sentence ends (not inside brackets' words).</summary>
    /// <remarks>A clause of fewer than <see cref="MinClause"/> characters (a date set off by a comma: "2020年，張偉成為…") joins the next.</remarks>
    internal static IEnumerable<(int Start, int End)> ClauseSpans(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '，' or ',' or '；' or ';' or '：' or ':' or '。' or '！' or '？' or '!' or '?' && !(text[i] == ',' && i > 0 && i + 1 < text.Length && char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1])))
            {
                if (i - start < MinClause && i + 1 < text.Length && text[i] is not ('。' or '！' or '？' or '!' or '?'))
                {
                    continue;
                }

                if (i > start)
                {
                    yield return (start, i);
                }

                start = i + 1;
            }
        }

        if (text.Length > start)
        {
            yield return (start, text.Length);
        }
    }

    private const int MinClause = 6;

    private Comparator ArticleComparator(string text, FigureMention figure)
    {
        // The longest qualifier ending right before the figure (可達, not 達).
        var before = _folder.Fold(text[Math.Max(0, figure.Start - 3)..figure.Start]);
        var found = _lexicon.Section("qualifier").SelectMany(e => e.Words.Where(w => before.EndsWith(w, StringComparison.Ordinal)).Select(w => (e.Key, w.Length)))
            .OrderByDescending(x => x.Length).FirstOrDefault();
        return found.Key is null ? Comparator.Equal : Parse(found.Key);
    }

    /// <summary>
    /// A claim's figure with its comparator: the nearest comparator word in the few words before the figure, or
    /// 以上/以下/左右 right after it; with where that word is (in the claim, where folding kept its length).
    /// </summary>
    private BoundedFigure ClaimBounded(string text, FigureMention figure)
    {
        var from = Math.Max(0, figure.Start - 14);
        var before = _folder.Fold(text[from..figure.Start]);
        var after = _folder.Fold(text[figure.End..Math.Min(text.Length, figure.End + 3)]);
        var best = (Key: (string?)null, At: -1, Length: 0);
        foreach (var (key, words) in _lexicon.Section("comparator"))
        {
            foreach (var word in words)
            {
                if (after.StartsWith(word, StringComparison.Ordinal) && word.Length >= 2 && !char.IsAsciiLetter(word[0]))
                {
                    return new BoundedFigure(figure, Parse(key)) { ComparatorWord = (figure.End, word.Length) };
                }

                for (var at = ClaimLexicon.IndexOfWord(before, word, 0); at >= 0; at = ClaimLexicon.IndexOfWord(before, word, at + 1))
                {
                    if (at + word.Length > best.At + best.Length)
                    {
                        best = (key, at, word.Length);
                    }
                }
            }
        }

        if (best.Key is not { } found)
        {
            return new BoundedFigure(figure, Comparator.Equal);
        }

        // A denied comparator is the converse bound: 不能超过15岁, "does not exceed 15" is at most 15.
        var denial = DenialBefore(before[..best.At]);
        if (denial > 0)
        {
            found = found switch { "gt" => "le", "ge" => "lt", "lt" => "ge", "le" => "gt", _ => found };
        }

        return new BoundedFigure(figure, Parse(found)) { ComparatorWord = before.Length == figure.Start - from ? (from + best.At - denial, best.Length + denial) : null };
    }

    /// <summary>
    /// The length of the denial (<c>comparator-negation</c>: 不, 不能, "does not") that ends a claim's text right before its
    /// comparator word, spaces included; 0 when there is none.
    /// </summary>
    private int DenialBefore(string lead)
    {
        var trimmed = lead.TrimEnd();
        foreach (var word in _lexicon.Words("comparator-negation"))
        {
            var at = trimmed.Length - word.Length;
            if (at >= 0 && trimmed.EndsWith(word, StringComparison.Ordinal) && (!char.IsAsciiLetter(word[0]) || at == 0 || !char.IsAsciiLetter(trimmed[at - 1])))
            {
                return lead.Length - at;
            }
        }

        return 0;
    }

    private static Comparator Parse(string key) => key switch
    {
        "gt" => Comparator.More,
        "ge" => Comparator.AtLeast,
        "lt" => Comparator.Less,
        "le" => Comparator.AtMost,
        "max" => Comparator.Max,
        "milestone" => Comparator.Milestone,
        "about" => Comparator.About,
        _ => throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"claims lexicon: unknown comparator '{key}'")),
    };

    /// <summary>An amount written without digits: 萬元 (10,000 yuan), 億美元.</summary>
    [GeneratedRegex(@"(?<![\d.,０-９])(?<u>千万|千萬|百万|百萬|万亿|萬億|亿|億|万|萬)(?<c>美元|元|人民币|人民幣)")]
    private static partial Regex BareAmountRegex();
}
