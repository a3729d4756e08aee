using System.Globalization;
using System.Text;
using ArticleBot.Abstractions;
using ArticleBot.Core.ArticleTools;
using ArticleBot.Core.Claims;
using ArticleBot.Core.Language.Mentions;
using ArticleBot.Core.Language.Questions;
using ArticleBot.Core.Search;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.Answering;

/// <summary>
/// Writes the offline answer for each kind of question from the passages an article tool returned (numbered for
/// the turn): the tool's own finding (a summary, an outline, a list, a verdict) is recomputed by the same
/// deterministic service and rendered with the turn's numbers, citing only passages the tool returned. English
/// questions get the facts in English first, then the cited Chinese quote.
/// </summary>
public sealed class KindComposer(
    ExtractiveComposer composer,
    ArticleSearch search,
    ScriptFolding folder,
    ArticleOutline outline,
    ArticleSummarizer summarizer,
    EntityFinder entities,
    ArticleFigures figures,
    ClaimVerifier verifier,
    EnglishFacts english)
{
    private const int MaxListed = 12;
    private static readonly string[] s_opinionCues = ["认为", "指出", "我们", "表示", "提醒", "强调", "看来", "必须", "需要", "因此", "所以", "意味着", "本质上"];
    private static readonly string[] s_causeCues = ["因为", "由于", "所以", "因此", "导致", "为了", "意味着", "既", "通过", "凭借", "本质上", "折射", "说白了"];

    /// <summary>The finding of an outline tool call.</summary>
    public string Outline(QuestionLanguage language, IReadOnlyList<(int N, Passage Passage)> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var numbers = Numbers(passages);
        var sections = outline.Sections.Where(s => numbers.ContainsKey(s.First.Id)).ToList();
        if (sections.Count == 0)
        {
            return ExtractiveComposer.Abstention(language);
        }

        var headed = sections.Count(s => s.Heading is not null);
        var builder = new StringBuilder(Say(language,
            $"文章共有{headed}個小標題，分成{sections.Count}個部分：",
            $"文章共有{headed}个小标题，分成{sections.Count}个部分：",
            $"The article has {sections.Count} parts, {headed} of them under a heading:"));
        var index = 1;
        foreach (var section in sections)
        {
            builder.Append('\n').Append(index++).Append(". ");
            var heading = section.Heading ?? Say(language, "（開頭）", "（开头）", "(opening)");
            builder.Append(language == QuestionLanguage.English && section.Heading is not null ? $"“{heading}”" : heading);
            if (language == QuestionLanguage.English && english.Gist(section.Heading ?? section.FirstSentence) is { Length: > 0 } gist)
            {
                builder.Append(" (").Append(gist).Append(')');
            }

            builder.Append(Say(language, "：", "：", " — ")).Append(section.FirstSentence).Append(Cite(numbers[section.First.Id]));
        }

        return builder.ToString();
    }

    /// <summary>The finding of a summarize tool call.</summary>
    public string Summary(QuestionLanguage language, IReadOnlyList<(int N, Passage Passage)> passages, int length, bool lastSection)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var numbers = Numbers(passages);
        var sentences = summarizer.Summarize(length <= 0 ? ArticleSummarizer.DefaultLength : length, lastSection)
            .Where(s => numbers.ContainsKey(s.Passage.Id)).ToList();
        if (sentences.Count == 0)
        {
            return ExtractiveComposer.Abstention(language);
        }

        var builder = new StringBuilder(lastSection
            ? Say(language, "作者的結論：", "作者的结论：", "The author's conclusion, in the closing section:")
            : Say(language, "文章要點：", "文章要点：", "In brief, the article covers:"));
        foreach (var sentence in sentences)
        {
            builder.Append('\n').Append("- ");
            if (language == QuestionLanguage.English && english.Gist(sentence.Sentence) is { Length: > 0 } gist)
            {
                builder.Append(Capitalize(gist)).Append(": ");
            }

            builder.Append(sentence.Sentence).Append(Cite(numbers[sentence.Passage.Id]));
        }

        return builder.ToString();
    }

    /// <summary>The finding of an entities tool call.</summary>
    public string Entities(QuestionLanguage language, IReadOnlyList<(int N, Passage Passage)> passages, EntityKind? kind, string? country)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var numbers = Numbers(passages);
        var listed = entities.Find(kind, country).Where(e => numbers.ContainsKey(e.Passages[0].Id)).Take(MaxListed).ToList();
        if (listed.Count == 0)
        {
            return ExtractiveComposer.Abstention(language);
        }

        var label = kind switch
        {
            EntityKind.Person => Say(language, "人物", "人物", "People"),
            EntityKind.Organization => Say(language, "公司和機構", "公司和机构", "Companies and organisations"),
            EntityKind.Product => Say(language, "產品", "产品", "Products"),
            EntityKind.Place => Say(language, "地方", "地方", "Places"),
            _ => Say(language, "名字", "名字", "Names"),
        };
        var where = country switch
        {
            "CN" => Say(language, "中國", "中国", "Chinese "),
            "US" => Say(language, "美國", "美国", "American "),
            null => string.Empty,
            _ => country + " ",
        };
        var builder = new StringBuilder(language == QuestionLanguage.English
            ? $"{where}{(where.Length > 0 ? label.ToLowerInvariant() : label)} the article mentions: "
            : Say(language, $"文章提到的{where}{label}：", $"文章提到的{where}{label}：", string.Empty));
        var items = listed.Select(e => language == QuestionLanguage.English
            ? $"{english.EnglishName(e)}{(e.Name != english.EnglishName(e) && !english.EnglishName(e).Contains(e.Name, StringComparison.Ordinal) ? $" ({e.Name})" : string.Empty)}, {Times(e.Count, language)}{Cite(numbers[e.Passages[0].Id])}"
            : $"{e.Name}（{Times(e.Count, language)}）{Cite(numbers[e.Passages[0].Id])}");
        builder.Append(string.Join(language == QuestionLanguage.English ? "; " : "、", items));
        builder.Append(language == QuestionLanguage.English ? "." : "。");
        return builder.ToString();
    }

    /// <summary>The finding of a figures tool call.</summary>
    public string Figures(QuestionLanguage language, IReadOnlyList<(int N, Passage Passage)> passages, FigureKind? kind)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var numbers = Numbers(passages);
        var listed = figures.Find(kind).Where(f => numbers.ContainsKey(f.Passage.Id)).Take(MaxListed).ToList();
        if (listed.Count == 0)
        {
            return ExtractiveComposer.Abstention(language);
        }

        var builder = new StringBuilder(kind switch
        {
            FigureKind.Amount => Say(language, "文章中的金額：", "文章中的金额：", "Amounts in the article:"),
            FigureKind.Percent => Say(language, "文章中的百分比：", "文章中的百分比：", "Percentages in the article:"),
            FigureKind.Date => Say(language, "文章中的日期：", "文章中的日期：", "Dates in the article:"),
            _ => Say(language, "文章中的數字：", "文章中的数字：", "Figures in the article:"),
        });
        foreach (var figure in listed)
        {
            builder.Append("\n- ");
            if (language == QuestionLanguage.English)
            {
                builder.Append(EnglishFacts.Figure(figure.Mention, figure.Measure)).Append(" (").Append(figure.Mention.Text).Append("): ");
            }
            else
            {
                builder.Append(figure.Mention.Text).Append(" — ").Append(figure.Measure).Append('：');
            }

            builder.Append(figure.Sentence).Append(Cite(numbers[figure.Passage.Id]));
        }

        return builder.ToString();
    }

    /// <summary>
    /// The finding of a verify tool call: the verdict word first, then the deciding sentence (see <see cref="ClaimAnswer"/>),
    /// or not covered. <paramref name="checkedByTool"/> is the tool's own check of the same claim, when it ran in process.
    /// </summary>
    public string Verify(QuestionLanguage language, IReadOnlyList<(int N, Passage Passage)> passages, string claim, ClaimCheck? checkedByTool = null)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var numbers = Numbers(passages);
        var check = checkedByTool ?? verifier.Verify(claim);
        if (check.Verdict == Verdict.Unreadable)
        {
            return ClaimAnswer.Write(check, language, string.Empty)!;
        }

        return check.Passage is not null && numbers.TryGetValue(check.Passage.Id, out var n) && ClaimAnswer.Write(check, language, Cite(n)) is { } answer
            ? answer
            : ExtractiveComposer.Abstention(language);
    }

    /// <summary>
    /// A comparison: for each named thing, the sentences of its own search that are about it (it is named early in
    /// the sentence, which says much: figures, other names), preferring the question's other words; never the same
    /// sentence for both sides unless it contrasts them.
    /// </summary>
    public string Compare(QuestionLanguage language, string question, IReadOnlyList<(string Subject, string Query, IReadOnlyList<(int N, Passage Passage)> Passages)> sides)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(sides);
        var named = entities.NamedIn(question);
        var plan = search.Analyze(question);
        var namedFolded = named.SelectMany(entities.NamesOf).ToHashSet(StringComparer.Ordinal);
        var content = plan.Groups.Where(g => g.Strength == GroupStrength.Strong && g.InCorpus && !g.Alternatives.Any(namedFolded.Contains)).ToList();
        var parts = new List<string>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sides.Count; i++)
        {
            var (subject, _, passages) = sides[i];
            var entity = i < named.Count ? named[i] : null;
            var scored = new List<(int N, string Sentence, double Score)>();
            foreach (var (n, passage) in passages)
            {
                foreach (var (sentence, folded) in search.Sentences(passage))
                {
                    var at = entity is null ? folded.IndexOf(folder.Fold(subject), StringComparison.Ordinal) : FirstMention(folded, entity);
                    if (at < 0 || used.Contains(sentence))
                    {
                        continue;
                    }

                    var others = entities.NamedIn(sentence).Count(e => !named.Contains(e));
                    var score = 1.0
                        + (1.0 * (at <= 12 ? 1 : 12.0 / at))
                        + (0.3 * Math.Min(folded.Length, 80) / 80)
                        + (0.1 * Math.Min(others, 2))
                        + (FigureReader.Read(sentence).Count > 0 ? 0.2 : 0)
                        + (content.Count == 0 ? 0 : content.Sum(g => CoverageMeter.GroupMatch(g, folded)) / content.Count);
                    scored.Add((n, sentence.Trim(), score));
                }
            }

            var best = scored.OrderByDescending(x => x.Score).Take(2).ToList();
            if (best.Count == 0)
            {
                parts.Add(language == QuestionLanguage.English ? $"{subject}: the article does not say." : Say(language, $"{subject}：文章沒有提到。", $"{subject}：文章没有提到。", string.Empty));
                continue;
            }

            best.ForEach(b => used.Add(b.Sentence));
            var quotes = string.Concat(best.Select(b => b.Sentence + Cite(b.N)));
            parts.Add(language == QuestionLanguage.English
                ? $"{subject}{(english.Gist(string.Concat(best.Select(b => b.Sentence))) is { Length: > 0 } g ? $" ({g})" : string.Empty)}: {quotes}"
                : $"{subject}：{quotes}");
        }

        return parts.All(p => !p.Contains('[', StringComparison.Ordinal))
            ? ExtractiveComposer.Abstention(language)
            : string.Join("\n", parts);
    }

    private int FirstMention(string folded, ArticleEntity entity)
    {
        var names = entities.NamesOf(entity);
        var positions = names.Select(n => folded.IndexOf(n, StringComparison.Ordinal)).Where(p => p >= 0).ToList();
        if (positions.Count > 0)
        {
            return positions.Min();
        }

        // A gazetteer alias (字節 for 字節跳動): the entity named in the sentence at all.
        return entities.NamedIn(folded).Contains(entity) ? 20 : -1;
    }

    /// <summary>
    /// A search-based answer (single facts, why and how, views): the sentences the selector drafted and the learned
    /// gate let through (<see cref="ExtractiveComposer.Select"/>, from the search's own plan and coverage when given),
    /// then checks of the question's shape (a quantity question needs a figure about what it names, a date question
    /// a date), the sentences around the best one for why, opinion cues preferred for views, and English facts first
    /// for English questions.
    /// </summary>
    public string Search(QuestionLanguage language, string question, QuestionIntent intent, IReadOnlyList<(int N, Passage Passage)> passages, string? subject = null, Retrieval? retrieval = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(passages);
        // The entities are looked for only when the answer's shape needs them (an owner, someone's view): they are a
        // whole-article finding, and a plain fact's first answer should not wait for them on a large article.
        var named = new Lazy<IReadOnlyList<ArticleEntity>>(() => entities.NamedIn(question));
        if (AnswerShape.AsksForOwner(folder.Fold(question)) && named.Value.FirstOrDefault(e => e.Kind != EntityKind.Organization) is { } owned
            && Owner(owned, passages) is { } owner)
        {
            return language == QuestionLanguage.English
                ? $"{english.EnglishName(owner.Company)}{Cite(owner.N)}. In the article's words: {owner.Sentence.Trim()}{Cite(owner.N)}"
                : $"{owner.Company.Name}{Cite(owner.N)}：{owner.Sentence.Trim()}{Cite(owner.N)}";
        }

        var picked = composer.Select(question, passages, retrieval)?.ToList();
        if (subject is not null)
        {
            // A follow-up on a new subject ("那阿里呢？") is answered about that subject or not at all.
            var ofSubject = entities.NamedIn(subject);
            var kind = AnswerKindClassifier.Classify(folder.Fold(question));
            var names = ofSubject.SelectMany(entities.NamesOf).Append(folder.Fold(subject)).Distinct(StringComparer.Ordinal).ToList();
            bool Names(string sentence) => Mentions(sentence, ofSubject) || folder.Fold(sentence).Contains(folder.Fold(subject), StringComparison.Ordinal);
            bool Answers(string sentence) => AnswerKindClassifier.IsStrict(kind) ? GivesKindOf(folder.Fold(sentence), kind, names) : Names(sentence);
            picked = picked?.Where(p => Answers(p.Sentence)).ToList();
            if (picked is not { Count: > 0 })
            {
                return LackedBySubject(language, question, subject, passages, Names);
            }
        }

        if (picked is not { Count: > 0 })
        {
            return ExtractiveComposer.Abstention(language);
        }

        var plan = search.Analyze(question);

        if (intent.Kind == QuestionKind.Opinion && named.Value.Any(e => e.Kind == EntityKind.Person))
        {
            // Someone's view: what they are quoted saying (哈薩比斯指出：…) beats a sentence that only names them.
            var said = Said(plan, named.Value.Where(e => e.Kind == EntityKind.Person).ToList(), passages);
            picked = said.Count > 0 ? said : picked;
        }

        if (intent.Kind == QuestionKind.Opinion)
        {
            var withCue = picked.Where(p => s_opinionCues.Any(c => folder.Fold(p.Sentence).Contains(c, StringComparison.Ordinal))).ToList();
            picked = withCue.Count > 0 ? [.. withCue, .. picked.Except(withCue)] : picked;
            picked = [.. picked.Take(2)];
        }

        if (intent.Kind == QuestionKind.Why)
        {
            picked = WithExplanation(picked);
        }

        return language == QuestionLanguage.English ? RenderEnglish(question, plan, picked) : RenderChinese(picked);
    }

    /// <summary>
    /// The refusal of a follow-up whose new subject the article gives nothing of the frame for: it says which part is
    /// missing (the question the follow-up became), then what the article does say of the subject, quoted from the
    /// first retrieved sentence that names it, so the reader sees the subject was found and the frame was not.
    /// </summary>
    private string LackedBySubject(QuestionLanguage language, string question, string subject, IReadOnlyList<(int N, Passage Passage)> passages, Func<string, bool> about)
    {
        var asked = question.Trim().TrimEnd('？', '?', '。', '.', '!', '！', ' ');
        var missing = Say(language, $"文章沒有提到「{asked}」。", $"文章没有提到“{asked}”。", $"The article does not answer “{asked}?”.");
        foreach (var (n, passage) in passages)
        {
            foreach (var (sentence, _) in search.Sentences(passage))
            {
                if (about(sentence))
                {
                    var quote = sentence.Trim();
                    return missing + Say(language, $"關於{subject}，文章說：{quote}{Cite(n)}", $"关于{subject}，文章说：{quote}{Cite(n)}", $" What it says of {subject}: {quote}{Cite(n)}");
                }
            }
        }

        return missing;
    }

    /// <summary>
    /// Whose product is it: the organisation named closest before the thing in one sentence (索尼推出PlayStation,
    /// 任天堂旗下的“寶可夢”, 某公司的戰略級產品“某某”); null when no sentence pairs them.
    /// </summary>
    private (ArticleEntity Company, int N, string Sentence)? Owner(ArticleEntity owned, IReadOnlyList<(int N, Passage Passage)> passages)
    {
        var ownedNames = entities.NamesOf(owned).ToList();
        (ArticleEntity, int, string)? best = null;
        var bestGap = int.MaxValue;
        foreach (var (n, passage) in passages)
        {
            foreach (var (sentence, folded) in search.Sentences(passage))
            {
                var at = ownedNames.Select(x => folded.IndexOf(x, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
                if (at < 0)
                {
                    continue;
                }

                foreach (var company in entities.NamedIn(sentence).Where(e => e.Kind == EntityKind.Organization))
                {
                    var companyAt = entities.NamesOf(company)
                        .Select(x => folded.LastIndexOf(x, Math.Max(0, at - 1), StringComparison.Ordinal)).Where(i => i >= 0 && i < at).DefaultIfEmpty(-1).Max();
                    if (companyAt >= 0 && at - companyAt < bestGap && at - companyAt <= 12)
                    {
                        bestGap = at - companyAt;
                        best = (company, n, sentence);
                    }
                }
            }
        }

        return best;
    }

    /// <summary>The sentences of the passages in which one of the people speaks (name, then 指出/認為/表示…), best first.</summary>
    private List<(int N, Passage Passage, string Sentence)> Said(QueryPlan plan, List<ArticleEntity> people, IReadOnlyList<(int N, Passage Passage)> passages)
    {
        var names = people.SelectMany(entities.NamesOf).ToList();
        var content = plan.Groups.Where(g => g.Strength == GroupStrength.Strong && !g.Alternatives.Any(names.Contains)).ToList();
        var scored = new List<(int N, Passage Passage, string Sentence, double Score, bool Speaks)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (n, passage) in passages)
        {
            foreach (var (sentence, folded) in search.Sentences(passage))
            {
                var at = names.Select(name => (name, folded.IndexOf(name, StringComparison.Ordinal))).Where(x => x.Item2 >= 0).ToList();
                if (at.Count == 0 || !seen.Add(folded))
                {
                    continue;
                }

                var speaks = at.Any(x => s_speechVerbs.Any(v => string.CompareOrdinal(folded, x.Item2 + x.name.Length, v, 0, v.Length) == 0));
                var score = (speaks ? 2 : 0) + (s_opinionCues.Any(c => folded.Contains(c, StringComparison.Ordinal)) ? 0.5 : 0)
                    + (content.Count == 0 ? 0 : content.Sum(g => CoverageMeter.GroupMatch(g, folded)) / content.Count);
                scored.Add((n, passage, sentence, score, speaks));
            }
        }

        // When one of them speaks, what they said is the answer: a sentence that only names them (…從某人的提醒中獲得
        //線索) introduces it, and is left out.
        var speaking = scored.Where(s => s.Speaks).ToList();
        return [.. (speaking.Count > 0 ? speaking : scored).OrderByDescending(s => s.Score).Take(2).Select(s => (s.N, s.Passage, s.Sentence))];
    }

    private static readonly string[] s_speechVerbs = ["指出", "认为", "表示", "说", "强调", "提醒", "坦言", "称", "透露", "直言", "警告", "预测", "相信", "承认"];

    /// <summary>
    /// True when a clause of the folded sentence gives a figure or date of the kind asked and names the subject: in
    /// 廣告業務或將為甲公司帶來50億美元的年收入，…可能會對乙公司構成威脅 the figure is 甲公司's, and says nothing of 乙公司.
    /// </summary>
    private static bool GivesKindOf(string folded, AnswerKind kind, IReadOnlyList<string> names)
    {
        List<(int Start, int End)>? clauses = null;
        foreach (var mention in MentionFinder.Quantities(folded))
        {
            if (!AnswerKindClassifier.Answers(kind, mention.Kind))
            {
                continue;
            }

            clauses ??= [.. FactTable.ClauseSpans(folded)];
            var (start, end) = clauses.FirstOrDefault(c => c.Start <= mention.Start && mention.Start < c.End);
            if (end > start && names.Any(n => n.Length > 0 && folded.AsSpan(start, end - start).Contains(n, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the sentence names one of the entities (any when there are none to name).</summary>
    private bool Mentions(string sentence, IReadOnlyList<ArticleEntity> named)
    {
        if (named.Count == 0)
        {
            return true;
        }

        var found = entities.NamedIn(sentence);
        return named.Any(n => found.Contains(n));
    }

    /// <summary>Why and how: the sentence that follows the best one often gives the reason (…成了烏雲。投入10倍…).</summary>
    private List<(int N, Passage Passage, string Sentence)> WithExplanation(List<(int N, Passage Passage, string Sentence)> picked)
    {
        var best = picked[0];
        var sentences = search.Sentences(best.Passage);
        var index = sentences.Select((s, i) => (s, i)).FirstOrDefault(x => x.s.Sentence == best.Sentence, (default, -1)).Item2;
        var result = new List<(int N, Passage Passage, string Sentence)> { best };
        if (index >= 0 && index + 1 < sentences.Count)
        {
            var next = sentences[index + 1];
            var explains = s_causeCues.Any(c => next.Folded.Contains(c, StringComparison.Ordinal)) || FigureReader.Read(next.Sentence).Count > 0
                || !s_causeCues.Any(c => folder.Fold(best.Sentence).Contains(c, StringComparison.Ordinal));
            if (explains && picked.All(p => p.Sentence != next.Sentence))
            {
                result.Add((best.N, best.Passage, next.Sentence));
            }
        }

        if (index > 0 && !s_causeCues.Any(c => folder.Fold(best.Sentence).Contains(c, StringComparison.Ordinal)))
        {
            // The best match only restates what is asked (急需用錢的王棟…): the cause may as well come just before it.
            var previous = sentences[index - 1].Sentence;
            if (picked.All(p => p.Sentence != previous))
            {
                result.Insert(0, (best.N, best.Passage, previous));
            }
        }

        result.AddRange(picked.Skip(1).Take(1).Where(p => result.All(r => r.Sentence != p.Sentence)));
        return result;
    }

    private static string RenderChinese(List<(int N, Passage Passage, string Sentence)> picked) => QuoteJoiner.Join(picked);

    /// <summary>
    /// The fact in English when one figure or name answers it (figures converted, names in English, each with the
    /// article's own wording in brackets so it can be found in the quote), then the cited Chinese quote. When no
    /// single fact does, the quote comes first (it is the answer) and an English gist of it follows.
    /// </summary>
    private string RenderEnglish(string question, QueryPlan plan, List<(int N, Passage Passage, string Sentence)> picked)
    {
        var lead = string.Empty;
        if (plan.AnswerType is AnswerType.Quantity or AnswerType.Date)
        {
            var best = BestFigure(plan, picked);
            if (best is { } b)
            {
                var figure = EnglishFacts.Figure(b.Mention, ArticleFigures.MeasureOf(b.Sentence, b.Mention));
                lead = figure.Contains(b.Mention.Text, StringComparison.Ordinal) ? figure : $"{figure} ({b.Mention.Text})";
                picked = [.. picked.Where(p => p.Sentence == b.Sentence).Take(1)];
            }
        }
        else if (plan.AnswerType == AnswerType.Who)
        {
            var people = picked.SelectMany(p => entities.NamedIn(p.Sentence)).Where(e => e.Kind is EntityKind.Person or EntityKind.Organization)
                .Distinct().Take(3).Select(e => english.EnglishName(e) is var name && name != e.Name && !name.Contains(e.Name, StringComparison.Ordinal) ? $"{name} ({e.Name})" : e.Name)
                .ToList();
            lead = EnglishFacts.Join(people);
        }

        var quotes = QuoteJoiner.Join(picked, " ");
        if (lead.Length > 0)
        {
            var subject = EnglishFacts.Join(entities.NamedIn(question).Select(english.EnglishName).Distinct().ToList());
            return $"{(subject.Length > 0 ? $"{subject}: {lead}" : Capitalize(lead))}{Cite(picked[0].N)}. In the article's words: {quotes}";
        }

        var gist = english.Gist(string.Concat(picked.Select(p => p.Sentence)));
        return gist.Length > 0
            ? $"In the article's words: {quotes} (In English, roughly: {gist.Replace("; figures:", ", with", StringComparison.Ordinal)}.)"
            : $"In the article's words: {quotes}";
    }

    /// <summary>
    /// The figure of the picked sentences that best fits the question: of the wanted kind, near its words. None when
    /// no figure is of that kind: a date is no answer to "how much", and the quote is then given as it stands.
    /// </summary>
    private (FigureMention Mention, string Sentence)? BestFigure(QueryPlan plan, List<(int N, Passage Passage, string Sentence)> picked)
    {
        (FigureMention, string)? best = null;
        var bestScore = double.MinValue;
        foreach (var (_, _, sentence) in picked)
        {
            foreach (var mention in FigureReader.Read(sentence))
            {
                if (plan.AnswerType == AnswerType.Date ? mention.Kind != FigureKind.Date : mention.Kind == FigureKind.Date)
                {
                    continue;
                }

                var measure = folder.Fold(ArticleFigures.MeasureOf(sentence, mention));
                var near = plan.Groups.Where(g => g.Strength != GroupStrength.Weak).Sum(g => CoverageMeter.GroupMatch(g, measure) * g.Weight);
                var score = near - (best is null ? 0 : 0.01);
                if (score > bestScore)
                {
                    bestScore = score;
                    best = (mention, sentence);
                }
            }
        }

        return best;
    }

    private static Dictionary<string, int> Numbers(IReadOnlyList<(int N, Passage Passage)> passages)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (n, passage) in passages)
        {
            numbers.TryAdd(passage.Id, n);
        }

        return numbers;
    }

    private static string Cite(int n) => "[" + n.ToString(CultureInfo.InvariantCulture) + "]";

    private static string Times(int count, QuestionLanguage language) => language switch
    {
        QuestionLanguage.English => count == 1 ? "once" : $"{count} times",
        _ => $"{count}次",
    };

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Say(QuestionLanguage language, string traditional, string simplified, string english) => language switch
    {
        QuestionLanguage.ChineseTraditional => traditional,
        QuestionLanguage.ChineseSimplified => simplified,
        _ => english,
    };
}
