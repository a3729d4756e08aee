using ArticleBot.Abstractions;
using ArticleBot.Core.Answering.Gate;
using ArticleBot.Core.Reading;
using ArticleBot.Core.Reading.Models;
using ArticleBot.Core.Search;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.Answering;

/// <summary>
/// The offline answer: the one to three sentences of the retrieved passages that the learned reader picks
/// (<see cref="ArticleReader"/>: the sentence likeliest to hold the answer first), each followed by its passage's
/// <c>[n]</c>; or an abstention when no sentence shares anything with the question, or when the learned answer gate
/// judges the draft unlikely to answer it (<see cref="AnswerGate"/>).
/// </summary>
public sealed class ExtractiveComposer
{
    private readonly ArticleReader _reader;
    private readonly AnswerGate _gate;
    private readonly ScriptFolding _folder;
    private readonly double _minCoverage;

    /// <summary>Creates the composer.</summary>
    /// <param name="search">The article search (sentences, coverage).</param>
    /// <param name="folder">Script folding.</param>
    /// <param name="minCoverage">A hard floor on the best passage's coverage (<c>Retrieval:MinCoverage</c>, kept for compatibility; 0 leaves it to the gate).</param>
    /// <param name="reader">The reader; the shipped models when null.</param>
    /// <param name="gate">The answer gate; the reader's gate at the default target precision when null.</param>
    public ExtractiveComposer(ArticleSearch search, ScriptFolding folder, double minCoverage = 0, ArticleReader? reader = null, AnswerGate? gate = null)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(folder);
        _reader = reader ?? new ArticleReader(search, ReadingModels.Shipped);
        _gate = gate ?? new AnswerGate(_reader.Models.Gate, AnswerGate.DefaultTargetPrecision);
        _folder = folder;
        _minCoverage = minCoverage;
    }

    /// <summary>The gate the composer decides with.</summary>
    public AnswerGate Gate => _gate;

    /// <summary>
    /// Composes an answer from numbered passages (as the search tool returned them). <paramref name="retrieval"/>
    /// is what the search measured (<see cref="AnalysedSearchResult"/>): its plan and coverage are used when it
    /// searched this very question; otherwise the question is analysed here.
    /// </summary>
    public string Compose(string question, IReadOnlyList<(int N, Passage Passage)> passages, Retrieval? retrieval = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(passages);
        var language = LanguageDetector.Detect(question, _folder);
        return Select(question, passages, retrieval) is { } picked ? Render(language, picked) : Abstention(language);
    }

    /// <summary>
    /// The sentences an answer would quote (the one that holds the answer first, with their passages), when the gate
    /// lets the draft through; null when the offline answer abstains. For composers that render the same choice
    /// differently (English, why, views): every search-based answer passes the same reader and the same gate.
    /// </summary>
    public IReadOnlyList<(int N, Passage Passage, string Sentence)>? Select(string question, IReadOnlyList<(int N, Passage Passage)> passages, Retrieval? retrieval = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(passages);
        var read = _reader.Read(question, passages, retrieval);
        if (read.Draft is not { } draft || read.GateFeatures is not { } features)
        {
            return null;
        }

        var decision = _gate.Decide(features, read.Confidence);
        if (_minCoverage > 0 && read.Passages.All(p => p.Coverage < _minCoverage))
        {
            decision = decision with { Answered = false };
        }

        GateTrace.Record(decision);
        return decision.Answered
            ? [.. draft.Picked.Select(c => (read.Passages[c.PassageIndex].N, read.Passages[c.PassageIndex].Passage, c.Sentence))]
            : null;
    }

    /// <summary>The reply when the article does not cover the question.</summary>
    public static string Abstention(QuestionLanguage language) => language switch
    {
        QuestionLanguage.ChineseTraditional => "文章沒有提到這個問題的答案。",
        QuestionLanguage.ChineseSimplified => "文章没有提到这个问题的答案。",
        _ => "The article does not say.",
    };

    private static string Render(QuestionLanguage language, IReadOnlyList<(int N, Passage Passage, string Sentence)> picked)
    {
        var quotes = QuoteJoiner.Join(picked, language == QuestionLanguage.English ? " " : string.Empty);
        return language == QuestionLanguage.English ? "The article says: " + quotes : quotes;
    }
}
