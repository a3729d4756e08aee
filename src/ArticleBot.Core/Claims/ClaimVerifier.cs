using System.Buffers;
using ArticleBot.Abstractions;
using ArticleBot.Core.ArticleTools;
using ArticleBot.Core.Language.English;
using ArticleBot.Core.Language.Questions;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.Claims;

/// <summary>What the article says of a claim.</summary>
public enum Verdict
{
    /// <summary>The article says so.</summary>
    Supported,

    /// <summary>The article says otherwise: another figure or date, another subject, the opposite, or another value.</summary>
    Contradicted,

    /// <summary>The article does not say (or the verifier is not sure: it never contradicts a claim it cannot place).</summary>
    NotCovered,

    /// <summary>The text is not a claim that can be checked (empty, only mentions, mostly numbers, another language).</summary>
    Unreadable,
}

/// <summary>Why a claim is contradicted.</summary>
public enum ContradictionReason
{
    /// <summary>Not contradicted.</summary>
    None,

    /// <summary>The article gives another figure or date for the same thing.</summary>
    Figure,

    /// <summary>The article says it of another organisation or person (or gives the product to another owner).</summary>
    Subject,

    /// <summary>The article denies it (不贊成, 而非, 沒有人), or compares the other way.</summary>
    Stance,

    /// <summary>The article gives another value of a qualitative attribute (priced by impressions, not per click).</summary>
    Value,
}

/// <summary>
/// The verdict on a claim, with the sentence that decides it (verbatim; <see cref="Passage"/> holds it and is cited), the
/// article's figure and the claim's when a figure decided, and when the subject decided, who the article says it was.
/// </summary>
public sealed record ClaimCheck(Verdict Verdict, Passage? Passage, string? Sentence, FigureMention? ArticleFigure, FigureMention? ClaimFigure)
{
    /// <summary>Why it is contradicted.</summary>
    public ContradictionReason Reason { get; init; }

    /// <summary>The organisation or person the article says it of, when the subject decided.</summary>
    public ArticleEntity? ArticleSubject { get; init; }

    /// <summary>The claim's organisation or person, when the subject decided.</summary>
    public ArticleEntity? ClaimSubject { get; init; }

    /// <summary>The article's comparator for its figure (已超: more than).</summary>
    public Comparator ArticleComparator { get; init; }

    /// <summary>
    /// The article's words where the claim has others, verbatim from <see cref="Sentence"/>, when a slot of the claim
    /// decided (門將 where the claim says 後衛; 貝爾 where it names 愛迪生).
    /// </summary>
    public string? Said { get; init; }

    /// <summary>The claim's words in that slot.</summary>
    public string? Claimed { get; init; }

    /// <summary>
    /// For a Chinese claim whose best sentence contradicts none of it: what the support model read
    /// (<see cref="ClaimSupportFeatures"/>), else null. Training reads it to learn from.
    /// </summary>
    public float[]? SupportFeatures { get; init; }

    /// <summary>The support model's probability that the sentence supports the claim (null under the rule, or not asked).</summary>
    public double? Support { get; init; }

    /// <summary>
    /// For a Chinese claim with one unsaid slot that its best sentence fills with other words: what the refutation model
    /// read (<see cref="SlotRefutationFeatures"/>), else null. Training reads it to learn from.
    /// </summary>
    public float[]? SlotFeatures { get; init; }

    /// <summary>The refutation model's probability that the slot refutes the claim (null without a model, or not asked).</summary>
    public double? Refutation { get; init; }

    /// <summary>The sentence the support decision read, also when it did not support the claim (nothing is cited then).</summary>
    public string? ReadSentence { get; init; }

    /// <summary>Why the text cannot be checked, when <see cref="Verdict.Unreadable"/>.</summary>
    public string? Notice { get; init; }

    /// <summary>Not covered, with nothing to cite.</summary>
    public static ClaimCheck NotCovered { get; } = new(Verdict.NotCovered, null, null, null, null);
}

/// <summary>
/// Checks a claim against the article's <see cref="FactTable"/>:
/// <list type="bullet">
/// <item>a figure or date is bound to the clause of the article that shares the claim's words and attribute; it is
/// compared with the claim's comparator (超過1000億 holds for 1600億; 不到5億 fails for 已超9億); it holds only for the
/// claim's subject, and the right figure of another subject contradicts it by subject, naming who it was;</item>
/// <item>whose product something is, from the article's owner facts;</item>
/// <item>a claim without figures is supported by a sentence that says most of it, unless that sentence denies it, compares
/// the other way, gives another value of the same attribute, or says it of another subject;</item>
/// <item>a Chinese claim is aligned with its sentence word by word (<see cref="ClaimAlignment"/>): another name, the
/// opposite or another value of one domain in the claim's slot contradicts it (<see cref="ClaimGapJudge"/>), and words
/// the sentence does not say keep it from being supported.</item>
/// </list>
/// When unsure, the claim is not covered: the verifier contradicts only what it has placed.
/// </summary>
public sealed class ClaimVerifier(ClaimReader reader, FactTable facts, EntityFinder entities, WordGlosses glosses, ClaimGapJudge judge, ClaimSupport support, SlotRefutation refutation)
{
    // Shares of a claim's words (by weight) a sentence must hold: to be about the claim, to support it without a
    // figure (for a Chinese claim, checked by the learned model: ClaimSupport), to pin a subject contradiction.
    // Hand-set on the development claims.
    private const double AboutShare = 0.5;
    private const double SupportShare = ClaimSupport.RuleShare;
    private const double NegatedShare = 0.3;

    /// <summary>Checks a claim (a statement or a yes/no question, in Chinese or English).</summary>
    public ClaimCheck Verify(string claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (reader.Notice(claim) is { } notice)
        {
            return new ClaimCheck(Verdict.Unreadable, null, null, null, null) { Notice = notice };
        }

        var reading = reader.Read(claim);
        if (reading.AsksOwner && reading.Products.Count > 0 && reading.Agents.Any(a => a.Kind == EntityKind.Organization)
            && reading.Figures.Count == 0 && OwnerCheck(reading) is { } owned)
        {
            return owned;
        }

        if (reading.Figures.Count > 0)
        {
            return FigureCheck(reading);
        }

        return reading.AsksQuantity ? ClaimCheck.NotCovered : StatementCheck(reading);
    }

    private ClaimCheck? OwnerCheck(ClaimReading reading)
    {
        var product = reading.Products[0];
        var claimed = reading.Agents.First(a => a.Kind == EntityKind.Organization);
        var owners = facts.Owners.Where(o => o.Product == product).ToList();
        if (owners.Count == 0)
        {
            return null;
        }

        var same = owners.FirstOrDefault(o => o.Owner == claimed);
        if (same is not null)
        {
            return new ClaimCheck(Verdict.Supported, same.Sentence.Passage, same.Sentence.Text, null, null);
        }

        var other = owners[0];
        return new ClaimCheck(Verdict.Contradicted, other.Sentence.Passage, other.Sentence.Text, null, null)
        {
            Reason = ContradictionReason.Subject, ArticleSubject = other.Owner, ClaimSubject = claimed,
        };
    }

    /// <summary>A sentence's figure as the deciding candidate, with the reading of the claim it was weighed by.</summary>
    private readonly record struct Candidate(FactSentence Sentence, FactClause Clause, BoundedFigure Figure, double Score, double SentenceShare, ClaimReading Reading);

    /// <summary>The claim's figures: its point (an amount, share or count) decides, or its date when it has no other.</summary>
    private ClaimCheck FigureCheck(ClaimReading reading)
    {
        var point = reading.Figures.FirstOrDefault(f => f.Mention.Kind != FigureKind.Date) ?? reading.Figures[0];
        var dates = reading.Figures.Where(f => f.Mention.Kind == FigureKind.Date && f != point).Select(f => f.Mention).ToList();
        var best = BestCandidate(reading, point, dates);

        // Who a cleft or passive claim names (2005年接任院長的是乙) is what it asks, not the event its figure sets: a
        // sentence of the event that names another weighs too little of the claim with the name counted. Placed
        // without it, the name is then read in its slot.
        if ((best is not { } first || first.Score < 0.3) && WithoutFocus(reading) is { } unfocused)
        {
            best = BestCandidate(unfocused, point, dates);
        }

        return Decide(reading, point, best);
    }

