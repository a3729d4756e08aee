using System.Text.RegularExpressions;
using ArticleBot.Core.ArticleTools;
using ArticleBot.Core.Language.Questions;
using ArticleBot.Core.Search;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.Claims;

/// <summary>
/// A claim as the verifier reads it: its language, the article's organisations, people and products it names, what it
/// says of them (its content words, attributes and qualitative values), its figures with their comparators, whether it
/// denies (不贊成), whether it asks whose product something is, and which way it compares (高於 / less than).
/// </summary>
public sealed record ClaimReading(
    string Text,
    string Folded,
    QuestionLanguage Language,
    IReadOnlyList<QueryGroup> Content,
    IReadOnlyList<ArticleEntity> Agents,
    IReadOnlyList<ArticleEntity> Products,
    IReadOnlyList<string> Attributes,
    IReadOnlyList<(string Attribute, string Value)> Values,
    IReadOnlyList<BoundedFigure> Figures,
    bool Negated,
    bool AsksOwner,
    bool AsksQuantity,
    int Direction,
    bool Thin)
{
    /// <summary>
    /// The folded claim as <see cref="ClaimAlignment"/> reads it: its frame ("對嗎", "文章說") and its figures blanked
    /// (figures are compared, not aligned); empty for a claim that folding changed in length.
    /// </summary>
    public string Aligned { get; init; } = string.Empty;

    /// <summary>
    /// The capitalised names of an English claim that are not the article's organisations, people or products
    /// (lower case): "xiaomi" in "Did Xiaomi launch …". Whether the deciding sentence writes them is the verifier's to tell.
    /// </summary>
    public IReadOnlyList<string> Strangers { get; init; } = [];

    /// <summary>
    /// The content words that say which end of a period the claim's date is (始於, since, began): compared through the
    /// date's <see cref="DateRole"/> where the article gives that end of a period, else searched for like any word.
    /// </summary>
    public IReadOnlyList<QueryGroup> RoleWords { get; init; } = [];

    /// <summary><see cref="Aligned"/> with the <see cref="RoleWords"/> blanked.</summary>
    public string AlignedWithoutRoleWords { get; init; } = string.Empty;

    /// <summary>Content words a sentence says whatever its text: the <see cref="RoleWords"/>, when its date is the same end of a period.</summary>
    public IReadOnlyList<QueryGroup> SaidByRole { get; init; } = [];

    /// <summary>
    /// The claim as read against a date that is the same end of a period as its own (始於 and the 1912年 of 1912年至1949年;
    /// since and 自2015年初): the date says its <see cref="RoleWords"/>, and they are not aligned.
    /// </summary>
    public ClaimReading WithRoleWordsSaid() => this with { SaidByRole = RoleWords, Aligned = AlignedWithoutRoleWords };
}

/// <summary>Reads claims and yes/no questions in Traditional or Simplified Chinese and English (see <see cref="ClaimReading"/>); refuses what is not a claim.</summary>
public sealed partial class ClaimReader(ArticleSearch search, EntityFinder entities, ScriptFolding folder, FactTable facts)
{
    /// <summary>A claim longer than this is not one claim.</summary>
    public const int MaxLength = 300;

    private ClaimLexicon Lexicon => facts.Lexicon;

    /// <summary>Comparator, negation, frame and quantity words: compared, never searched for. Built once (per claim it was a third of a claim's reading).</summary>
    private HashSet<string> LexiconWords => field ??= Lexicon.Words("comparator").Concat(Lexicon.Words("negation")).Concat(Lexicon.Words("frame")).Concat(Lexicon.Words("quantity"))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Attribute and value words, counted as attributes and values rather than as words.</summary>
    private HashSet<string> CueWords => field ??= Lexicon.Words("attribute").Concat(Lexicon.Words("value")).ToHashSet(StringComparer.Ordinal);

