using System.Text.RegularExpressions;
using ArticleBot.Core.Language.Mentions;
using ArticleBot.Core.Text;

namespace ArticleBot.Training.Data;

/// <summary>
/// Makes the questions a slice's articles do not answer, of the kinds readers ask:
/// <list type="bullet">
/// <item><c>other-article</c>: a question of another article of the same source (whose answer the slice never
/// writes, and whose article's title shares no four characters with a slice title), as the evaluation sets do;</item>
/// <item><c>swap-name</c>: a near miss: a question of the slice with its topic name (its article's title, or a name in
/// it) swapped for a name of the same kind that the slice never writes: a person for a person, a place for a place (names
/// other articles' questions ask about), and a title that names no person, place or organisation for another such
/// title (a question about 硫磺 asked of 鐵礦, never of 孫中山);</item>
/// <item><c>swap-subject</c>: a near miss the other way: another article's question about its own subject, asked of a
/// slice article's subject instead (an attribute the article does not give);</item>
/// <item><c>swap-entity</c>: the trap of a neighbouring name: a question of the slice with a name swapped for another
/// name of the same kind that the article itself writes, but never in a sentence that holds the answer or most of
/// what the question asks (the article gives one company's value, and is asked another's);</item>
/// <item><c>cut-answer</c>: an attribute of the right subject that the article does not give: a question of the slice
/// asked of a copy of it with every sentence that holds the answer cut out (<see cref="CutAnswers"/>), so the question's
/// words still match around the gap (the article gives a product's launch date, and is asked its daily users).</item>
/// </list>
/// English questions get English ones of each kind (names are capitalised words, titles the English titles).
/// Every choice is deterministic (stable hashes), so the rows, and the models, are the same on every run.
/// </summary>
public sealed partial class UnanswerableMaker(IReadOnlyList<Slice> slices, ScriptFolding folder)
{
    // The names each article's questions ask about, by kind: read once per article (slices are made in parallel).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Key, bool English), IReadOnlyList<Named>> _askedAbout = new();

    /// <summary>Unanswerable questions of other articles, per answerable question of the slice.</summary>
    public const double OtherArticleShare = 0.25;

    /// <summary>Near misses of each kind, per answerable question.</summary>
    public const double NearMissShare = 0.1;


    /// <summary>The unanswerable questions for one slice, for each question set its articles have.</summary>
    public IReadOnlyList<TrainingQuestion> Make(Slice slice)
    {
        ArgumentNullException.ThrowIfNull(slice);
        var corpus = folder.Fold(string.Join("\n", slice.Articles.Select(a => a.Article.SeedText)));
        var titles = slice.Articles.Select(a => Compact(folder.Fold(a.Article.Title))).ToList();
        var made = new List<TrainingQuestion>();
        foreach (var set in slice.Articles.SelectMany(a => a.Questions).Select(q => q.Set).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var own = slice.Articles.SelectMany(a => a.Questions).Where(q => q.Set == set).ToList();
            var others = slices.Where(s => s.Source == slice.Source && s.Id != slice.Id)
                .OrderBy(s => s.Fold == slice.Fold ? 0 : 1).ThenBy(s => SlicePlanner.StableHash(slice.Id + s.Id)).SelectMany(s => s.Articles).ToList();
            made.AddRange(OtherArticle(set, own.Count, corpus, titles, others));
            made.AddRange(SwapName(slice, set, own, corpus, others));
            made.AddRange(SwapSubject(slice, set, own.Count, corpus, others));
            if (!set.EndsWith("-en", StringComparison.Ordinal))
            {
                made.AddRange(SwapEntity(slice, set, own, corpus));
            }
        }

        return made;
    }

    private IEnumerable<TrainingQuestion> OtherArticle(string set, int answerable, string corpus, List<string> titles, List<TrainingArticle> others)
    {
        var wanted = (int)Math.Ceiling(answerable * OtherArticleShare);
        var queues = others.Where(a => !RelatedTitle(Compact(folder.Fold(a.Article.Title)), titles))
            .Select(a => new Queue<TrainingQuestion>(a.Questions.Where(q => q.Set == set))).Where(q => q.Count > 0).ToList();
        var taken = 0;
        while (taken < wanted && queues.Any(q => q.Count > 0))
        {
            foreach (var queue in queues)
            {
                if (taken >= wanted || !queue.TryDequeue(out var question))
                {
                    continue;
                }

                if (question.Answers.Any(answer => corpus.Contains(folder.Fold(answer), StringComparison.Ordinal)))
                {
                    continue; // the slice writes its answer: it may well answer it
                }

                taken++;
                yield return question with { Id = question.Id + "~other", Answers = [], Type = "other-article" };
            }
        }
    }