    /// <summary>
    /// The sentence's figure that best bears on the claim's point: of sentences equally about the claim, the one whose
    /// figure bears it out; null when none is about it.
    /// </summary>
    private Candidate? BestCandidate(ClaimReading reading, BoundedFigure point, List<FigureMention> dates)
    {
        var named = reading.Agents.Concat(reading.Products).ToList();
        var period = reading.RoleWords.Count > 0 ? reading.WithRoleWordsSaid() : reading;
        Candidate? best = null;
        foreach (var sentence in facts.Sentences)
        {
            if (reading.Products.Any(p => !Names(p, sentence.Folded)))
            {
                continue; // a sentence that does not name the claim's product is not about it, however well its figure fits
            }

            var plain = SentenceShare(reading, sentence);
            var ofPeriod = period == reading ? plain : SentenceShare(period, sentence);
            foreach (var clause in sentence.Clauses)
            {
                foreach (var figure in clause.Figures)
                {
                    if (!Compatible(point.Mention, figure.Mention) || RoleFit(point, figure) is not { } samePeriodEnd)
                    {
                        continue;
                    }

                    // The same end of a period as the claim's date (始於 and the start of 1912年至1949年) says what the
                    // claim's role words say: they are compared through the roles, not searched for. A role says when,
                    // never what: the sentence must still say one of the claim's own words.
                    if (samePeriodEnd && ofPeriod.Strong == 0)
                    {
                        continue;
                    }

                    var weighed = samePeriodEnd ? period : reading;
                    var sentenceShare = samePeriodEnd ? ofPeriod.Share : plain.Share;
                    var clauseShare = Share(weighed, clause.Folded).Share;
                    if (clauseShare <= 0 && sentenceShare < AboutShare)
                    {
                        continue; // a figure in a clause that shares nothing with the claim measures something else
                    }

                    if (point.Mention.Kind == FigureKind.Date && sentenceShare < AboutShare)
                    {
                        continue; // a date is a claim's setting: the sentence must be about the same event
                    }

                    var agentShare = named.Count == 0 ? 0 : named.Count(a => Names(a, sentence.Folded) || sentence.Agents.Contains(a) || OwnsNamed(a, sentence.Folded)) / (double)named.Count;

                    // Of sentences equally about the claim, the one whose figure bears it out (the claim is read charitably);
                    // of clauses equally about it, the one that gives the claim's attribute, what a figure measures
                    // (其中教師40人 for the teachers, not 全校共計300人).
                    var score = (0.5 * clauseShare) + (0.35 * sentenceShare) + (0.6 * agentShare) + (Restates(point, figure) ? 0.6 : Compare(point, figure) == true ? 0.1 : 0)
                        + (string.Equals(figure.Mention.Unit, point.Mention.Unit, StringComparison.Ordinal) && point.Mention.Unit.Length > 0 ? 0.05 : 0)
                        + (reading.Attributes.Any(clause.Attributes.Contains) ? 0.05 : 0)
                        + (dates.Any(d => clause.Figures.Any(f => SameDate(f.Mention, d)) || sentence.Clauses.Any(c => c.Figures.Any(f => SameDate(f.Mention, d)))) ? 0.2 : 0)
                        + ((figure.Comparator == Comparator.Max) == (point.Comparator == Comparator.Max) ? 0.05 : 0);

                    if (best is null || score > best.Value.Score)
                    {
                        best = new Candidate(sentence, clause, figure, score, sentenceShare, weighed);
                    }
                }
            }
        }

        return best;
    }

    /// <summary>The verdict on a figure claim, from the candidate that best bears on its point.</summary>
    private ClaimCheck Decide(ClaimReading reading, BoundedFigure point, Candidate? best)
    {
        if (best is not { } found || found.Score < 0.3)
        {
            return ClaimCheck.NotCovered;
        }

        // Contradicting needs the fact placed: the claim's products named in the sentence (no other sentence was
        // weighed), and for another subject or another date (a year alone is often another event's), most of the
        // claim's other words there too, or half of them and the claim's own figure (1月15日 restated places the
        // release) or the same end of a period (自2015年初 for "since 2020": the sentence gives a period's start, as
        // the claim does).
        reading = found.Reading;
        var relation = Compare(point, found.Figure);
        var (subjectOk, other) = Subject(reading, found.Sentence, found.Clause);
        var placed = found.SentenceShare >= SupportShare
            || ((Restates(point, found.Figure) || (point.Role != DateRole.None && point.Role == found.Figure.Role)) && found.SentenceShare >= AboutShare);

        var cited = new ClaimCheck(Verdict.Supported, found.Sentence.Passage, found.Sentence.Text, found.Figure.Mention, point.Mention) { ArticleComparator = found.Figure.Comparator };
        if (relation == true && subjectOk && (OtherFigureFails(reading, point, found) ?? (placed ? OtherDateFails(reading, point, found) : null)) is { } failed)
        {
            // The claim's first figure holds, another it gives does not (10倍 holds, 10% is 1%).
            return cited with { Verdict = Verdict.Contradicted, Reason = ContradictionReason.Figure, ArticleFigure = failed.Article.Mention, ClaimFigure = failed.Claim.Mention, ArticleComparator = failed.Article.Comparator };
        }

        if (relation == true && subjectOk && StrangerReplaced(reading, found.Sentence) is { } replaced)
        {
            return replaced(cited with { ArticleFigure = null, ClaimFigure = null });
        }

        if (relation == true && subjectOk && reading.Language == QuestionLanguage.English && OppositePolarity(reading, found.Sentence, figureHolds: true) is { } opposite)
        {
            return opposite(cited with { ArticleFigure = null, ClaimFigure = null });
        }

        var judged = relation == true && subjectOk ? JudgedGaps(reading, found.Sentence) : [];
        var gap = OneGap(judged);
        if (gap is { Meaning: GapMeaning.OtherName } otherName)
        {
            // The figure holds, but for someone else: the sentence names another where the claim names its subject.
            return Slotted(cited with { ArticleFigure = null, ClaimFigure = null }, reading, found.Sentence, otherName, ContradictionReason.Subject);
        }

        if (gap is { Meaning: GapMeaning.Opposite or GapMeaning.OtherValue } slot)
        {
            // The figure holds, but the sentence says the opposite, or another value of one kind, in the claim's slot
            // (擊沉 by one weapon, where the claim names another): read as a statement's slot is.
            return Slotted(cited with { ArticleFigure = null, ClaimFigure = null }, reading, found.Sentence, slot, slot.Meaning == GapMeaning.Opposite ? ContradictionReason.Stance : ContradictionReason.Value);
        }

        if (point.Mention.Kind == FigureKind.Date && gap is { Meaning: not GapMeaning.Slight, Gap.Said: not null })
        {
            // A date is the claim's setting: where the sentence writes something else in the claim's slot, it says
            // something else happened then (毀於火災, not 洪水). A gap with no slot is a paraphrase as often as not: on
            // the claims made from the public questions, blocking those too cost 196 true claims for 25 false ones.
            return ClaimCheck.NotCovered;
        }

        if (relation == true && subjectOk && SlotFeaturesOf(reading, found.Sentence, judged, SentenceShare(reading, found.Sentence), figure: true) is { } slotFeatures)
        {
            // The figure holds, and a slot of the claim is filled otherwise: another value, or the claim's words said
            // another way, as the learned model reads it.
            var refuted = refutation.Probability(slotFeatures);
            var read = cited with { ArticleFigure = null, ClaimFigure = null, SlotFeatures = slotFeatures, Refutation = refuted };
            return refutation.Refutes(slotFeatures) ? Slotted(read, reading, found.Sentence, RefutableSlot(judged)!.Value, ContradictionReason.Value) : cited with { SlotFeatures = slotFeatures, Refutation = refuted };
        }

        return relation switch
        {
            true when subjectOk => cited,
            true when other is not null && placed => cited with { Verdict = Verdict.Contradicted, Reason = ContradictionReason.Subject, ArticleSubject = other, ClaimSubject = reading.Agents[0] },
            false when subjectOk && found.Score >= 0.35 && SameUnit(point.Mention, found.Figure.Mention)
                && (point.Mention.Kind == FigureKind.Date ? placed && !WritesYear(found.Sentence, point.Mention) : found.SentenceShare >= AboutShare) => cited with { Verdict = Verdict.Contradicted, Reason = ContradictionReason.Figure },
            _ => ClaimCheck.NotCovered,
        };
    }

