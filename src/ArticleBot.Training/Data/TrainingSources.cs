namespace ArticleBot.Training.Data;

/// <summary>A question as the bot is asked it, with what makes an answer right.</summary>
/// <param name="Id">A unique id (the source's, or the id of the question it was made from, with a suffix).</param>
/// <param name="Set">The question set it belongs to (drcd, cmrc, xquad-zh, xquad-en).</param>
/// <param name="Language">zh-Hant, zh-Hans or en.</param>
/// <param name="Text">The question.</param>
/// <param name="Answers">The answer texts (empty for an unanswerable question).</param>
/// <param name="Type">How the question was made: <c>source</c> (asked of its own article), or one of the unanswerable kinds of <see cref="UnanswerableMaker"/>.</param>
/// <param name="ArticleKey">The article it was asked of (its own, for source questions).</param>
public sealed record TrainingQuestion(string Id, string Set, string Language, string Text, IReadOnlyList<string> Answers, string Type, string ArticleKey)
{
    /// <summary>True when the article answers it.</summary>
    public bool Answerable => Answers.Count > 0;

    /// <summary>
    /// True when the question counts towards the precision the gate's threshold is read at: every kind but
    /// <c>cut-answer</c>. Those near misses are made to learn from and to measure (the report gives how many the gate
    /// refuses), not to move the threshold: the mix that defines precision stays the evaluation sets' (answerable
    /// questions, other articles' questions and swapped names), so <c>Retrieval:TargetPrecision</c> keeps its meaning.
    /// </summary>
    public bool SetsThreshold => Type != UnanswerableMaker.CutAnswerType;
}

/// <summary>An article of a source with its questions (an XQuAD article has its Chinese and its English questions).</summary>
/// <param name="Key">Unique across sources.</param>
/// <param name="Article">The article (its Chinese text is the seed).</param>
/// <param name="EnglishTitle">The English title, for XQuAD articles.</param>
/// <param name="Questions">Its own questions, in every language it has them.</param>
public sealed record TrainingArticle(string Key, SquadArticle Article, string? EnglishTitle, IReadOnlyList<TrainingQuestion> Questions);

/// <summary>A source of articles: how many articles make one corpus (a slice), and which question sets it gives.</summary>
/// <param name="Name">drcd, cmrc or xquad.</param>
/// <param name="SliceSize">Articles per corpus, as in the evaluation sets (12 DRCD or CMRC articles, 6 XQuAD ones).</param>
/// <param name="Articles">The articles.</param>
public sealed record TrainingSource(string Name, int SliceSize, IReadOnlyList<TrainingArticle> Articles);

/// <summary>
/// Reads the training data of <c>eval/train</c> into sources, leaving out the articles that the development sets in
/// <c>eval/ext</c> were cut from, so those sets stay unseen by every model.
/// </summary>
public static class TrainingSources
{
    /// <summary>Loads every source from a folder holding the files of eval/train; <paramref name="excludedArticles"/> are left out (by source key, e.g. drcd:1176).</summary>
    public static IReadOnlyList<TrainingSource> Load(string folder, ISet<string> excludedArticles)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(excludedArticles);
        string File(string name)
        {
            var path = Path.Combine(folder, name);
            return System.IO.File.Exists(path) ? path : throw new FileNotFoundException($"The training data file {path} is missing (eval/train holds it in the repository).", path);
        }

        var drcd = SquadReader.Read(File("drcd_test.json")).Select(a => Own("drcd", "zh-Hant", a)).Where(a => !excludedArticles.Contains(a.Key)).ToList();
        var cmrc = SquadReader.Read(File("cmrc2018_dev.json")).Select(a => Own("cmrc", "zh-Hans", a))
            .Concat(SquadReader.Read(File("cmrc2018_trial.json")).Select(a => Own("cmrc", "zh-Hans", a))).Where(a => !excludedArticles.Contains(a.Key)).ToList();
        var xquadZh = SquadReader.Read(File("xquad_zh_12-47.json"));
        var xquadEn = SquadReader.Read(File("xquad_en_12-47.json"));
        var english = xquadEn.SelectMany(a => a.Questions).ToDictionary(q => q.Id, StringComparer.Ordinal);
        var xquad = new List<TrainingArticle>();
        for (var i = 0; i < xquadZh.Count; i++)
        {
            var article = xquadZh[i];
            var key = "xquad:" + XquadKey(xquadEn[i], i);
            if (excludedArticles.Contains(key))
            {
                continue;
            }

            var questions = new List<TrainingQuestion>();
            foreach (var question in article.Questions.Where(q => q.Answers.Count > 0))
            {
                questions.Add(new TrainingQuestion(question.Id, "xquad-zh", "zh-Hans", question.Text, question.Answers, "source", key));
                if (english.TryGetValue(question.Id, out var en) && en.Text.Length > 0)
                {
                    // The English question over the Chinese text: its answers are the Chinese ones.
                    questions.Add(new TrainingQuestion(question.Id + "-en", "xquad-en", "en", en.Text, question.Answers, "source", key));
                }
            }

            xquad.Add(new TrainingArticle(key, article, xquadEn[i].Title.Replace('_', ' '), questions));
        }

        return [new TrainingSource("drcd", 12, drcd), new TrainingSource("cmrc", 12, cmrc), new TrainingSource("xquad", 6, xquad)];
    }

    /// <summary>XQuAD articles are named by their English title (the Chinese file has none of its own).</summary>
    public static string XquadKey(SquadArticle english, int index) => english.Title.Length > 0 ? english.Title : index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static TrainingArticle Own(string source, string language, SquadArticle article)
    {
        var key = source + ":" + article.Key;
        var set = source;
        var questions = article.Questions.Where(q => q.Answers.Count > 0 && q.Text.Length > 0)
            .Select(q => new TrainingQuestion(q.Id, set, language, q.Text, q.Answers, "source", key)).ToList();
        return new TrainingArticle(key, article, null, questions);
    }
}