    private IEnumerable<TrainingQuestion> SwapName(Slice slice, string set, List<TrainingQuestion> own, string corpus, List<TrainingArticle> others)
    {
        var wanted = (int)Math.Ceiling(own.Count * NearMissShare);
        var english = set.EndsWith("-en", StringComparison.Ordinal);
        bool Unwritten(string name) => !corpus.Contains(folder.Fold(name), StringComparison.Ordinal);

        // Replacements by kind, never written by the slice: other articles' titles (of the kind the recognisers read in
        // the whole title, or none), and the names their questions ask about (in Chinese, those of a known kind).
        var pools = others.Select(a => Topic(a, english)).Where(t => t.Length >= 2).Select(t => new Named(t, english ? null : KindOfWhole(t)))
            .Concat(others.SelectMany(a => AskedAbout(a, english)).Where(n => english || n.Kind is not null))
            .Where(n => Unwritten(n.Text)).DistinctBy(n => n.Text, StringComparer.Ordinal)
            .GroupBy(n => n.Kind).ToDictionary(g => g.Key ?? AnswerKind.Any, g => g.Select(n => n.Text).ToList());

        var taken = 0;
        foreach (var question in own.OrderBy(q => SlicePlanner.StableHash("swap-name" + q.Id)))
        {
            if (taken >= wanted)
            {
                yield break;
            }

            var article = slice.Articles.First(a => a.Key == question.ArticleKey);
            var name = NamesIn(question.Text, article, english).Where(n => !Unwritten(n.Text)).MaxBy(n => n.Text.Length);
            if (name is null || !pools.TryGetValue(name.Kind ?? AnswerKind.Any, out var pool) || pool.Count == 0)
            {
                continue;
            }

            var replacement = pool[(int)(SlicePlanner.StableHash(question.Id) % (ulong)pool.Count)];
            var text = question.Text.Replace(name.Text, replacement, StringComparison.Ordinal);
            if (text == question.Text)
            {
                continue;
            }

            taken++;
            yield return question with { Id = question.Id + "~name", Text = text, Answers = [], Type = "swap-name" };
        }
    }

    /// <summary>A name a question asks about, and its kind: a person, place or organisation, or null (a title of another kind, or any English name).</summary>
    private sealed record Named(string Text, AnswerKind? Kind);

    /// <summary>The names an article's questions ask about, other than its title.</summary>
    private IReadOnlyList<Named> AskedAbout(TrainingArticle article, bool english) =>
        _askedAbout.GetOrAdd((article.Key, english), _ =>
        [
            .. article.Questions.Where(q => q.Set.EndsWith("-en", StringComparison.Ordinal) == english)
                .SelectMany(q => NamesIn(q.Text, article, english)).Where(n => n.Text != Topic(article, english)),
        ]);

    /// <summary>The kind of a name when the recognisers read the whole of it as a person, place or organisation; else null.</summary>
    private AnswerKind? KindOfWhole(string name)
    {
        var folded = folder.Fold(name);
        return NameRecognizer.Find(folded).Where(m => m.Kind is AnswerKind.Person or AnswerKind.Organisation or AnswerKind.Place && m.Start == 0 && m.Length == folded.Length)
            .Select(m => (AnswerKind?)m.Kind).FirstOrDefault();
    }

    private IEnumerable<TrainingQuestion> SwapSubject(Slice slice, string set, int answerable, string corpus, List<TrainingArticle> others)
    {
        var wanted = (int)Math.Ceiling(answerable * NearMissShare);
        var english = set.EndsWith("-en", StringComparison.Ordinal);
        var subjects = slice.Articles.Select(a => Topic(a, english)).Where(t => t.Length >= 2).ToList();
        if (subjects.Count == 0)
        {
            yield break;
        }

        var taken = 0;
        foreach (var other in others)
        {
            var topic = Topic(other, english);
            if (topic.Length < 2)
            {
                continue;
            }

            foreach (var question in other.Questions.Where(q => q.Set == set && q.Text.Contains(topic, StringComparison.Ordinal)).Take(1))
            {
                if (taken >= wanted)
                {
                    yield break;
                }

                if (question.Answers.Any(answer => corpus.Contains(folder.Fold(answer), StringComparison.Ordinal)))
                {
                    continue;
                }

                var subject = subjects[taken % subjects.Count];
                taken++;
                yield return question with { Id = question.Id + "~subject", Text = question.Text.Replace(topic, subject, StringComparison.Ordinal), Answers = [], Type = "swap-subject" };
            }
        }
    }