    /// <summary>
    /// Whether an article's date can decide a claim's date, by the ends of a period they are: null when it is the other
    /// end (a claim of a start is never compared with an end); true when it is the same end; false when either is a
    /// date on its own (then the claim's role words, if any, must be said like any word).
    /// </summary>
    private static bool? RoleFit(BoundedFigure claim, BoundedFigure article) =>
        claim.Role == DateRole.None || article.Role == DateRole.None ? false
        : claim.Role == article.Role ? true
        : null;

    /// <summary>
    /// How much of the claim a sentence says: its own words, and the claim's first word (its subject, mostly) in the
    /// sentence before when the sentence names no subject of its own (他於1931年…; 面積…，下轄9個村).
    /// </summary>
    private (double Share, int Strong, double Matched, double Denied) SentenceShare(ClaimReading reading, FactSentence sentence) => Share(reading, sentence.Folded, sentence.Before);

    /// <summary>
    /// A figure of the claim besides its point that the deciding sentence gives otherwise: the sentence holds figures
    /// of its kind and unit, and none of them bears it out.
    /// </summary>
    private static (BoundedFigure Claim, BoundedFigure Article)? OtherFigureFails(ClaimReading reading, BoundedFigure point, Candidate found)
    {
        foreach (var other in reading.Figures.Where(f => f != point && f.Mention.Kind != FigureKind.Date))
        {
            var candidates = found.Sentence.Clauses.SelectMany(c => c.Figures)
                .Where(f => f != found.Figure && Compatible(other.Mention, f.Mention) && SameUnit(other.Mention, f.Mention)).ToList();
            if (candidates.Count > 0 && candidates.All(c => Compare(other, c) == false))
            {
                return (other, candidates[0]);
            }
        }

        return null;
    }

    /// <summary>
    /// A date of the claim besides its point that the deciding sentence, when it is about the claim, dates otherwise
    /// (於2010年, where the sentence that gives the claim's count says 1995年): the sentence gives dates of the same
    /// parts, and none of them is the claim's, nor a period that holds it.
    /// </summary>
    private static (BoundedFigure Claim, BoundedFigure Article)? OtherDateFails(ClaimReading reading, BoundedFigure point, Candidate found)
    {
        foreach (var date in reading.Figures.Where(f => f != point && f.Mention.Kind == FigureKind.Date))
        {
            var candidates = found.Sentence.Clauses.SelectMany(c => c.Figures)
                .Where(f => f.Mention.Kind == FigureKind.Date && ShareADatePart(date.Mention, f.Mention)).ToList();
            if (candidates.Count > 0 && candidates.All(c => Compare(date, c) == false))
            {
                return (date, candidates[0]);
            }
        }

        return null;
    }

    /// <summary>A claim without figures.</summary>
    private ClaimCheck StatementCheck(ClaimReading reading)
    {
        if (reading.Thin || (reading.Content.Count == 0 && reading.Attributes.Count == 0))
        {
            return ClaimCheck.NotCovered;
        }

        var ranked = facts.Sentences.Select(s => (Sentence: s, Match: Share(reading, s.Folded), Agents: reading.Agents.Count(a => Names(a, s.Folded) || s.Agents.Contains(a)), Products: reading.Products.Count(p => Names(p, s.Folded))))
            .OrderByDescending(x => x.Match.Share + (0.2 * (x.Agents + x.Products)))
            .Take(2)
            .ToList();
        var scored = ranked.FirstOrDefault();

        if (scored.Sentence is null)
        {
            return ClaimCheck.NotCovered;
        }

        if (scored.Match.Share < AboutShare)
        {
            if (reading.Language == QuestionLanguage.English && scored.Agents == reading.Agents.Count && scored.Products == reading.Products.Count
                && OppositePolarity(reading, scored.Sentence) is { } flipped)
            {
                return flipped(new ClaimCheck(Verdict.Supported, scored.Sentence.Passage, scored.Sentence.Text, null, null)); // its word weighed most
            }

            if (reading.Language == QuestionLanguage.English && scored.Agents == reading.Agents.Count && StrangerReplaced(reading, scored.Sentence) is { } renamed)
            {
                // A name the article never writes weighs most ("written by Lin Dahai"): the sentence says all the rest.
                return renamed(new ClaimCheck(Verdict.Supported, scored.Sentence.Passage, scored.Sentence.Text, null, null));
            }

            // A claim's wrong word is often its rarest: a value the article never writes weighs most, and leaves the
            // sentence that says all the rest below the share. Read as a slot, when it is one.
            return scored.Match.Share > 0 && scored.Agents == reading.Agents.Count && scored.Products == reading.Products.Count
                ? SlotAlone(reading, scored.Sentence, scored.Match) : ClaimCheck.NotCovered;
        }

        var sentence = scored.Sentence;
        var cited = new ClaimCheck(Verdict.Supported, sentence.Passage, sentence.Text, null, null);
        if (scored.Products < reading.Products.Count)
        {
            // Said of another product: only when the rest of the claim is all there and the sentence names one other.
            var claimed = reading.Products.First(p => !Names(p, sentence.Folded));
            var others = entities.NamedIn(sentence.Text).Where(e => e.Kind == EntityKind.Product && !reading.Products.Contains(e)).Distinct().ToList();
            return scored.Match.Share >= SupportShare && scored.Match.Strong >= 2 && others.Count == 1
                ? cited with { Verdict = Verdict.Contradicted, Reason = ContradictionReason.Subject, ArticleSubject = others[0], ClaimSubject = claimed }
                : ClaimCheck.NotCovered;
        }

        if (scored.Agents < reading.Agents.Count)
        {
            // Said of someone else: only when the rest of the claim is all there, and the sentence names another.
            // When the sentence names no entity of the article, the claim's slot may still hold a name (a cleft's focus).
            var (_, other) = Subject(reading, sentence, null);
            if (scored.Match.Share >= SupportShare && scored.Match.Strong >= 2 && other is not null)
            {
                return cited with { Verdict = Verdict.Contradicted, Reason = ContradictionReason.Subject, ArticleSubject = other, ClaimSubject = reading.Agents.First(a => !Names(a, sentence.Folded) && !sentence.Agents.Contains(a)) };
            }

            return GapOf(reading, sentence) is { Meaning: GapMeaning.OtherName } named ? Slotted(cited, reading, sentence, named, ContradictionReason.Subject) : ClaimCheck.NotCovered;
        }

        if (StrangerReplaced(reading, sentence) is { } replaced)
        {
            return replaced(cited);
        }

        // A comparison the sentence makes the other way round (B's narrow view, where the claim says A's is narrower).
        if (reading.Language != QuestionLanguage.English && reading.Aligned.Length > 0 && ClaimAlignment.ComparisonHolds(reading.Aligned, sentence.Folded) == false)
        {
            return cited with { Verdict = Verdict.Contradicted, Reason = ContradictionReason.Stance };
        }

        // A slot of the claim the sentence fills otherwise: another name, the opposite, another value of one kind.
        var judged = JudgedGaps(reading, sentence);
        var gap = OneGap(judged);
        switch (gap?.Meaning)
        {
            case GapMeaning.OtherName:
                return Slotted(cited, reading, sentence, gap.Value, ContradictionReason.Subject);
            case GapMeaning.Opposite:
                return Slotted(cited, reading, sentence, gap.Value, ContradictionReason.Stance);
            case GapMeaning.OtherValue:
                return Slotted(cited, reading, sentence, gap.Value, ContradictionReason.Value);
        }

        // Another value of the same attribute (by impressions, not per click).
        var values = facts.Lexicon.Find("value", sentence.Folded).Select(v => v.Key).ToList();
        if (reading.Values.Count > 0 && values.Count > 0 && reading.Values.All(v => !values.Contains(v.Value))
            && reading.Values.Any(v => values.Any(s => s.StartsWith(v.Attribute + ":", StringComparison.Ordinal))))
        {
            return cited with { Verdict = Verdict.Contradicted, Reason = ContradictionReason.Value };
        }

        // A Chinese claim's words are compared one by one: denied in the sentence and not in the claim, or the other way
        // (未載於史書 in both is agreement, wherever else either has a negation). An English claim is matched through
        // glosses, so only the sentence's denials can be placed, and a "No" on a denial needs the sentence to say all of it.
        var stance = reading.Language != QuestionLanguage.English && reading.Aligned.Length > 0
            ? DeniedOtherwise(reading, sentence.Folded) >= NegatedShare
            : (scored.Match.Matched > 0 && scored.Match.Denied / scored.Match.Matched >= NegatedShare) != reading.Negated
                && (reading.Language != QuestionLanguage.English || scored.Match.Share >= SupportShare);
        if (stance)
        {
            return cited with { Verdict = Verdict.Contradicted, Reason = ContradictionReason.Stance };
        }

        var direction = facts.Lexicon.Find("direction", sentence.Folded).Select(d => d.Key == "more" ? 1 : -1).Distinct().ToList();
        if (reading.Direction != 0 && direction.Count == 1 && direction[0] != reading.Direction)
        {
            return cited with { Verdict = Verdict.Contradicted, Reason = ContradictionReason.Stance };
        }

        var hidden = gap is { Meaning: GapMeaning.Unsaid, Gap: var unsaid } && Hidden(reading, unsaid);
        if (reading.Language == QuestionLanguage.English && OppositePolarity(reading, sentence) is { } opposite)
        {
            return opposite(cited);
        }

        if (reading.Language == QuestionLanguage.English || reading.Aligned.Length == 0)
        {
            return scored.Match.Share >= SupportShare && !hidden ? cited : ClaimCheck.NotCovered;
        }

        // A slot of the claim that the sentence fills with other words: another value, or the claim's words said
        // another way, as the learned refutation model reads it.
        var slotFeatures = SlotFeaturesOf(reading, sentence, judged, scored.Match, figure: false);
        var refuted = slotFeatures is null ? null : refutation.Probability(slotFeatures);
        if (slotFeatures is not null && refutation.Refutes(slotFeatures))
        {
            return Slotted(cited with { SlotFeatures = slotFeatures, Refutation = refuted }, reading, sentence, RefutableSlot(judged)!.Value, ContradictionReason.Value);
        }

        // A Chinese claim: the rule, and the learned support model's reading of what the sentence says and leaves unsaid.
        var features = SupportFeatures(reading, sentence, judged, scored.Match, ranked.Count > 1 ? ranked[1].Match.Share : 0, hidden);
        var probability = support.Probability(features);
        return (support.Supports(features, scored.Match.Share, hidden) && UnwrittenName(judged, sentence) is null ? cited : ClaimCheck.NotCovered)
            with { SupportFeatures = features, Support = probability, ReadSentence = sentence.Text, SlotFeatures = slotFeatures, Refutation = refuted };
    }