    /// <summary>Why a text cannot be checked as a claim (a notice for the user), or null when it can.</summary>
    public string? Notice(string claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var text = NoiseRegex().Replace(claim, " ");
        var meaningful = text.Count(char.IsLetterOrDigit);
        if (string.IsNullOrWhiteSpace(claim))
        {
            return "the claim is empty: send a statement or a yes/no question about the article";
        }

        if (meaningful < 2)
        {
            return "the message holds only mentions, links or symbols: there is no claim to check";
        }

        if (claim.Length > MaxLength)
        {
            return $"the claim is {claim.Length} characters long: send one claim (at most {MaxLength} characters) at a time";
        }

        var letters = text.Count(char.IsLetter);
        if (letters < 2 || text.Count(char.IsDigit) > letters * 2)
        {
            return "the claim is mostly numbers: say what the figures are about";
        }

        if (text.Any(CharClass.IsOtherScript))
        {
            return "the claim is in a language the bot does not read: write it in Chinese or English";
        }

        if (!text.Any(CharClass.IsHan))
        {
            // Latin script: English unless it writes another language's letters or words, or (at some length) no English word.
            var lower = text.ToLowerInvariant();
            var words = lower.Split((char[])[' ', ',', '.', '?', '!', ';', ':'], StringSplitOptions.RemoveEmptyEntries);
            var foreign = (lower.Any(c => c is >= '\u00C0' and <= '\u024F') ? 1 : 0) + Lexicon.Words("foreign").Distinct().Count(w => ClaimLexicon.IndexOfWord(lower, w, 0) >= 0);
            if (foreign >= 2 || (words.Length >= 4 && !Lexicon.Words("function").Any(w => ClaimLexicon.IndexOfWord(lower, w, 0) >= 0)))
            {
                return "the claim does not read as English or Chinese: write it in Chinese or English";
            }
        }

        return null;
    }