    private IEnumerable<TrainingQuestion> SwapEntity(Slice slice, string set, List<TrainingQuestion> own, string corpus)
    {
        var wanted = (int)Math.Ceiling(own.Count * NearMissShare);
        var sentences = SentenceBreakRegex().Split(corpus).Where(x => x.Length > 0).ToList();
        var names = NameRecognizer.Find(corpus).Where(m => m.Kind is AnswerKind.Person or AnswerKind.Organisation or AnswerKind.Place && m.Length >= 2)
            .GroupBy(m => m.Kind).ToDictionary(g => g.Key, g => g.Select(m => m.Text).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
        var taken = 0;
        foreach (var question in own.OrderBy(q => SlicePlanner.StableHash("swap-entity" + q.Id)))
        {
            if (taken >= wanted)
            {
                yield break;
            }

            var folded = folder.Fold(question.Text);
            if (folded.Length != question.Text.Length)
            {
                continue;
            }

            var mentions = NameRecognizer.Find(folded).Where(m => names.ContainsKey(m.Kind) && m.Length >= 2 && corpus.Contains(m.Text, StringComparison.Ordinal)).ToList();
            if (mentions.Count == 0)
            {
                continue;
            }

            var mention = mentions.MaxBy(m => m.Length);
            var answers = question.Answers.Select(folder.Fold).ToList();
            var rest = folded.Remove(mention.Start, mention.Length);
            var restPairs = Enumerable.Range(0, Math.Max(0, rest.Length - 1)).Select(i => rest.Substring(i, 2)).Where(p => p.All(CharClass.IsHan)).Distinct(StringComparer.Ordinal).ToList();

            // Another name of the kind that no sentence pairs with the answer or with most of the rest of the question.
            var replacement = names[mention.Kind].Where(n => n != mention.Text && !n.Contains(mention.Text, StringComparison.Ordinal) && !mention.Text.Contains(n, StringComparison.Ordinal))
                .Where(n => sentences.Where(x => x.Contains(n, StringComparison.Ordinal)).All(x =>
                    !answers.Any(a => x.Contains(a, StringComparison.Ordinal)) && (restPairs.Count == 0 || restPairs.Count(p => x.Contains(p, StringComparison.Ordinal)) < restPairs.Count / 2.0)))
                .OrderBy(n => SlicePlanner.StableHash(question.Id + n)).FirstOrDefault();
            if (replacement is null)
            {
                continue;
            }

            taken++;
            var text = string.Concat(question.Text.AsSpan(0, mention.Start), replacement, question.Text.AsSpan(mention.Start + mention.Length));
            yield return question with { Id = question.Id + "~entity", Text = text, Answers = [], Type = "swap-entity" };
        }
    }

    [GeneratedRegex(@"[。！？；!?;\n]")]
    private static partial Regex SentenceBreakRegex();

    /// <summary>
    /// A copy of the slice with the answer sentences of some of its questions cut out, and those questions, which the
    /// copy does not answer. An answer written in more than <see cref="MaxCutSentences"/> sentences, or shorter than two
    /// characters, is not cut (it is too common to be a value the question asks for); a question whose answer is still
    /// written somewhere in the copy after every cut is dropped.
    /// </summary>
    public (Slice Copy, IReadOnlyList<TrainingQuestion> Questions) CutAnswers(Slice slice)
    {
        ArgumentNullException.ThrowIfNull(slice);
        var contexts = slice.Articles.ToDictionary(a => a.Key, a => a.Article.Paragraphs.Select(p => p.Context).ToArray(), StringComparer.Ordinal);
        var chosen = new List<TrainingQuestion>();
        foreach (var set in slice.Articles.SelectMany(a => a.Questions).Select(q => q.Set).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var own = slice.Articles.SelectMany(a => a.Questions).Where(q => q.Set == set && q.Answerable).ToList();
            var wanted = (int)Math.Ceiling(own.Count * NearMissShare);
            foreach (var question in own.OrderBy(q => SlicePlanner.StableHash("cut-answer" + q.Id)))
            {
                if (chosen.Count(q => q.Set == set) >= wanted)
                {
                    break;
                }

                if (question.Answers.Any(a => a.Trim().Length < 2))
                {
                    continue;
                }

                var spans = contexts.SelectMany(c => c.Value.Select((text, i) => (Article: c.Key, Paragraph: i, Spans: AnswerSentences(text, question.Answers)))).Where(x => x.Spans.Count > 0).ToList();
                if (spans.Count == 0 || spans.Sum(x => x.Spans.Count) > MaxCutSentences)
                {
                    continue;
                }

                foreach (var (article, paragraph, cut) in spans)
                {
                    var text = contexts[article][paragraph];
                    foreach (var (start, length) in cut.OrderByDescending(x => x.Start))
                    {
                        text = text.Remove(start, length);
                    }

                    contexts[article][paragraph] = text;
                }

                chosen.Add(question);
            }
        }

        var articles = slice.Articles.Select(a => a with
        {
            Article = a.Article with
            {
                Paragraphs = [.. a.Article.Paragraphs.Select((p, i) => p with { Context = contexts[a.Key][i] })],
            },
        }).ToList();
        var copy = slice with { Id = slice.Id + "~cut", Articles = articles };
        var corpus = folder.Fold(string.Join("\n", articles.Select(a => a.Article.SeedText)));
        var questions = chosen.Where(q => !q.Answers.Any(a => corpus.Contains(folder.Fold(a), StringComparison.Ordinal)))
            .Select(q => q with { Id = q.Id + "~cut", Answers = [], Type = CutAnswerType }).ToList();
        return (copy, questions);
    }

    /// <summary>The type of the questions <see cref="CutAnswers"/> makes.</summary>
    public const string CutAnswerType = "cut-answer";

    /// <summary>The most sentences an answer may be cut from (see <see cref="CutAnswers"/>).</summary>
    public const int MaxCutSentences = 2;

    /// <summary>The spans of a paragraph's sentences that hold one of the answers, merged where they overlap (the same sentence, found by two answers).</summary>
    private static List<(int Start, int Length)> AnswerSentences(string paragraph, IReadOnlyList<string> answers)
    {
        var spans = new List<(int Start, int End)>();
        foreach (var answer in answers)
        {
            for (var at = paragraph.IndexOf(answer, StringComparison.Ordinal); at >= 0; at = paragraph.IndexOf(answer, at + 1, StringComparison.Ordinal))
            {
                var start = at == 0 ? 0 : paragraph.LastIndexOfAny(s_sentenceEnds, at - 1) + 1;
                var end = paragraph.IndexOfAny(s_sentenceEnds, at + answer.Length);
                spans.Add((start, end < 0 ? paragraph.Length : end + 1));
            }
        }

        var merged = new List<(int Start, int Length)>();
        foreach (var (start, end) in spans.OrderBy(s => s.Start))
        {
            if (merged.Count > 0 && start < merged[^1].Start + merged[^1].Length)
            {
                var last = merged[^1];
                merged[^1] = (last.Start, Math.Max(last.Start + last.Length, end) - last.Start);
            }
            else
            {
                merged.Add((start, end - start));
            }
        }

        return merged;
    }

    /// <summary>Where a sentence ends, for <see cref="CutAnswers"/> (not the clause marks: the whole sentence goes).</summary>
    private static readonly char[] s_sentenceEnds = ['。', '！', '？', '!', '?', '\n'];

    /// <summary>What an article is about, as its questions would write it: the title without a disambiguation (南京市_(中華民國) → 南京市).</summary>
    private static string Topic(TrainingArticle article, bool english)
    {
        var title = (english ? article.EnglishTitle ?? string.Empty : article.Article.Title).Replace('_', ' ');
        var cut = title.IndexOfAny(['(', '（']);
        return (cut > 0 ? title[..cut] : title).Trim();
    }

    /// <summary>
    /// The names a question holds, with their kinds: its article's topic (of the kind the recognisers read in the whole
    /// title, if any), names the recognisers find, and (English) capitalised words after the first (kind unknown).
    /// </summary>
    private IEnumerable<Named> NamesIn(string question, TrainingArticle article, bool english)
    {
        var topic = Topic(article, english);
        if (topic.Length >= 2 && question.Contains(topic, StringComparison.Ordinal))
        {
            yield return new Named(topic, english ? null : KindOfWhole(topic));
        }

        if (english)
        {
            foreach (Match match in CapitalisedRegex().Matches(question))
            {
                if (match.Index > 0)
                {
                    yield return new Named(match.Value, null);
                }
            }

            yield break;
        }

        // The recognisers read folded text; a name is swapped in the question's own script, so only where folding kept the length.
        var folded = folder.Fold(question);
        if (folded.Length != question.Length)
        {
            yield break;
        }

        foreach (var mention in NameRecognizer.Find(folded).Where(m => m.Kind is AnswerKind.Person or AnswerKind.Organisation or AnswerKind.Place && m.Length >= 2))
        {
            yield return new Named(question.Substring(mention.Start, mention.Length), mention.Kind);
        }
    }

    private static string Compact(string text) => new([.. text.Where(c => !char.IsWhiteSpace(c) && c != '_')]);

    /// <summary>True when a title shares four or more consecutive characters with one of the slice's (the same subject).</summary>
    private static bool RelatedTitle(string title, List<string> titles)
    {
        for (var i = 0; i + 4 <= title.Length; i++)
        {
            var part = title.Substring(i, 4);
            if (titles.Any(t => t.Contains(part, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return titles.Contains(title, StringComparer.Ordinal);
    }

    [GeneratedRegex(@"\b[A-Z][a-zA-Z]+(?:\s+(?:of\s+|the\s+)?[A-Z][a-zA-Z]+)*")]
    private static partial Regex CapitalisedRegex();
}
