using ArticleBot.Core.Reading;
using ArticleBot.Core.Reading.Models;
using ArticleBot.Core.Text;
using ArticleBot.Training.Data;
using ArticleBot.Training.Learning;
using ArticleBot.Training.Rows;

namespace ArticleBot.Training.Tests.Learning;

/// <summary>
/// Learning on a small fixture of the real training data: two DRCD slices of different folds, read by the bot's own
/// search and reader. A ranker fitted on one slice must pick the answering sentence of the other slice's questions more
/// often than the untrained baseline (the documented fallback rule) does.
/// </summary>
public sealed class ReaderLearningTests : IClassFixture<ReaderLearningTests.Fixture>
{
    private readonly Fixture _fixture;

    public ReaderLearningTests(Fixture fixture) => _fixture = fixture;

    /// <summary>Rows of two slices, built once for the class.</summary>
    public sealed class Fixture
    {
        public Fixture()
        {
            var sources = TrainingSources.Load(TrainingData.Folder, new HashSet<string>(StringComparer.Ordinal));
            var slices = SlicePlanner.Plan([sources[0]], folds: 5);
            var maker = new UnanswerableMaker(slices, ScriptFolding.Default);
            var builder = new RowBuilder(ScriptFolding.Default, topK: 5);
            List<QuestionRows> Rows(Slice slice) => builder.Build(slice, [.. slice.Articles.SelectMany(a => a.Questions), .. maker.Make(slice)]);
            Train = Rows(slices.First(s => s.Fold == 0));
            HeldOut = Rows(slices.First(s => s.Fold == 1));
        }

        public List<QuestionRows> Train { get; }

        public List<QuestionRows> HeldOut { get; }
    }

    private static readonly TreeSettings s_small = new(Trees: 60, Leaves: 8, MinLeafRows: 20);

    private static double TopOneAccuracy(IEnumerable<QuestionRows> questions, IProbabilityModel ranker)
    {
        var answerable = questions.Where(q => q.Question.Answerable && q.Reachable).ToList();
        var right = answerable.Count(q =>
        {
            var scores = q.Candidates.Select(c => ranker.Probability(c.Features)).ToList();
            return q.Labels[scores.IndexOf(scores.Max())];
        });
        return right / (double)answerable.Count;
    }

    [Fact]
    public void Ranker_FittedOnSomeArticles_BeatsTheUntrainedBaseline_OnOthers()
    {
        var rows = _fixture.Train.Where(q => q.Question.Answerable).SelectMany(q => q.Candidates.Select((c, i) => new LabelledRow(c.Features, q.Labels[i]))).ToList();
        var ranker = new TreeModel(TreeTrainer.Fit("sentence-ranker", SentenceFeatures.Names, rows, s_small));

        var learned = TopOneAccuracy(_fixture.HeldOut, ranker);
        var baseline = TopOneAccuracy(_fixture.HeldOut, ReadingModels.FallbackRanker);

        Assert.True(learned > baseline, $"learned {learned:0.000}, baseline {baseline:0.000}");
    }

    [Fact]
    public void Gate_FittedOnSomeArticles_RanksRightDraftsAboveWrongOnes_OnOthers()
    {
        var result = ReaderTraining.Run([.. _fixture.Train, .. _fixture.HeldOut.Select(r => r with { Fold = 1 })], 2, s_small, s_small, 0.8, []);
        var heldOut = result.Outcomes.Where(o => o.Rows.Fold == 1 && o.Draft is not null).ToList();
        var right = heldOut.Where(o => o.Correct).Select(o => o.Confidence).ToList();
        var wrong = heldOut.Where(o => !o.Correct).Select(o => o.Confidence).ToList();

        // The area under the ROC curve: the chance a right draft outscores a wrong one (0.5 is guessing).
        var auc = right.Sum(r => wrong.Count(w => w < r) + (0.5 * wrong.Count(w => w == r))) / (right.Count * (double)wrong.Count);
        Assert.True(auc > 0.75, $"AUC {auc:0.000} ({right.Count} right, {wrong.Count} wrong)");
    }
}