    /// <summary>
    /// A Chinese claim whose best sentence says too little of it to be about it, unless what it leaves out is one slot
    /// the sentence fills with other words, and the rest of the claim is said: then the refutation model reads the slot.
    /// </summary>
    private ClaimCheck SlotAlone(ClaimReading reading, FactSentence sentence, (double Share, int Strong, double Matched, double Denied) match)
    {
        if (reading.Language == QuestionLanguage.English || reading.Aligned.Length == 0)
        {
            return ClaimCheck.NotCovered;
        }

        var judged = JudgedGaps(reading, sentence);
        if (OneGap(judged) is { Meaning: GapMeaning.OtherName, Gap.Focus: true } named && FocusRestShare(reading, sentence, named.Gap) >= SupportShare)
        {
            // A cleft's or passive's focus weighs most when the article never writes it (最早提出此說的是乙, where the
            // article names 甲): the sentence says all the rest, and names another in the focus's slot.
            return Slotted(new ClaimCheck(Verdict.Supported, sentence.Passage, sentence.Text, null, null), reading, sentence, named, ContradictionReason.Subject);
        }

        if (RefutableSlot(judged) is not { Gap: var slot } || RestShare(reading, sentence, slot) < SupportShare
            || SlotFeaturesOf(reading, sentence, judged, match, figure: false) is not { } features)
        {
            return ClaimCheck.NotCovered;
        }

        var refuted = refutation.Probability(features);
        var read = new ClaimCheck(Verdict.Supported, sentence.Passage, sentence.Text, null, null) { SlotFeatures = features, Refutation = refuted };
        return refutation.Refutes(features)
            ? Slotted(read, reading, sentence, RefutableSlot(judged)!.Value, ContradictionReason.Value)
            : ClaimCheck.NotCovered with { SlotFeatures = features, Refutation = refuted, ReadSentence = sentence.Text };
    }

    /// <summary>
    /// A name in a slot of the claim that neither the sentence nor, for a subject it leaves to the sentence before, that
    /// one writes, or null: a sentence cannot confirm what someone it never names did (《甲》是乙寫的, where the
    /// sentence says 丙 wrote it), however much of the rest it says.
    /// </summary>
    private string? UnwrittenName(List<(GapMeaning Meaning, ClaimGap Gap)> gaps, FactSentence sentence) =>
        gaps.Select(g => judge.NameIn(g.Gap.Claimed))
            .FirstOrDefault(name => name is not null && !sentence.Folded.Contains(name, StringComparison.Ordinal) && sentence.Before?.Contains(name, StringComparison.Ordinal) != true);

    /// <summary>
    /// The share of the claim's words besides its focus that the sentence says (0 when none is left): the body of a
    /// cleft may be one word (最早提出此說).
    /// </summary>
    private double FocusRestShare(ClaimReading reading, FactSentence sentence, ClaimGap focus)
    {
        var rest = reading with { Content = [.. reading.Content.Where(g => !g.Label.Contains(focus.Claimed, StringComparison.Ordinal) && !focus.Claimed.Contains(g.Label, StringComparison.Ordinal))] };
        return rest.Content.Count == 0 ? 0 : SentenceShare(rest, sentence).Share;
    }

    /// <summary>The share of the claim's words outside a slot that the sentence says (0 when fewer than two are left).</summary>
    private double RestShare(ClaimReading reading, FactSentence sentence, ClaimGap slot)
    {
        var rest = reading with { Content = [.. reading.Content.Where(g => !g.Label.Contains(slot.Claimed, StringComparison.Ordinal) && !slot.Claimed.Contains(g.Label, StringComparison.Ordinal))] };
        return rest.Content.Count < 2 ? 0 : SentenceShare(rest, sentence).Share;
    }

    /// <summary>
    /// An unsaid gap of words the share already weighed (方法 for 手段) is the share's to judge; one of words the search
    /// dropped (後衛, not in the article, read as two weak characters) would otherwise pass unseen. A cleft's focus is
    /// the claim's point: unsaid, it is never supported.
    /// </summary>
    private static bool Hidden(ClaimReading reading, ClaimGap gap) =>
        gap.Focus || !reading.Content.Any(g => g.Label.Contains(gap.Claimed, StringComparison.Ordinal));

    /// <summary>
    /// The claim's one unsaid gap, when the sentence fills its slot with other words, for the refutation model; null
    /// when the claim leaves none, several (tried: out of fold, the model then told false claims from true ones less
    /// well, and answered more true ones No), or a gap the words alone decided.
    /// </summary>
    private static (GapMeaning Meaning, ClaimGap Gap)? RefutableSlot(List<(GapMeaning Meaning, ClaimGap Gap)> gaps) =>
        gaps is [{ Meaning: GapMeaning.Unsaid, Gap.Said.Length: > 0 } one] ? one : null;

    /// <summary>
    /// The refutation model's features (<see cref="SlotRefutationFeatures.Names"/>) of the claim's refutable slot
    /// (<see cref="RefutableSlot"/>); null when it has none.
    /// </summary>
    private float[]? SlotFeaturesOf(ClaimReading reading, FactSentence sentence, List<(GapMeaning Meaning, ClaimGap Gap)> gaps, (double Share, int Strong, double Matched, double Denied) match, bool figure)
    {
        if (RefutableSlot(gaps) is not { Gap: { Said: { } said } slot })
        {
            return null;
        }

        var claimed = slot.Claimed;
        var others = facts.Sentences.Where(o => o != sentence && o.Folded.Contains(claimed, StringComparison.Ordinal)).Take(5).ToList();
        var at = reading.Aligned.IndexOf(claimed, StringComparison.Ordinal);
        var room = Math.Max(1, reading.Aligned.Length - claimed.Length);
        return
        [
            (float)match.Share,
            match.Strong,
            figure ? 1 : 0,
            claimed.Length,
            said.Length,
            (float)SlotRefutationFeatures.CharacterShare(claimed, said),
            (float)SlotRefutationFeatures.CharacterShare(said, reading.Folded),
            others.Count,
            others.Any(o => o.Passage == sentence.Passage) ? 1 : 0,
            glosses.IsWord(claimed) ? 1 : 0,
            glosses.IsWord(said) ? 1 : 0,
            SlotRefutationFeatures.GlossesShare(glosses, claimed, said) ? 1 : 0,
            judge.IsName(claimed) || entities.NamedIn(claimed).Any(e => entities.NamesOf(e).Contains(claimed)) ? 1 : 0,
            judge.NameIn(said) is not null ? 1 : 0,
            slot.Focus ? 1 : 0,
            at < 0 ? -1 : Math.Min(1, at / (float)room),
            reading.Aligned.Length,
            (float)ClaimSupportFeatures.BigramShare(reading.Aligned, sentence.Folded),
            Hidden(reading, slot) ? 1 : 0,
            (float)RestShare(reading, sentence, slot),
        ];
    }

