using ArticleBot.Abstractions;
using ArticleBot.Core.Corpus;
using ArticleBot.Core.Language.English;
using ArticleBot.Core.Reading;
using ArticleBot.Core.Search;
using ArticleBot.Core.Text;
using ArticleBot.Training.Data;

namespace ArticleBot.Training.Rows;

/// <summary>One question as the bot read it: every candidate sentence with its features and whether it holds the answer.</summary>
/// <param name="Slice">The slice (corpus) it was asked of.</param>
/// <param name="Fold">The slice's fold.</param>
/// <param name="Question">The question.</param>
/// <param name="Reading">What the bot's reader made of it.</param>
/// <param name="Passages">The passages retrieved.</param>
/// <param name="Candidates">The candidate sentences (their <see cref="SentenceCandidate.Probability"/> is set by the ranker, out of fold).</param>
/// <param name="Labels">For each candidate, whether it holds an answer text.</param>
/// <param name="Relevant">For each passage, whether it holds an answer text (an answer must cite one).</param>
/// <param name="Answers">The answer texts, folded.</param>
public sealed record QuestionRows(Slice Slice, int Fold, TrainingQuestion Question, QuestionReading Reading, IReadOnlyList<ReadPassage> Passages, IReadOnlyList<SentenceCandidate> Candidates, bool[] Labels, bool[] Relevant, IReadOnlyList<string> Answers)
{
    /// <summary>True when some retrieved sentence holds the answer (the ranker can get it right).</summary>
    public bool Reachable => Labels.Any(l => l);
}

/// <summary>
/// Turns a slice and its questions into rows with the bot's own parts: the slice's articles are chunked and indexed as
/// seeds would be, each question is retrieved with the search tool's depth, and every sentence of the retrieved
/// passages gets the ranker's features (<see cref="SentenceFeatures"/>).
/// </summary>
public sealed class RowBuilder(ScriptFolding folder, int topK, int passageTargetChars = 240, int overlapSentences = 1)
{
    private readonly Lazy<Cedict> _dictionary = new(() => Cedict.Load());

    /// <summary>The rows of one slice's questions (its own and the unanswerable ones made for it).</summary>
    public List<QuestionRows> Build(Slice slice, IReadOnlyList<TrainingQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(slice);
        ArgumentNullException.ThrowIfNull(questions);
        var documents = slice.Articles.Select((a, i) => new SeedDocument($"seeds/{i:00}.txt", $"{i:00}", a.Article.SeedText)).ToList();
        var corpus = new ArticleCorpus(documents, new PassageChunker(passageTargetChars, overlapSentences));
        using var search = new ArticleSearch(corpus, folder, dictionary: _dictionary.Value);
        var mentions = new SentenceMentions(ArticleReader.Mentions(search));
        var rows = new List<QuestionRows>(questions.Count);
        foreach (var question in questions)
        {
            var retrieval = search.Retrieve(question.Text, topK);
            var numbered = retrieval.Passages.Select((p, i) => (i + 1, p.Passage)).ToList();
            var plan = retrieval.Plan;
            var reading = new QuestionReading(plan, search.InCorpus, search.InverseDocumentFrequency, w => search.Lexicon.Value.ProperName(w) is not null);
            var passages = ArticleReader.PassagesOf(search, reading, numbered, retrieval);
            var candidates = SentenceFeatures.Read(reading, passages, mentions, p => ArticleReader.MayAnswer(plan, p.Passage.Kind));
            var answers = question.Answers.Select(folder.Fold).Where(a => a.Length > 0).ToList();
            var labels = candidates.Select(c => answers.Any(a => c.Folded.Contains(a, StringComparison.Ordinal))).ToArray();
            var relevant = passages.Select(p => answers.Any(a => folder.Fold(p.Passage.Text).Contains(a, StringComparison.Ordinal))).ToArray();
            rows.Add(new QuestionRows(slice, slice.Fold, question, reading, passages, candidates, labels, relevant, answers));
        }

        return rows;
    }
}
