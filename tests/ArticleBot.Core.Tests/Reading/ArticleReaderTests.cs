using ArticleBot.Abstractions;
using ArticleBot.Core.Language.Mentions;
using ArticleBot.Core.Corpus;
using ArticleBot.Core.Reading;
using ArticleBot.Core.Reading.Models;
using ArticleBot.Core.Search;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.Tests.Reading;

/// <summary>
/// The reader with the shipped models on small articles it was not trained on: examples of what the learned ranker
/// should get right. The articles share one corpus (one index and lexicon for the class).
/// </summary>
public sealed class ArticleReaderTests : IClassFixture<ArticleReaderTests.Articles>
{
    private readonly Articles _articles;

    public ArticleReaderTests(Articles articles) => _articles = articles;

    /// <summary>Several short articles, indexed once.</summary>
    public sealed class Articles : IDisposable
    {
        private static readonly string[] s_texts =
        [
            "申塔\n\n宜臼即位，是為周平王。信陽申侯是東周立的關鍵人物。隋代的信陽人為紀念他，曾建有申塔。",
            "斯壯羅山天文台\n\n斯壯羅山天文台由聯邦政府設立。它於1924年開始運作。天文台後來轉為研究恆星。",
            "墨西哥土撥鼠\n\n墨西哥土撥鼠是一種齧齒動物。牠們分布在墨西哥的聖路易斯波托西州北部。",
            "性別\n\n若一生物可以產生雄配子，也可以產生雌配子，稱為雌雄同體。對於人類，雄性會有XY染色體，雌性會有XX染色體。",
            "杜肯堡\n\n由威廉•特伦特领导的公司开始建造一个小堡垒。他购买了他们的建筑工具，继续建造后来称为杜肯堡垒的堡垒。",
        ];

        public Articles()
        {
            var documents = s_texts.Select((t, i) => new SeedDocument($"seeds/{i}.txt", i.ToString(System.Globalization.CultureInfo.InvariantCulture), t)).ToList();
            Search = new ArticleSearch(new ArticleCorpus(documents, new PassageChunker(240, 1)), ScriptFolding.Default);
            Reader = new ArticleReader(Search, ReadingModels.Shipped);
        }

        public ArticleSearch Search { get; }

        public ArticleReader Reader { get; }

        public ReadResult Read(string question)
        {
            var retrieval = Search.Retrieve(question, 5);
            return Reader.Read(question, [.. retrieval.Passages.Select((p, i) => (i + 1, p.Passage))], retrieval);
        }

        public void Dispose() => Search.Dispose();
    }

    [Fact]
    public void Read_AskedWhen_TheSentenceWithTheDateIsQuoted()
    {
        var read = _articles.Read("斯壯羅山天文台是何時開始運作的？");

        Assert.NotNull(read.Draft);
        Assert.Contains(read.Draft.Picked, c => c.Sentence.Contains("1924年", StringComparison.Ordinal));
        Assert.Equal(AnswerKind.Date, read.Question.Kind);
    }

    [Fact]
    public void Read_AskedWhatChromosomes_TheSentenceThatGivesThemComesFirst()
    {
        var read = _articles.Read("雄性人類會有什麼染色體？");

        Assert.Contains("XY", read.Draft!.Picked[0].Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PronounLedAnswer_BringsTheSentenceItLeansOn()
    {
        var read = _articles.Read("墨西哥土撥鼠分布在哪裡？");

        var quoted = read.Draft!.Picked.Select(c => c.Sentence).ToList();
        Assert.Contains("牠們分布在墨西哥的聖路易斯波托西州北部。", quoted);
        Assert.Contains("墨西哥土撥鼠是一種齧齒動物。", quoted);
    }

    [Fact]
    public void Read_QuestionTheArticlesDoNotCover_IsLessLikelyThanOneTheyDo()
    {
        var covered = _articles.Read("斯壯羅山天文台是何時開始運作的？");
        var uncovered = _articles.Read("羅浮宮的館長是誰？");

        Assert.True(uncovered.Draft is null || uncovered.Confidence < covered.Confidence, $"{uncovered.Confidence} vs {covered.Confidence}");
    }

    [Fact]
    public void Read_EveryCandidateHasAProbability_AndTheFeaturesTheModelReads()
    {
        var read = _articles.Read("信陽人建申塔是為了紀念誰？");

        Assert.NotEmpty(read.Candidates);
        Assert.All(read.Candidates, c =>
        {
            Assert.InRange(c.Probability, 0, 1);
            Assert.Equal(SentenceFeatures.Count, c.Features.Length);
            Assert.All(c.Features, f => Assert.True(float.IsFinite(f)));
        });
        Assert.Equal(DraftFeatures.Count, read.GateFeatures!.Length);
    }
}