    /// <summary>The support model's features (<see cref="ClaimSupportFeatures.Names"/>) of a Chinese claim and its best sentence.</summary>
    private float[] SupportFeatures(ClaimReading reading, FactSentence sentence, List<(GapMeaning Meaning, ClaimGap Gap)> gaps, (double Share, int Strong, double Matched, double Denied) match, double nextShare, bool hidden)
    {
        var gapChars = gaps.Sum(g => g.Gap.Claimed.Length);
        var folded = sentence.Folded;
        var at = reading.Content.Select(g => FirstAlternativeAt(g, folded)).Where(i => i >= 0).ToList();
        var clauses = at.Select(i => CountClauseEnds(folded.AsSpan(0, i))).Distinct().Count();
        var spread = at.Count < 2 || folded.Length == 0 ? 0 : (at.Max() - at.Min()) / (float)folded.Length;
        var elsewhere = gaps.Where(g => g.Gap.Claimed.Length > 1 && facts.Sentences.Any(o => o != sentence && o.Folded.Contains(g.Gap.Claimed, StringComparison.Ordinal))).Sum(g => g.Gap.Claimed.Length);
        float[] features =
        [
            (float)match.Share,
            match.Strong,
            reading.Content.Count + reading.Attributes.Count + reading.Values.Count,
            (float)(match.Share - nextShare),
            gaps.Count,
            reading.Aligned.Length == 0 ? 0 : Math.Min(1, gapChars / (float)reading.Aligned.Length),
            gaps.Any(g => g.Gap.Said is { Length: > 0 }) ? 1 : 0,
            gaps.Any(g => g.Gap.Focus) ? 1 : 0,
            hidden ? 1 : 0,
            (float)ClaimSupportFeatures.BigramShare(reading.Aligned, sentence.Folded),
            reading.Aligned.Length,
            sentence.Folded.Length,
            reading.Negated ? 1 : 0,
            reading.Agents.Count + reading.Products.Count,
            clauses,
            spread,
            gapChars == 0 ? 0 : elsewhere / (float)gapChars,
            gaps.Any(g => g.Meaning == GapMeaning.OtherName || judge.IsName(g.Gap.Claimed)) ? 1 : 0,
            gaps.Sum(g => g.Gap.Said?.Length ?? 0),
        ];
        return features;
    }

    private static readonly SearchValues<char> s_clauseEnds = SearchValues.Create("，,；;：:。");

    private static int CountClauseEnds(ReadOnlySpan<char> text)
    {
        var count = 0;
        for (var i = text.IndexOfAny(s_clauseEnds); i >= 0; i = text.IndexOfAny(s_clauseEnds))
        {
            count++;
            text = text[(i + 1)..];
        }

        return count;
    }

    /// <summary>
    /// What the claim says that the sentence does not, for a Chinese claim (<see cref="ClaimAlignment"/>), read by the
    /// <see cref="ClaimGapJudge"/>: null when the sentence says it all. A contradiction needs exactly one gap that
    /// matters (everything else of the claim written in the sentence); with more, the claim is only unsaid.
    /// </summary>
    private (GapMeaning Meaning, ClaimGap Gap)? GapOf(ClaimReading reading, FactSentence sentence) => OneGap(JudgedGaps(reading, sentence));

    private static (GapMeaning Meaning, ClaimGap Gap)? OneGap(List<(GapMeaning Meaning, ClaimGap Gap)> gaps) =>
        gaps.Count switch
        {
            0 => null,
            1 => gaps[0],
            _ => (GapMeaning.Unsaid, gaps[0].Gap),
        };

    /// <summary>The gaps that matter between a Chinese claim and a sentence, each with its meaning (none is slight).</summary>
    private List<(GapMeaning Meaning, ClaimGap Gap)> JudgedGaps(ClaimReading reading, FactSentence sentence)
    {
        if (reading.Language == QuestionLanguage.English || reading.Aligned.Length == 0)
        {
            return [];
        }

        // First without the dictionary (a claim in the article's own words leaves no gap and never loads it), then with it.
        bool Said(string words) => SaidOtherwise(reading, words, sentence.Folded);
        if (ClaimAlignment.Gaps(reading.Aligned, sentence.Folded, static _ => false, Said, ArticleName).Count == 0)
        {
            return [];
        }

        return ClaimAlignment.Gaps(reading.Aligned, sentence.Folded, glosses.IsWord, Said, AnyName, judge.IsAgentNoun)
            .Select(g => (Meaning: Anaphoric(g, sentence) ? GapMeaning.Slight : OtherEntity(reading, g) ? GapMeaning.OtherName : judge.Judge(g), Gap: g))
            .Where(g => g.Meaning != GapMeaning.Slight)
            .ToList();
    }

    /// <summary>True when the folded words are exactly a name of one of the article's people, organisations or products.</summary>
    private bool ArticleName(string words) => entities.NamedIn(words).Any(e => e.Kind != EntityKind.Place && entities.NamesOf(e).Contains(words));

    /// <summary>True when the folded words are a name: the article's, or one by the dictionary or a surname (<see cref="ClaimGapJudge.IsName"/>).</summary>
    private bool AnyName(string words) => ArticleName(words) || judge.IsName(words);

    /// <summary>
    /// A Chinese cleft or passive claim (發明甲的是乙, 甲是乙寫的) read without the words of its focus, the one it names as
    /// who did it; null for any other claim. Only a claim with a copula or a passive's marker is read with the dictionary.
    /// </summary>
    private ClaimReading? WithoutFocus(ClaimReading reading)
    {
        if (reading.Language == QuestionLanguage.English || reading.Aligned.Length == 0 || reading.Aligned.AsSpan().IndexOfAny(s_focusMarkers) < 0
            || ClaimAlignment.FocusOf(reading.Aligned, glosses.IsWord, AnyName) is not { } focus)
        {
            return null;
        }

        var rest = reading.Content.Where(g => !g.Label.Contains(focus, StringComparison.Ordinal) && !focus.Contains(g.Label, StringComparison.Ordinal)).ToList();
        return rest.Count == 0 || rest.Count == reading.Content.Count ? null : reading with { Content = rest };
    }

    // The characters of a copula or a passive's marker, without which a Chinese claim names no focus (是, 為, 由, 被).
    private static readonly SearchValues<char> s_focusMarkers = SearchValues.Create("是为由被");

    /// <summary>
    /// For an English claim: its one capitalised name that the sentence does not write ("Did Xiaomi launch …"), when all
    /// the rest of the claim is there and the sentence names a person or organisation that the claim does not. Returns
    /// how to turn the supporting verdict into the contradiction that names who the article says it was, or null.
    /// </summary>
    private Func<ClaimCheck, ClaimCheck>? StrangerReplaced(ClaimReading reading, FactSentence sentence)
    {
        static bool PartOf(QueryGroup group, string name) => ClaimLexicon.IndexOfWord(name, group.Label.ToLowerInvariant(), 0) >= 0;
        bool Said(QueryGroup group) => CoverageMeter.GroupMatch(group, sentence.Folded) > 0
            || (group == reading.Content[0] && sentence.Before is { } before && CoverageMeter.GroupMatch(group, before) > 0); // the subject a pronoun stands for
        var missing = reading.Strangers.Where(n => !reading.Content.Any(g => PartOf(g, n) && Said(g))).ToList();
        if (missing.Count != 1)
        {
            return null;
        }

        var rest = reading with { Content = [.. reading.Content.Where(g => !PartOf(g, missing[0]))] };
        if (rest.Content.Count < 2 || Share(rest, sentence.Folded).Share < SupportShare)
        {
            return null;
        }

        // Who the sentence names: one of the article's people or organisations, a name the dictionary knows, or the
        // name standing where the sentence says who did what the rest of the claim says.
        var agent = sentence.Agents.FirstOrDefault(a => a.Kind is EntityKind.Organization or EntityKind.Person && !reading.Agents.Contains(a) && Names(a, sentence.Folded));
        var name = agent is null ? judge.PeopleAndBodiesIn(sentence.Folded).FirstOrDefault() ?? Doer(rest, sentence) : null;
        if (agent is null && name is null)
        {
            return null;
        }

        // The claim's name may be that one, spelled in pinyin (Li Hua for 李華): then it is no other.
        var spelled = agent is not null
            ? Spells(missing[0], agent.English.ToLowerInvariant()) || entities.NamesOf(agent).Any(n => Spells(missing[0], facts.Pinyin(n)))
            : Spells(missing[0], facts.Pinyin(name!));
        if (spelled)
        {
            return null;
        }

        var said = agent is not null ? (agent.English == agent.Name ? agent.Name : $"{agent.English} ({agent.Name})") : Verbatim(sentence, name!);

        var at = reading.Text.IndexOf(missing[0], StringComparison.OrdinalIgnoreCase);
        var claimed = at >= 0 ? reading.Text.Substring(at, missing[0].Length) : missing[0];
        return check => check with { Verdict = Verdict.Contradicted, Reason = ContradictionReason.Subject, Said = said, Claimed = claimed };
    }