    /// <summary>Reads a claim; call <see cref="Notice"/> first.</summary>
    public ClaimReading Read(string claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var folded = folder.Fold(claim);
        var language = LanguageDetector.Detect(claim, folder);
        // The frame's words blanked out, in the folded claim and (where folding kept the length) in the claim as written.
        var framed = folded;
        var unframed = claim.ToCharArray();
        foreach (var frame in Lexicon.Words("frame"))
        {
            for (var at = ClaimLexicon.IndexOfWord(framed, frame, 0); at >= 0; at = ClaimLexicon.IndexOfWord(framed, frame, 0))
            {
                framed = string.Concat(framed.AsSpan(0, at), new string(' ', frame.Length), framed.AsSpan(at + frame.Length));
                if (folded.Length == claim.Length)
                {
                    Array.Fill(unframed, ' ', at, frame.Length);
                }
            }
        }

        var named = entities.NamedIn(claim);
        var agents = named.Where(e => e.Kind is EntityKind.Organization or EntityKind.Person).ToList();
        var products = named.Where(e => e.Kind == EntityKind.Product).ToList();
        var names = named.SelectMany(entities.NamesOf).ToHashSet(StringComparer.Ordinal);
        var lexiconWords = LexiconWords;
        // The claim's own words, without its frame ("文章認為", "does the article say"), its names, its figures and its
        // comparator and negation words (compared, not searched for). Attribute and value words stand for themselves
        // across languages (earn = 創收, impressions = 展示量), so they are counted as attributes and values, not as words.
        // Its figures and their comparator words blanked too: a classifier or unit read with a figure (20个村), or a
        // comparator (約有8萬人), would otherwise be searched for as part of the word beside it (个村, 約有), which the
        // article's 9个村 and 約3萬人 do not write.
        var figures = facts.FiguresOf(claim, claim: true);
        var analysed = folded.Length == claim.Length ? unframed : claim.ToCharArray();
        foreach (var figure in figures)
        {
            Array.Fill(analysed, ' ', figure.Mention.Start, figure.Mention.End - figure.Mention.Start);
            if (figure.ComparatorWord is { } word)
            {
                Array.Fill(analysed, ' ', word.At, word.Length);
            }
        }

        var plan = search.Analyze(new string(analysed));
        var cueWords = CueWords;
        var capitalised = language == QuestionLanguage.English ? CapitalisedRegex().Matches(claim).SelectMany(m => m.Value.ToLowerInvariant().Split(' ')).ToHashSet(StringComparer.Ordinal) : null;
        var content = plan.Groups.Select(g => capitalised is not null && !capitalised.Contains(g.Label) && WordTheArticleLacks(g) ? Unsaid(g) : g)
            .Where(g => g.Strength != GroupStrength.Weak && !IsNumber(g.Label)
            && !g.Alternatives.Any(names.Contains) && !names.Contains(folder.Fold(g.Label))
            && !lexiconWords.Contains(g.Label.ToLowerInvariant()) && !lexiconWords.Contains(folder.Fold(g.Label))
            && !cueWords.Contains(folder.Fold(g.Label)) && !InFigure(claim, g.Label, figures)).Select(g => WithWritingVerb(g, folded)).ToList();
        var strongCount = plan.Groups.Count(g => g.Strength == GroupStrength.Strong && !IsNumber(g.Label));
        var thin = strongCount < 2 && plan.Groups.Any(g => g.Strength == GroupStrength.Weak && !IsNumber(g.Label));
        var direction = Lexicon.Find("direction", framed).Select(d => d.Key == "more" ? 1 : -1).Distinct().ToList();
        var aligned = folded.Length == claim.Length ? framed.ToCharArray() : [];
        foreach (var figure in figures.Where(_ => aligned.Length > 0))
        {
            Array.Fill(aligned, ' ', figure.Mention.Start, figure.Mention.End - figure.Mention.Start);
        }

        foreach (var comparator in Lexicon.FindAll("comparator", framed).Where(_ => aligned.Length > 0))
        {
            Array.Fill(aligned, ' ', comparator.At, comparator.Length);
        }

        // A comparator's denial (不能超过) belongs to the bound it makes, not to the claim.
        var denials = figures.Select(f => f.ComparatorWord).OfType<(int At, int Length)>().ToList();
        foreach (var (at, length) in denials.Where(_ => aligned.Length > 0))
        {
            Array.Fill(aligned, ' ', at, Math.Min(length, aligned.Length - at));
        }

        var roleWords = RoleWords(content, figures);
        var alignedWithoutRoles = (char[])aligned.Clone();
        foreach (var word in roleWords.Select(g => folder.Fold(g.Label)))
        {
            for (var at = ClaimLexicon.IndexOfWord(framed, word, 0); at >= 0 && alignedWithoutRoles.Length > 0; at = ClaimLexicon.IndexOfWord(framed, word, at + 1))
            {
                Array.Fill(alignedWithoutRoles, ' ', at, word.Length);
            }
        }

        return new ClaimReading(
            claim,
            folded,
            language,
            content,
            agents,
            products,
            [.. Lexicon.Find("attribute", framed).Select(a => a.Key)],
            [.. Lexicon.Find("value", framed).Select(v => (v.Key.Split(':')[0], v.Key))],
            figures,
            facts.NegationsIn(framed).Any(n => !denials.Any(d => n.At >= d.At && n.At < d.At + d.Length)),
            Lexicon.Find("owner", framed).Any(),
            Lexicon.Find("quantity", framed).Any(),
            direction.Count == 1 ? direction[0] : 0,
            thin)
        {
            Aligned = new string(aligned),
            Strangers = language == QuestionLanguage.English ? Strangers(claim, named) : [],
            RoleWords = roleWords,
            AlignedWithoutRoleWords = new string(alignedWithoutRoles),
        };
    }

    /// <summary>
    /// The search reads a claim of writing ("是乙寫的", "written by") as a question for the byline: its writing verb
    /// becomes a group of the byline's words (作者, 記者). A claim names who wrote, so the sentence that says so with
    /// its verb (乙寫的《甲》, 乙著有《甲》: <c>claims.writing-words</c>) says that group too, unless the claim itself
    /// writes the group's word.
    /// </summary>
    private static QueryGroup WithWritingVerb(QueryGroup group, string folded) =>
        group.Label == AuthorGroup && !folded.Contains(AuthorGroup, StringComparison.Ordinal) && !s_writingWords.All(group.Alternatives.Contains)
            ? new QueryGroup(group.Label, [.. group.Alternatives.Union(s_writingWords, StringComparer.Ordinal)], group.Weight, group.Strength, group.InCorpus)
            : group;

    // The search's byline group, and the words a sentence says who wrote with.
    private const string AuthorGroup = "作者";
    private static readonly string[] s_writingWords = WordLists.Load("claims.writing-words");

    /// <summary>The content groups that are start or end words of the lexicon's <c>date-role</c>, when one of the claim's dates has a role.</summary>
    private List<QueryGroup> RoleWords(List<QueryGroup> content, IReadOnlyList<BoundedFigure> figures)
    {
        if (!figures.Any(f => f.Role != DateRole.None))
        {
            return [];
        }

        var words = Lexicon.Section("date-role").Where(e => e.Key is "start" or "end").SelectMany(e => e.Words).ToHashSet(StringComparer.Ordinal);
        return [.. content.Where(g => words.Contains(folder.Fold(g.Label).ToLowerInvariant()))];
    }

