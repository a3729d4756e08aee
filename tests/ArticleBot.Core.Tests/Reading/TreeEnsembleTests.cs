using ArticleBot.Core.Reading.Models;

namespace ArticleBot.Core.Tests.Reading;

public sealed class TreeEnsembleTests
{
    // One tree: feature 0 ≤ 0.5 → leaf 0 (−1); else feature 1 ≤ 2 → leaf 1 (0.5), else leaf 2 (2).
    private static readonly TreeEnsemble.Tree s_tree = new([0, 1], [0.5f, 2f], [-1, -2], [1, -3], [-1, 0.5, 2]);

    private static TreeEnsemble Model(IReadOnlyList<double>? curve = null) =>
        new("test", ["a", "b"], [s_tree, new TreeEnsemble.Tree([], [], [], [], [0.25])], -1, 0, curve, ["fitted on nothing", "a second line"]);

    [Theory]
    [InlineData(0.5f, 9f, -0.75)] // ≤ threshold goes left
    [InlineData(0.6f, 2f, 0.75)]
    [InlineData(0.6f, 3f, 2.25)]
    [InlineData(float.NaN, 0f, 0.75)] // a missing value follows the greater branch
    public void Score_SumsTheLeavesEachTreeReaches(float a, float b, double expected)
    {
        Assert.Equal(expected, Model().Score([a, b]), 6);
    }

    [Fact]
    public void Probability_IsThePlattCalibratedScore()
    {
        var model = Model();

        Assert.Equal(1 / (1 + Math.Exp(-2.25)), model.Probability([1f, 3f]), 9);
        Assert.True(model.Probability([1f, 3f]) > model.Probability([0f, 0f]));
    }

    [Fact]
    public void Score_WrongNumberOfFeatures_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Model().Score([1f]));
    }

    [Fact]
    public void Write_ThenRead_GivesTheSameModel_AndTheSameText()
    {
        var model = Model([0.5, 0.75, 1]);

        var text = model.Write();
        var read = TreeEnsemble.Read(text);

        Assert.Equal(text, read.Write());
        Assert.Equal(["fitted on nothing", "a second line"], read.Comments);
        Assert.Equal(model.Score([0.6f, 3f]), read.Score([0.6f, 3f]));
        Assert.StartsWith(TreeEnsemble.Header + "\n# fitted on nothing\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "not a model file")]
    [InlineData("#articlebot-trees v1\nname x\n", "ends early")]
    [InlineData("#articlebot-trees v1\nname x\nfeatures 2 a\n", "2 features announced, 1 named")]
    [InlineData("#articlebot-trees v1\nname x\nfeatures 1 a\ncalibration 1\n", "two numbers")]
    [InlineData("#articlebot-trees v1\nname x\nfeatures 1 a\ncalibration 1 NaN\n", "not a finite number")]
    [InlineData("#articlebot-trees v1\nname x\nfeatures 1 a\ncalibration 1 0\ntrees 1\ntree 2\nsplit 3\nthreshold 0\nleft -1\nright -2\nleaf 0 1\n", "splits on feature 3 of 1")]
    [InlineData("#articlebot-trees v1\nname x\nfeatures 1 a\ncalibration 1 0\ntrees 1\ntree 2\nsplit 0\nthreshold 0\nleft 0\nright -2\nleaf 0 1\n", "outside the tree")]
    [InlineData("#articlebot-trees v1\nname x\nfeatures 1 a\ncalibration 1 0\ntrees 1\ntree 3\nsplit 0\nthreshold 0\nleft -1\nright -2\nleaf 0 1\n", "announces 3 leaves and has 2")]
    public void Read_DamagedFile_SaysWhatIsWrong(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => TreeEnsemble.Read(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Threshold_IsTheLowestPointOfTheCurveReachingTheTarget()
    {
        var curve = Enumerable.Range(1, 39).Select(i => 0.5 + (i / 80.0)).ToArray(); // 0.5125 … 0.9875 at 1/40 … 39/40
        var model = Model(curve);

        Assert.Equal(1 / 40.0, model.Threshold(0.5), 6);
        Assert.Equal(20 / 40.0, model.Threshold(0.75), 6);
        Assert.Equal(39 / 40.0, model.Threshold(0.999), 6); // never reached: the strictest point
        Assert.Equal(0, model.Threshold(0), 6);
        Assert.Equal(0.7, Model().Threshold(0.7), 6); // no curve: the target itself
    }
}