    /// <summary>
    /// Who the sentence says did what the rest of an English claim says, read in its Chinese words (<see
    /// cref="ClaimAlignment.DoerOf"/>): the claim's words as the sentence writes them, in the sentence's order, make the
    /// body ("the Green Hill", "written": 寫 青山, of 陳一舟寫的《青山記》: 陳一舟). Null when no name stands there.
    /// </summary>
    private string? Doer(ClaimReading rest, FactSentence sentence)
    {
        var words = rest.Content.Select(g => g.Alternatives.FirstOrDefault(a => a.Length > 1 && a.All(CharClass.IsHan) && sentence.Folded.Contains(a, StringComparison.Ordinal)))
            .OfType<string>().OrderBy(w => sentence.Folded.IndexOf(w, StringComparison.Ordinal)).ToList();
        if (words.Count == 0 || ClaimAlignment.DoerOf(string.Join(' ', words), sentence.Folded, glosses.IsWord, judge.IsName, judge.IsAgentNoun) is not { } slot)
        {
            return null;
        }

        return judge.NameIn(slot) ?? (judge.IsName(slot) ? slot : null);
    }

    /// <summary>
    /// True when an English name (lower case, words apart) may be a Chinese one whose pinyin is given: its pinyin, in
    /// either order of its words ("li hua" and "hua li" for lihua), or a spelling of it, the whole name or one of its
    /// words sounding alike (<see cref="SoundSkeleton"/>: "lee hua" and lihua; a transliterated name, "kessler" and
    /// kaisile). Only a name that can be neither is another person.
    /// </summary>
    private static bool Spells(string name, string? pinyin)
    {
        if (string.IsNullOrEmpty(pinyin))
        {
            return false;
        }

        var words = name.Split((char[])[' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries);
        var spelled = new string([.. pinyin.Where(char.IsAsciiLetter).Select(char.ToLowerInvariant)]);
        if (string.Concat(words) == spelled || string.Concat(words.Reverse()) == spelled)
        {
            return true;
        }

        var sounds = SoundSkeleton.OfPinyin(spelled);
        return words.Prepend(string.Concat(words)).Any(w => SoundSkeleton.Matches(SoundSkeleton.OfEnglish(w), sounds));
    }

    /// <summary>
    /// For an English claim: a word of stance or outcome ("support", "succeed"; <c>claims.stance-glosses</c>,
    /// <c>claims.outcome-glosses</c>) where the sentence, which says the rest of the claim (three quarters of two words
    /// or more, or of one and a figure that holds), writes only words of the
    /// opposite sign on that axis (反对, 失败; 没有做到, a success denied). An English claim has no slots to compare, but
    /// such a word decides it whatever it is said of. Returns how to turn the verdict into that contradiction, or null.
    /// </summary>
    private Func<ClaimCheck, ClaimCheck>? OppositePolarity(ClaimReading reading, FactSentence sentence, bool figureHolds = false)
    {

        var words = EnglishLexicon.Words(reading.Text).ToList();
        var stems = words.Select(EnglishLexicon.Stem).ToList();
        foreach (var axis in ClaimGapJudge.Axes)
        {
            if (ClaimGapJudge.Sign(ClaimGapJudge.EnglishPolarities(stems), axis) is not { } sign)
            {
                continue;
            }

            // The rest of the claim must be said: the word itself (a noun, "a failure", is searched for) is not.
            var rest = reading with { Content = [.. reading.Content.Where(g => ClaimGapJudge.Sign(ClaimGapJudge.EnglishPolarities([.. EnglishLexicon.Words(g.Label).Select(EnglishLexicon.Stem)]), axis) is null)] };
            var claimedSign = DeniedInEnglish(words, stems) ? (sign == '+' ? '-' : '+') : sign;
            var said = judge.PolaritiesIn(sentence.Folded, axis).ToList();
            if (said.Count > 0 && said.All(p => p.Sign != claimedSign) && rest.Content.Count + (figureHolds ? 1 : 0) >= 2 && SentenceShare(rest, sentence).Share >= SupportShare)
            {
                var claimed = words.Where((_, i) => ClaimGapJudge.Sign(ClaimGapJudge.EnglishPolarities([stems[i]]), axis) is not null).FirstOrDefault() ?? axis;
                var first = said[0];
                return check => check with { Verdict = Verdict.Contradicted, Reason = ContradictionReason.Stance, Said = $"{Verbatim(sentence, first.Words)} (\"{first.Gloss}\")", Claimed = $"\"{claimed}\"" };
            }
        }

        return null;
    }

    /// <summary>
    /// Whether an English claim denies what it says ("did not succeed", "didn't support"): a negation word of the claim
    /// lexicon that is not itself a word of stance or outcome ("failed" is a failure, not a denial).
    /// </summary>
    private bool DeniedInEnglish(IReadOnlyList<string> words, IReadOnlyList<string> stems)
    {
        var negations = facts.Lexicon.Section("negation").Where(e => e.Key == "en").SelectMany(e => e.Words).ToHashSet(StringComparer.Ordinal);
        return words.Where((w, i) => (negations.Contains(w) || w.EndsWith("n't", StringComparison.Ordinal))
            && ClaimGapJudge.EnglishPolarities([stems[i]]).Count == 0).Any();
    }

    /// <summary>
    /// True when a cleft's focus is one of the article's names and its slot in the sentence holds another of the same
    /// kind (最早推出的是甲產品, where the claim says 乙產品): names a dictionary may not know as names.
    /// </summary>
    private bool OtherEntity(ClaimReading reading, ClaimGap gap)
    {
        if (!gap.Focus || gap.Said is not { } said)
        {
            return false;
        }

        var focus = reading.Agents.Concat(reading.Products).FirstOrDefault(e => entities.NamesOf(e).Contains(gap.Claimed));
        return focus is not null && entities.NamedIn(said).Any(e => e.Kind == focus.Kind && e != focus);
    }

    /// <summary>
    /// True when the sentence points back (此會議, 其) where the claim names something its passage writes: the claim
    /// names the referent (亚洲青年论坛 for 此会议), not another subject.
    /// </summary>
    private bool Anaphoric(ClaimGap gap, FactSentence sentence) =>
        gap.Said is { } said && s_anaphors.Any(a => said.StartsWith(a, StringComparison.Ordinal))
        && facts.Sentences.Any(s => s.Passage == sentence.Passage && s.Folded.Contains(gap.Claimed, StringComparison.Ordinal));

    private static readonly string[] s_anaphors = WordLists.Load("claims.anaphors");

    /// <summary>True when the search matched the claim's words in the sentence another way (a synonym or gloss of its group).</summary>
    private static bool SaidOtherwise(ClaimReading reading, string words, string folded) =>
        reading.Content.Any(g => (g.Label.Contains(words, StringComparison.Ordinal) || words.Contains(g.Label, StringComparison.Ordinal)) && CoverageMeter.GroupMatch(g, folded) > 0);

    /// <summary>The verdict a slot decided, with the article's words verbatim and the claim's.</summary>
    private ClaimCheck Slotted(ClaimCheck cited, ClaimReading reading, FactSentence sentence, (GapMeaning Meaning, ClaimGap Gap) slot, ContradictionReason reason)
    {
        // A slot runs between the words both write, so it may take the sentence's punctuation with it (、乙 in 甲、乙).
        var said = slot.Gap.Said is { } slotWords && slotWords.Trim().Trim(s_slotPunctuation) is { Length: > 0 } trimmed ? trimmed : slot.Gap.Said;
        if (said is not null && slot.Meaning == GapMeaning.OtherName)
        {
            said = judge.NameIn(said) ?? said; // the name in the slot (甲公司 of 例如甲公司, 米勒 of 喬治·米勒)
        }

        // A slot cut down to one character by its function characters (反 of 反對: 對 is a light preposition too) is
        // shown as the dictionary word the sentence writes there.
        if (said is { Length: 1 } && sentence.Folded.IndexOf(said, StringComparison.Ordinal) is var at and >= 0 && at + 2 <= sentence.Folded.Length
            && glosses.IsWord(sentence.Folded.Substring(at, 2)))
        {
            said = sentence.Folded.Substring(at, 2);
        }

        return cited with
        {
            Verdict = Verdict.Contradicted,
            Reason = reason,
            Said = said is null ? null : Verbatim(sentence, said),
            Claimed = AsWritten(reading, slot.Gap.Claimed),
        };
    }

    private static readonly char[] s_slotPunctuation = ['、', '，', ',', '；', ';', '：', ':', '。', '“', '”', '「', '」', '"', '（', '）', '(', ')'];

    /// <summary>The claim's own characters for a folded piece of it (its script kept: 後衛, not 后卫).</summary>
    private static string AsWritten(ClaimReading reading, string foldedPiece)
    {
        var at = reading.Folded.Length == reading.Text.Length ? reading.Folded.IndexOf(foldedPiece, StringComparison.Ordinal) : -1;
        return at >= 0 ? reading.Text.Substring(at, foldedPiece.Length) : foldedPiece;
    }

    /// <summary>The sentence's own characters for a folded piece of it (where folding kept each character's place).</summary>
    private static string Verbatim(FactSentence sentence, string foldedPiece)
    {
        var at = sentence.Folded.Length == sentence.Text.Length ? sentence.Folded.IndexOf(foldedPiece, StringComparison.Ordinal) : -1;
        return at >= 0 ? sentence.Text.Substring(at, foldedPiece.Length) : foldedPiece;
    }

    /// <summary>
    /// Whether the claim's subject is the one the article gives (the clause's organisations and people, or the
    /// sentence's when the clause names none); when not, the one it gives instead.
    /// </summary>
    private (bool Ok, ArticleEntity? Other) Subject(ClaimReading reading, FactSentence sentence, FactClause? clause)
    {
        if (reading.Agents.Count == 0)
        {
            return (true, null);
        }

        var given = clause is { Agents.Count: > 0 } ? clause.Agents : sentence.Agents;
        var named = reading.Agents.Any(a => given.Contains(a) || (clause is null or { Agents.Count: 0 } && (Names(a, sentence.Folded) || OwnsNamed(a, sentence.Folded))));
        if (named)
        {
            return (true, null);
        }

        // Only a name the sentence itself writes is who it was (a subject carried from the sentence before is too weak to contradict).
        var claimed = reading.Agents[0];
        var other = given.FirstOrDefault(g => g.Kind == claimed.Kind && !reading.Agents.Contains(g) && Names(g, sentence.Folded));
        return (false, other);
    }

    /// <summary>How much of the claim a folded text says (by weight, attributes and values counted as words), and how much of that it denies.</summary>
    private (double Share, int Strong, double Matched, double Denied) Share(ClaimReading reading, string folded, string? before = null)
    {
        double total = 0, matched = 0, denied = 0;
        var strong = 0;
        IReadOnlyList<(int At, bool Contrast)>? negations = null;
        void Count(double weight, int at)
        {
            matched += weight;
            negations ??= facts.NegationsIn(folded);
            if (at >= 0 && Denied(folded, negations, at))
            {
                denied += weight;
            }
        }

        for (var g = 0; g < reading.Content.Count; g++)
        {
            var group = reading.Content[g];
            var weight = CoverageMeter.CoverageWeight(group);
            total += weight;
            var match = CoverageMeter.GroupMatch(group, folded);
            if (reading.SaidByRole.Contains(group))
            {
                Count(weight, -1);
            }
            else if (match > 0)
            {
                strong += group.Strength == GroupStrength.Strong && match >= 1 ? 1 : 0;
                Count(weight * match, FirstAlternativeAt(group, folded));
            }
            else if (g == 0 && before is not null && CoverageMeter.GroupMatch(group, before) is > 0 and var carried)
            {
                Count(weight * carried, -1); // the subject, named in the sentence before (a negation here does not deny it)
            }
        }

        var average = reading.Content.Count == 0 ? 1 : reading.Content.Average(g => CoverageMeter.CoverageWeight(g));
        foreach (var attribute in reading.Attributes)
        {
            total += average;
            if (facts.CuesIn("attribute", folded).FirstOrDefault(a => a.Key == attribute) is { Key: not null } found)
            {
                Count(average, found.At);
            }
        }

        foreach (var (_, value) in reading.Values)
        {
            total += average;
            if (facts.CuesIn("value", folded).FirstOrDefault(v => v.Key == value) is { Key: not null } found)
            {
                Count(average, found.At);
            }
        }

        return (total > 0 ? matched / total : 0, strong, matched, denied);
    }

    /// <summary>
    /// The share (by weight) of the claim's words the sentence says that one of the two denies and the other does not,
    /// each read with the same scope (<see cref="Denied"/>): the claim's words in its aligned text, the sentence's in its own.
    /// </summary>
    private double DeniedOtherwise(ClaimReading reading, string folded)
    {
        var claim = reading.Aligned;
        IReadOnlyList<(int At, bool Contrast)>? claimNegations = null, negations = null;
        double matched = 0, differing = 0;
        foreach (var group in reading.Content)
        {
            var match = CoverageMeter.GroupMatch(group, folded);
            if (match <= 0)
            {
                continue;
            }

            var weight = CoverageMeter.CoverageWeight(group) * match;
            matched += weight;
            var inSentence = FirstAlternativeAt(group, folded);
            var inClaim = FirstAlternativeAt(group, claim);
            var said = inSentence >= 0 && Denied(folded, negations ??= facts.NegationsIn(folded), inSentence);
            var claimed = inClaim >= 0 && Denied(claim, claimNegations ??= facts.NegationsIn(claim), inClaim);
            differing += said != claimed ? weight : 0;
        }

        return matched == 0 ? 0 : differing / matched;
    }

    /// <summary>
    /// Where the group's first alternative occurs in the text (a single character only when the group has no word
    /// beside it), or -1. A loop: this runs for every group of a claim against every sentence read.
    /// </summary>
    private static int FirstAlternativeAt(QueryGroup group, string folded)
    {
        var first = -1;
        for (var i = 0; i < group.Alternatives.Count; i++)
        {
            var alternative = group.Alternatives[i];
            if (alternative.Length > 1 || !group.HasWordBesideCharacter)
            {
                var at = folded.IndexOf(alternative, StringComparison.Ordinal);
                if (at >= 0 && (first < 0 || at < first))
                {
                    first = at;
                }
            }
        }

        return first;
    }

    /// <summary>
    /// True when a negation of the text's clause at <paramref name="at"/> denies it: a negation (and a contrast) reaches
    /// what follows it in its clause, not the subject before it (旅遊業沒有受到…影響 does not deny 旅遊業), and not across
    /// the edge of an aside in brackets.
    /// </summary>
    private static bool Denied(string folded, IReadOnlyList<(int At, bool Contrast)> negations, int at)
    {
        var (start, end) = FactTable.ClauseSpans(folded).FirstOrDefault(c => c.Start <= at && at < c.End);
        return negations.Any(n => n.At >= start && n.At < end && n.At <= at && SameAside(folded, n.At, at)
            && !(Modifier(folded, n.At) is { } of && at > of));
    }

    /// <summary>
    /// False when one of the two places is inside brackets the other is outside of, or the negation is inside a title or
    /// a quotation the word is outside of: a negation in an aside (生年不詳), a title (《山火不熄》) or quoted words
    /// (以「場地條件不理想」為由) denies nothing of the sentence around it. One outside does not reach into an aside, but
    /// it does reach into quoted words and titles (不贊成“一刀切”的做法).
    /// </summary>
    private static bool SameAside(string folded, int negation, int at)
    {
        // Depth from the negation on: brackets back at the start's depth at the word, and neither ever below it on the way.
        int brackets = 0, quotes = 0;
        for (var i = negation; i < at; i++)
        {
            brackets += folded[i] is '（' or '(' ? 1 : folded[i] is '）' or ')' ? -1 : 0;
            quotes += folded[i] is '《' or '「' or '『' or '“' ? 1 : folded[i] is '》' or '」' or '』' or '”' ? -1 : 0;
            if (brackets < 0 || quotes < 0)
            {
                return false;
            }
        }

        return brackets == 0;
    }

    /// <summary>
    /// Where the 的 of a modifier that a one-character negation makes ends (未處理的河水: untreated river water;
    /// 無鉛的汽油), or null: such a negation denies only its modifier, nothing else in the clause.
    /// </summary>
    private static int? Modifier(string folded, int negation)
    {
        if (folded[negation] is not ('不' or '未' or '无' or '非' or '没') || negation + 1 >= folded.Length || folded[negation + 1] is '是' or '有')
        {
            return null;
        }

        var of = folded.IndexOf('的', negation + 1, Math.Min(5, folded.Length - negation - 1));
        return of > negation + 1 ? of : null;
    }

    /// <summary>True when the text names a product the article gives to this organisation (PlayStation is 索尼's).</summary>
    private bool OwnsNamed(ArticleEntity agent, string folded) => facts.Owners.Any(o => o.Owner == agent && Names(o.Product, folded));

    private bool Names(ArticleEntity entity, string folded) => entities.NamesOf(entity).Any(n => folded.Contains(n, StringComparison.Ordinal));

    /// <summary>Whether two figures measure alike: same kind (a count and an amount of people alike), and the same currency or unit when both give one.</summary>
    private static bool Compatible(FigureMention claim, FigureMention article)
    {
        if ((claim.Kind == FigureKind.Date) != (article.Kind == FigureKind.Date) || (claim.Kind == FigureKind.Percent) != (article.Kind == FigureKind.Percent))
        {
            return false;
        }

        if (claim.Kind == FigureKind.Date && !ShareADatePart(claim, article))
        {
            return false; // a year, and a day of a month whose year the sentence leaves to another: neither bears on the other
        }

        return claim.Unit.Length == 0 || article.Unit.Length == 0 || NormalUnit(claim.Unit) == NormalUnit(article.Unit);
    }

    /// <summary>
    /// The same currency or unit, or neither gives one: only then does another value contradict (an area is not an amount
    /// of money). A date's unit is the part of its year (末, 初): another year contradicts whether or not one of them
    /// gives a part (2020 and 2015年末), other parts of one year only when both give one.
    /// </summary>
    private static bool SameUnit(FigureMention claim, FigureMention article) =>
        NormalUnit(claim.Unit) == NormalUnit(article.Unit)
        || (claim.Kind == FigureKind.Date && (claim.Unit.Length == 0 || article.Unit.Length == 0) && Year(claim) != Year(article));

    /// <summary>The year of a date figure (its value is year × 10,000 + month × 100 + day).</summary>
    private static int Year(FigureMention date) => (int)(date.Value / 10000);

    /// <summary>
    /// True when a sentence writes the claim's year in any of its dates: then another date of it does not contradict the
    /// claim (an event of the same sentence may well be the claim's, in another part of that year or on a day of it).
    /// </summary>
    private static bool WritesYear(FactSentence sentence, FigureMention date) =>
        Year(date) > 0 && sentence.Clauses.Any(c => c.Figures.Any(f => f.Mention.Kind == FigureKind.Date && Year(f.Mention) == Year(date)));

    /// <summary>
    /// The claim restates the article's figure (900 million is 9億; more than 900 million is 已超9億): the strongest sign
    /// both are about the same thing. "Less than 250億" does not restate 250億.
    /// </summary>
    private static bool Restates(BoundedFigure claim, BoundedFigure article) =>
        SameValue(claim.Mention, article.Mention) && (claim.Comparator is Comparator.Equal or Comparator.Milestone or Comparator.Max || claim.Comparator == article.Comparator);

    /// <summary>The same value (a date with its day).</summary>
    private static bool SameValue(FigureMention claim, FigureMention article) =>
        claim.Kind == FigureKind.Date ? SameDate(claim, article) && claim.Value % 100 != 0 : Math.Abs(claim.Value - article.Value) <= Math.Max(claim.Value, article.Value) * 0.005;

    /// <summary>
    /// A unit as compared: folded to one script (個 and 个 are one classifier, whichever script the claim and the article
    /// are written in), with synonyms made one (美金 is 美元, 名 counts people as 人 does, 年底 is 年末).
    /// </summary>
    private static string NormalUnit(string unit) =>
        ScriptFolding.Default.Fold(unit).Replace("美金", "美元", StringComparison.Ordinal).Replace("名", "人", StringComparison.Ordinal).Replace("底", "末", StringComparison.Ordinal);

    /// <summary>True when the article's figure makes the claim's hold, false when it makes it fail, null when it cannot tell.</summary>
    internal static bool? Compare(BoundedFigure claim, BoundedFigure article)
    {
        if (claim.Mention.Kind == FigureKind.Date)
        {
            // A date inside the article's period (1920 of 1912年至1949年), where the claim says neither end, may well be
            // right: the period does not tell.
            return SameDate(claim.Mention, article.Mention) ? true : claim.Role == DateRole.None && WithinPeriod(claim.Mention, article) ? null : false;
        }

        var c = claim.Mention.Value;
        var a = article.Mention.Value;
        static bool Near(double x, double y) => Math.Abs(x - y) <= Math.Max(Math.Abs(x), Math.Abs(y)) * 0.005;

        // The article's figure as a range: 已超9億 is a little more than 9億 (up to half as much again).
        var (low, high) = article.Comparator switch
        {
            Comparator.More or Comparator.AtLeast or Comparator.Milestone => (a, a * 1.5),
            Comparator.About => (a * 0.85, a * 1.15),
            Comparator.AtMost => (0, a),
            _ => (a, a),
        };
        switch (claim.Comparator)
        {
            case Comparator.Equal or Comparator.Milestone or Comparator.Max:
                // The claim gives a value: the article's value (or bound) or not.
                return Near(c, a) || (article.Comparator == Comparator.About && c >= low && c <= high) ? true
                    : article.Comparator is Comparator.More or Comparator.AtLeast && claim.Comparator == Comparator.Equal && c > a && c <= high ? null
                    : false;
            case Comparator.About:
                return Math.Abs(c - a) <= c * 0.15 ? true : c * 0.85 > high || c * 1.15 < low ? false : null;
            case Comparator.More:
                return low > c || (Near(low, c) && article.Comparator is Comparator.More) ? true : high <= c ? false : null;
            case Comparator.AtLeast:
                return low >= c || Near(low, c) ? true : high < c ? false : null;
            case Comparator.Less:
                return high < c && !Near(high, c) ? true : low >= c ? false : null;
            case Comparator.AtMost:
                return high <= c || Near(high, c) ? true : low > c ? false : null;
            default:
                return null;
        }
    }

    /// <summary>True when the article's date is an end of a period (<see cref="BoundedFigure.OtherEnd"/>) whose years hold the claim's year.</summary>
    private static bool WithinPeriod(FigureMention claim, BoundedFigure article)
    {
        if (article.OtherEnd is not { } other)
        {
            return false;
        }

        var (from, to) = (Math.Min(Year(article.Mention), Year(other)), Math.Max(Year(article.Mention), Year(other)));
        return Year(claim) >= from && Year(claim) <= to;
    }

    /// <summary>Whether two dates both give a year, or both a month: only then can one bear out or refute the other.</summary>
    private static bool ShareADatePart(FigureMention a, FigureMention b)
    {
        static (int Y, int M) Parts(double v) => ((int)(v / 10000), (int)(v % 10000) / 100);
        var (y1, m1) = Parts(a.Value);
        var (y2, m2) = Parts(b.Value);
        return (y1 > 0 && y2 > 0) || (m1 > 0 && m2 > 0);
    }

    /// <summary>Same date: they share a part (<see cref="ShareADatePart"/>), and a missing year, month or day matches any.</summary>
    private static bool SameDate(FigureMention a, FigureMention b)
    {
        if (a.Kind != FigureKind.Date || b.Kind != FigureKind.Date)
        {
            return false;
        }

        static (int Y, int M, int D) Parts(double v) => ((int)(v / 10000), (int)(v % 10000) / 100, (int)(v % 100));
        var (y1, m1, d1) = Parts(a.Value);
        var (y2, m2, d2) = Parts(b.Value);
        return ShareADatePart(a, b) && (y1 == y2 || y1 == 0 || y2 == 0) && (m1 == m2 || m1 == 0 || m2 == 0) && (d1 == d2 || d1 == 0 || d2 == 0);
    }
}
