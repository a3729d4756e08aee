using ArticleBot.Abstractions;
using ArticleBot.Core.Answering.Gate;
using ArticleBot.Core.Answering.Recognizers;
using ArticleBot.Core.Corpus;
using ArticleBot.Core.Search;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.Answering.Selection;

/// <summary>A retrieved passage as the selector sees it: its citation number, its coverage and its sentences (with folded forms).</summary>
/// <param name="N">The passage's number in the tool result.</param>
/// <param name="Passage">The passage.</param>
/// <param name="Coverage">The share (by weight) of the question's content it covers.</param>
/// <param name="Sentences">Its full sentences and their folded text.</param>
/// <param name="Relevance">Its retrieval score relative to the best retrieved passage's (0..1); 1 when the search did not say.</param>
public sealed record SelectionPassage(int N, Passage Passage, double Coverage, IReadOnlyList<(string Sentence, string Folded)> Sentences, double Relevance = 1);

/// <summary>
/// Picks the sentences that answer a question, without Lucene: the sentence that best matches the question's content
/// and holds a mention of the kind of thing asked for (a date for "when", a place for "where") that the question
/// does not already name; failing that, its neighbour that does. A sentence that leans on the one before
/// (牠們…, this …) brings it along. The sentence that holds the answer comes first. Other passages add a sentence
/// only from the same article. Non-content blocks (disclaimers, captions, bylines) answer only when asked about.
/// </summary>
/// <param name="mentions">The typed-mention recognisers.</param>
/// <param name="inCorpus">Whether a folded word occurs anywhere in the corpus (for the gate's wording feature); all words do when null.</param>
public sealed class AnswerSelector(MentionFinder mentions, Func<string, bool>? inCorpus = null)
{
    private const int MaxSentences = 3;
    private const double FollowerShare = 0.6;
    private const double SecondAccountShare = 0.85;
    private const double RelevanceWeight = 0.25;
    private const double DefinitionFactor = 1.5;
    private const double NamingFactor = 1.3;
    private static readonly string[] s_opinionCues = ["指出", "认为", "表示", "提醒", "强调", "坦言", "看来", "说", "称", "赞成", "赞同"];
    private static readonly string[] s_captionCues = ["图", "照片", "图片", "配图", "caption", "photo", "picture", "image", "figure"];
    private static readonly string[] s_disclaimerCues = ["声明", "免责", "版权", "平台", "disclaimer", "copyright", "platform"];

