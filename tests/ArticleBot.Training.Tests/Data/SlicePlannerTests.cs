using ArticleBot.Training.Data;

namespace ArticleBot.Training.Tests.Data;

public sealed class SlicePlannerTests
{
    private static TrainingSource Source(string name, int articles, int sliceSize) =>
        new(name, sliceSize, [.. Enumerable.Range(0, articles).Select(i => new TrainingArticle($"{name}:{i}", new SquadArticle(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "t", []), null, []))]);

    [Fact]
    public void Plan_EveryArticleInOneSlice_AndSlicesEvenWithinTheirFold()
    {
        var slices = SlicePlanner.Plan([Source("a", 130, 12), Source("b", 30, 6)], folds: 5);

        var keys = slices.SelectMany(s => s.Articles.Select(a => a.Key)).ToList();
        Assert.Equal(160, keys.Count);
        Assert.Equal(160, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.All(slices.Where(s => s.Source == "a"), s => Assert.InRange(s.Articles.Count, 10, 14));
        Assert.Equal(5, slices.Count(s => s.Source == "b"));
        Assert.Equal([0, 1, 2, 3, 4], slices.Select(s => s.Fold).Distinct().Order());
    }

    [Fact]
    public void Plan_IsTheSameOnEveryRun()
    {
        var first = SlicePlanner.Plan([Source("a", 50, 12)], folds: 5).Select(s => string.Join(',', s.Articles.Select(a => a.Key)));
        var second = SlicePlanner.Plan([Source("a", 50, 12)], folds: 5).Select(s => string.Join(',', s.Articles.Select(a => a.Key)));

        Assert.Equal(first, second);
        Assert.Equal(0xcbf29ce484222325UL, SlicePlanner.StableHash(string.Empty));
    }
}