    /// <summary>The claim's capitalised names (months, days and the claim's function words aside) that name none of the article's entities.</summary>
    private List<string> Strangers(string claim, IReadOnlyList<ArticleEntity> named)
    {
        var known = named.Select(e => e.English.ToLowerInvariant()).ToList();
        var function = Lexicon.Words("function").ToHashSet(StringComparer.Ordinal);
        var strangers = new List<string>();
        foreach (Match mention in CapitalisedRegex().Matches(claim))
        {
            // The claim's first word is capitalised as any sentence's: "Did Xiaomi" is the name Xiaomi.
            var words = mention.Value.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !function.Contains(w) && !s_calendarWords.Contains(w)).ToList();
            var name = string.Join(' ', words);
            if (words.Count > 0 && !known.Any(k => k.Contains(name, StringComparison.Ordinal) || name.Contains(k, StringComparison.Ordinal)))
            {
                strangers.Add(name);
            }
        }

        return strangers;
    }

    private static readonly HashSet<string> s_calendarWords = new(StringComparer.Ordinal)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    };

    /// <summary>True when the word is part of one of the claim's figures ("February" of "on February 1"): compared, not searched for.</summary>
    private static bool InFigure(string claim, string label, IReadOnlyList<BoundedFigure> figures)
    {
        var at = claim.IndexOf(label, StringComparison.OrdinalIgnoreCase);
        return at >= 0 && figures.Any(f => f.Mention.Start <= at && at + label.Length <= f.Mention.End);
    }

    /// <summary>
    /// An English word of the claim that the dictionary translates, none of whose translations the article writes as a
    /// word: the search keeps it only as lone characters that some translation shares with the article, a weak group
    /// that would not count. In a claim it is something the article must say (a name's parts excepted: a capitalised
    /// word is read as a name). (The reader keeps it weak: a question is searched, a claim is checked.)
    /// </summary>
    private bool WordTheArticleLacks(QueryGroup group) =>
        group.Strength == GroupStrength.Weak && group.Label.Length > 2 && group.Label.All(char.IsAsciiLetterLower)
        && group.Alternatives.All(a => a.Length == 1) && search.Lexicon.Value.KnowsEnglish(group.Label);

    /// <summary>
    /// Such a word as the claim's content: strong, and matched by no lone character (a character of one of its
    /// translations inside another word says nothing of it), so a sentence leaves it unsaid. It keeps the small weight
    /// of its characters: weighed as a word the article lacks, it cost right verdicts on the development claims.
    /// </summary>
    private static QueryGroup Unsaid(QueryGroup group) => new(group.Label, [group.Label], group.Weight, GroupStrength.Strong, InCorpus: false);

    private static bool IsNumber(string label) =>
        label.Length > 0 && (char.IsAsciiDigit(label[0]) || label.EndsWith('%') || s_numberWords.Contains(label));

    // Scripts of languages other than Chinese and English (kana, hangul, Cyrillic, Greek, Arabic, Hebrew, Thai, Devanagari).
    // Words of a figure itself ("50 billion dollars"): the figure is compared, not searched for.
    private static readonly HashSet<string> s_numberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "thousand", "million", "millions", "billion", "billions", "trillion", "trillions", "bn", "percent", "dollar", "dollars",
        "usd", "yuan", "rmb", "us", "亿", "万", "万亿", "美元", "元", "人民币",
    };

    /// <summary>Runs of capitalised words (with "of" and "the" between them): "Did Xiaomi", "Marie Curie", "Bank of China".</summary>
    [GeneratedRegex(@"\b[A-Z][a-zA-Z'\-]+(?:\s+(?:of\s+|the\s+)?[A-Z][a-zA-Z'\-]+)*")]
    private static partial Regex CapitalisedRegex();

    /// <summary>Chat noise that is not a claim: Discord mentions and links.</summary>
    [GeneratedRegex(@"<[@#][!&]?\d+>|@everyone|@here|https?://\S+")]
    private static partial Regex NoiseRegex();
}