    /// <summary>Drafts an answer, or returns null when no sentence shares anything with the question.</summary>
    public AnswerDraft? Select(QueryPlan plan, IReadOnlyList<SelectionPassage> passages)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(passages);
        var kind = AnswerKindClassifier.Classify(plan.Folded);
        var kindKnown = kind is not (AnswerKind.Any or AnswerKind.YesNo);
        var candidates = new List<Candidate>();
        var asksForName = NamingRecognizer.AsksForName(plan.Folded);
        for (var rank = 0; rank < passages.Count; rank++)
        {
            var passage = passages[rank];
            if (!MayAnswer(plan, passage.Passage.Kind))
            {
                continue;
            }

            for (var s = 0; s < passage.Sentences.Count; s++)
            {
                var folded = passage.Sentences[s].Folded;
                var (score, groups) = Match(plan, folded);
                if (score <= 0)
                {
                    continue;
                }

                // Asked what something is called, a name the sentence gives (后来称为 杜肯堡垒) is the kind of thing asked for.
                var givesName = asksForName && NamingRecognizer.Find(folded).Any(m => !plan.Folded.Contains(m.Core, StringComparison.Ordinal));
                var hasKind = givesName || mentions.HasNewMention(kind, folded, plan.Folded);
                var typeFactor = !kindKnown ? 1 : hasKind ? 1.3 : AnswerKindClassifier.IsStrict(kind) ? 0.55 : 0.8;
                var opinion = plan.AnswerType == AnswerType.Opinion && s_opinionCues.Any(c => folded.Contains(c, StringComparison.Ordinal)) ? 0.3 : 0;
                score *= 0.6 + (0.4 * passage.Coverage);
                score *= RelevanceWeight + ((1 - RelevanceWeight) * passage.Relevance); // the ranker saw the whole passage, a sentence match sees words
                score *= (1 + opinion - (0.02 * rank)) * typeFactor;
                if (kind == AnswerKind.Definition && Defines(plan, folded))
                {
                    score *= DefinitionFactor; // 乙烯酮是…: the sentence that opens with the term and says what it is
                }
                else if (givesName)
                {
                    score *= NamingFactor; // "what is it called?": the sentence that says 称为 … gives the name
                }

                candidates.Add(new Candidate(rank, s, score, groups, hasKind));
            }
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        candidates.Sort((a, b) => b.Score.CompareTo(a.Score));
        var best = candidates[0];
        var primary = passages[best.Rank];
        var picked = new List<(int Rank, int Sentence)>();
        var hasAskedKind = best.HasKind;
        if (kindKnown && !best.HasKind)
        {
            // The best match restates the question; the answer often sits just before or after it.
            var neighbour = new[] { best.Sentence + 1, best.Sentence - 1 }
                .Where(i => i >= 0 && i < primary.Sentences.Count && mentions.HasNewMention(kind, primary.Sentences[i].Folded, plan.Folded))
                .Select(i => (int?)i).FirstOrDefault();
            if (neighbour is { } n)
            {
                picked.Add((best.Rank, n));
                hasAskedKind = true;
            }
        }

        if (kind == AnswerKind.Person && !hasAskedKind && best.Sentence > 0 && SentenceContext.RefersToSomeoneBefore(primary.Sentences[best.Sentence].Folded))
        {
            // Asked who, the best match speaks of "him": the one it means is named before it, and that is the answer.
            picked.Add((best.Rank, best.Sentence - 1));
            hasAskedKind = true;
        }

        picked.Add((best.Rank, best.Sentence));
        var lead = picked[0];
        if (lead.Sentence > 0 && SentenceContext.LeansOnPrevious(primary.Sentences[lead.Sentence].Folded) && !picked.Contains((lead.Rank, lead.Sentence - 1)))
        {
            // Only a sentence of a cited passage can be quoted; the chunker keeps a passage from opening with one that leans back.
            picked.Add((lead.Rank, lead.Sentence - 1));
        }

        var seen = new HashSet<int>(best.Groups);
        foreach (var candidate in candidates.Skip(1))
        {
            if (picked.Count >= MaxSentences || candidate.Score < best.Score * FollowerShare)
            {
                break;
            }

            // A follower adds a part of the question not yet answered, or (nearly as good) another passage's account,
            // and only from the same article: one answer draws on one article.
            var other = passages[candidate.Rank];
            if (other.Passage.Source != primary.Passage.Source || picked.Any(p => passages[p.Rank].Sentences[p.Sentence].Sentence == other.Sentences[candidate.Sentence].Sentence))
            {
                continue;
            }

            var addsGroup = candidate.Groups.Any(g => !seen.Contains(g));
            var secondAccount = candidate.Score >= best.Score * SecondAccountShare && picked.All(p => p.Rank != candidate.Rank);
            if (addsGroup || secondAccount)
            {
                seen.UnionWith(candidate.Groups);
                picked.Add((candidate.Rank, candidate.Sentence));
            }
        }

        // The sentence that holds the answer first; the rest (its context, other parts of the answer) in article order.
        var ordered = picked.Take(1).Concat(picked.Skip(1).OrderBy(p => p.Rank).ThenBy(p => p.Sentence)).ToList();
        var sentences = ordered.Select(p => new AnswerSentence(passages[p.Rank].N, passages[p.Rank].Sentences[p.Sentence].Sentence)).ToList();
        var foldedAnswer = string.Concat(ordered.Take(2).Select(p => passages[p.Rank].Sentences[p.Sentence].Folded));
        var features = Features(plan, passages, primary, foldedAnswer, kindKnown, hasAskedKind);
        return new AnswerDraft(sentences, features, kind, AnswerKindClassifier.IsStrict(kind) && !hasAskedKind);
    }

    private static (double Score, List<int> Groups) Match(QueryPlan plan, string folded)
    {
        var groups = new List<int>();
        double score = 0;
        for (var g = 0; g < plan.Groups.Count; g++)
        {
            var match = CoverageMeter.GroupMatch(plan.Groups[g], folded);
            if (match > 0)
            {
                score += plan.Groups[g].Weight * match;
                groups.Add(g);
            }
        }

        return (score, groups);
    }

