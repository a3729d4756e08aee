using ArticleBot.Core.Claims;
using ArticleBot.Core.Text;
using ArticleBot.Training.Data;
using ArticleBot.Training.Learning;
using ArticleBot.Training.Reports;
using ArticleBot.Training.Rows;

namespace ArticleBot.Training.Tests.Learning;

/// <summary>
/// The claim models on a small fixture of the real training data: the claims made from sixteen DRCD and sixteen CMRC
/// slices (two folds), checked by the bot's own verifier, cross-validated by article.
/// </summary>
public sealed class ClaimLearningTests : IClassFixture<ClaimLearningTests.Fixture>
{
    private readonly Fixture _fixture;

    public ClaimLearningTests(Fixture fixture) => _fixture = fixture;

    /// <summary>Claim rows of thirty-two slices, built once for the class.</summary>
    public sealed class Fixture
    {
        public Fixture()
        {
            var sources = TrainingSources.Load(TrainingData.Folder, new HashSet<string>(StringComparer.Ordinal));
            var builder = new ClaimRowBuilder(ScriptFolding.Default, perArticle: 6);
            var slices = sources.Take(2).SelectMany(source =>
            {
                var planned = SlicePlanner.Plan([source], folds: 2);
                return planned.Where(s => s.Fold == 0).Take(8).Concat(planned.Where(s => s.Fold == 1).Take(8));
            }).ToList();
            Rows = [.. slices.AsParallel().AsOrdered().SelectMany(builder.Build)];
        }

        public List<ClaimRow> Rows { get; }
    }

    // Trees for a few hundred rows (the shipped model learns from thousands).
    private static readonly TreeSettings s_small = new(Trees: 60, Leaves: 8, MinLeafRows: 15);

    [Fact]
    public void Rows_AreTheVerifiersReadings_LabelledByTheClaimsTruth()
    {
        var rows = _fixture.Rows;

        Assert.Contains(rows, r => r.Decides && r.Label);
        Assert.Contains(rows, r => r.Decides && !r.Label);
        Assert.All(rows.Where(r => r.Label), r => Assert.Equal("claim-true", r.Claim.Kind));
        Assert.All(rows.Where(r => r.Decides), r => Assert.Equal(ClaimSupportFeatures.Names.Count, r.Check.SupportFeatures!.Length));
    }

    [Fact]
    public void Model_FittedOnSomeArticles_RanksTrueClaimsAboveFalseOnes_OnOthers()
    {
        var result = ClaimTraining.Run(_fixture.Rows, folds: 2, comments: [], refutationComments: [], settings: s_small);
        var decided = result.Outcomes.Where(o => o.Row.Decides).ToList();
        var share = ClaimSupportFeatures.IndexOf("Share");

        // The area under the ROC curve, out of fold: the chance a supported true claim outscores the others (0.5 is
        // guessing). On a few hundred claims it matches the share alone, which the hand-set rule reads; that the model
        // beats it on all of them (0.79 against 0.74) is eval/train/REPORT.md's, which the soak test reproduces.
        var learned = ClaimReport.Auc(decided, o => o.Probability);
        var rule = ClaimReport.Auc(decided, o => o.Row.Check.SupportFeatures![share]);
        Assert.True(learned > 0.65, $"AUC {learned:0.000}, the share alone {rule:0.000} ({decided.Count} claims)");
        Assert.Equal(ClaimSupportFeatures.Names, result.Model.Features);
        Assert.NotEmpty(result.Model.PrecisionCurve);
    }

    [Fact]
    public void RefutationModel_FittedOnSomeArticles_RanksFalseClaimsAboveTrueOnes_OnOthers()
    {
        var result = ClaimTraining.Run(_fixture.Rows, folds: 2, comments: [], refutationComments: [], settings: s_small);
        var refutable = result.Outcomes.Where(o => o.Row.Refutable).ToList();
        var shared = SlotRefutationFeatures.IndexOf("SharedChars");

        // Out of fold, the model tells a slot filled with another value (a made-false claim) from a true claim's words
        // said another way better than guessing, and better than one feature alone: how many characters the slots share.
        var learned = ClaimReport.Auc(refutable, o => o.Refutation, o => o.Row.False);
        var alone = ClaimReport.Auc(refutable, o => 1 - o.Row.Check.SlotFeatures![shared], o => o.Row.False);
        Assert.Contains(refutable, o => o.Row.False);
        Assert.Contains(refutable, o => !o.Row.False);
        Assert.True(learned > 0.6 && learned > alone, $"AUC {learned:0.000}, shared characters alone {alone:0.000} ({refutable.Count} claims)");
        Assert.Equal(SlotRefutationFeatures.Names, result.Refutation.Features);
        Assert.NotEmpty(result.Refutation.PrecisionCurve);
    }

    [Fact]
    public void Outcomes_KeepTheRulesNo_AndTheReportSaysSo()
    {
        var result = ClaimTraining.Run(_fixture.Rows, folds: 2, comments: [], refutationComments: []);

        Assert.All(result.Outcomes.Where(o => o.Rule == Verdict.Contradicted), o => Assert.Equal(Verdict.Contradicted, o.Model));
        Assert.All(result.Outcomes.Where(o => !o.Row.Decides && !o.Row.Refutable), o => Assert.Equal(o.Rule, o.Model));
        var report = ClaimReport.ToMarkdown(result);
        Assert.Contains("| all | " + result.Outcomes.Count, report, StringComparison.Ordinal);
        Assert.Contains("| rule |", report, StringComparison.Ordinal);
    }
}