    private GateFeatures Features(QueryPlan plan, IReadOnlyList<SelectionPassage> passages, SelectionPassage primary, string foldedAnswer, bool kindKnown, bool hasKind)
    {
        double total = 0, covered = 0, missing = 0;
        foreach (var group in plan.Groups)
        {
            var weight = CoverageMeter.CoverageWeight(group);
            total += weight;
            covered += weight * CoverageMeter.GroupMatch(group, foldedAnswer);
            missing += group.InCorpus ? 0 : weight;
        }

        var strong = plan.Groups.Where(g => g.Strength == GroupStrength.Strong).OrderByDescending(g => g.Weight).ToList();
        var rare = strong.Take((strong.Count + 1) / 2).ToList();
        var rareShare = rare.Count == 0 ? 0 : rare.Count(g => CoverageMeter.GroupMatch(g, foldedAnswer) > 0) / (double)rare.Count;
        var focus = strong.Count > 0 && CoverageMeter.GroupMatch(strong[0], foldedAnswer) > 0 ? 1 : 0;
        // Answered across languages: no Chinese in the question at all (Anthropic的B2B收入 is a Chinese question).
        var english = plan.Folded.Any(CharClass.IsHan) ? 0 : 1;
        var sentenceCoverage = total == 0 ? 0 : covered / total;
        var passageText = string.Concat(primary.Sentences.Select(s => s.Folded));
        var bigrams = QuestionBigrams.Of(plan.Folded);
        var strongInPassage = strong.Count(g => CoverageMeter.GroupMatch(g, passageText) > 0);
        return new GateFeatures(
            passages.Count == 0 ? 0 : passages.Max(p => p.Coverage),
            primary.Coverage,
            sentenceCoverage,
            rareShare,
            focus,
            kindKnown ? 1 : 0,
            kindKnown && !hasKind ? 1 : 0,
            total == 0 ? 1 : missing / total,
            english,
            strong.Count > 0 && strongInPassage >= Math.Min(2, strong.Count) ? 1 : 0,
            // Without Chinese character pairs (English, or 「OpenAI的CEO是谁」) the wording is the content: its coverage.
            bigrams.Count == 0 ? primary.Coverage : QuestionBigrams.ShareIn(bigrams, passageText),
            bigrams.Count == 0 ? sentenceCoverage : QuestionBigrams.ShareIn(bigrams, foldedAnswer),
            bigrams.Count == 0 ? (total == 0 ? 0 : 1 - (missing / total)) : inCorpus is null ? 1 : bigrams.Count(inCorpus) / (double)bigrams.Count,
            inCorpus is not null && QuestionBigrams.LongestUnseenChain(plan.Folded, inCorpus) >= 2 ? 1 : 0,
            strong.Count > 0 && strongInPassage >= Math.Min(2, strong.Count) && primary.Coverage >= 0.5 ? 1 : 0,
            english * sentenceCoverage,
            QuestionBigrams.ShareIn(QuestionBigrams.OfLead(plan.Folded), passageText),
            inCorpus is not null && QuestionBigrams.LongestUnseenChain(QuestionBigrams.LeadPhrase(plan.Folded), inCorpus) >= 2 ? 1 : 0);
    }

    /// <summary>True when a folded sentence opens with one of the question's strong words and goes on to say what it is (是, 为, 指, a bracket).</summary>
    private static bool Defines(QueryPlan plan, string folded)
    {
        var text = folded.TrimStart(' ', '　', '“', '「', '"');
        foreach (var group in plan.Groups.Where(g => g.Strength == GroupStrength.Strong))
        {
            foreach (var term in group.Alternatives)
            {
                if (term.Length > 0 && text.StartsWith(term, StringComparison.Ordinal) && text.Length > term.Length
                    && "是为指（(，,：:又".Contains(text[term.Length], StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool MayAnswer(QueryPlan plan, PassageKind kind) => kind switch
    {
        PassageKind.Body => true,
        PassageKind.Byline => plan.Groups.Any(g => g.Label == "作者"),
        PassageKind.Caption => s_captionCues.Any(c => plan.Folded.Contains(c, StringComparison.Ordinal)),
        PassageKind.Disclaimer => s_disclaimerCues.Any(c => plan.Folded.Contains(c, StringComparison.Ordinal)),
        _ => false,
    };

    private sealed record Candidate(int Rank, int Sentence, double Score, List<int> Groups, bool HasKind);
}
