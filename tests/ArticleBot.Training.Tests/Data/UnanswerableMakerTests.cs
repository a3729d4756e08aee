using ArticleBot.Core.Text;
using ArticleBot.Training.Data;

namespace ArticleBot.Training.Tests.Data;

public sealed class UnanswerableMakerTests
{
    private static TrainingArticle Article(string key, string title, string text, params (string Question, string Answer)[] questions) =>
        new(key, new SquadArticle(key, title, [new SquadParagraph(text, [])]), null,
            [.. questions.Select((q, i) => new TrainingQuestion($"{key}-{i}", "drcd", "zh-Hant", q.Question, [q.Answer], "source", key))]);

    private static readonly TrainingArticle s_sulfur = Article("drcd:1", "硫磺", "硫磺是黃色的非金屬。硫磺在火山附近常見。台北市的硫磺礦由北投公司開採。高雄市有煉油廠。",
        ("硫磺是什麼顏色？", "黃色"), ("硫磺在哪裡常見？", "火山附近"), ("台北市的硫磺礦由誰開採？", "北投公司"));

    private static readonly TrainingArticle s_iron = Article("drcd:2", "鐵礦", "鐵礦是銀白色的金屬。鐵礦的熔點是1538度。",
        ("鐵礦的熔點是多少？", "1538度"), ("鐵礦是什麼顏色？", "銀白色"));

    private static readonly TrainingArticle s_copper = Article("drcd:3", "紅銅", "紅銅是紅色的金屬。",
        ("紅銅是什麼顏色？", "紅色"));

    private static IReadOnlyList<Slice> Slices() =>
        [new Slice("drcd-f0-s0", "drcd", 0, [s_sulfur]), new Slice("drcd-f0-s1", "drcd", 0, [s_iron]), new Slice("drcd-f1-s0", "drcd", 1, [s_copper])];

    [Fact]
    public void Make_OtherArticlesQuestions_WhoseAnswersTheSliceNeverWrites()
    {
        var made = new UnanswerableMaker(Slices(), ScriptFolding.Default).Make(Slices()[0]);

        var other = made.Where(q => q.Type == "other-article").ToList();
        Assert.NotEmpty(other);
        Assert.All(other, q => Assert.Empty(q.Answers));
        Assert.All(other, q => Assert.NotEqual("drcd:1", q.ArticleKey));
        Assert.DoesNotContain(other, q => q.Text.Contains("硫磺", StringComparison.Ordinal));
    }

    [Fact]
    public void Make_NearMisses_SwapTheTopicForANameTheSliceNeverWrites()
    {
        var made = new UnanswerableMaker(Slices(), ScriptFolding.Default).Make(Slices()[0]);

        var swapped = Assert.Single(made, q => q.Type == "swap-name");
        Assert.DoesNotContain("硫磺", swapped.Text, StringComparison.Ordinal);
        Assert.True(swapped.Text.Contains("鐵礦", StringComparison.Ordinal) || swapped.Text.Contains("紅銅", StringComparison.Ordinal), swapped.Text);
        Assert.EndsWith("~name", swapped.Id, StringComparison.Ordinal);
    }

    [Fact]
    public void Make_NearMisses_SwapAPlaceForAPlaceAnotherArticleAsksAbout_NotForATitleOfAnotherKind()
    {
        var sulfur = Article("drcd:4", "硫磺", "台北市的硫磺礦由北投公司開採。", ("台北市的硫磺礦由誰開採？", "北投公司"));
        var iron = Article("drcd:5", "鐵礦", "台南市有鐵礦。", ("台南市有什麼礦？", "鐵礦"));
        IReadOnlyList<Slice> slices = [new Slice("drcd-f0-s0", "drcd", 0, [sulfur]), new Slice("drcd-f1-s0", "drcd", 1, [iron])];

        var made = new UnanswerableMaker(slices, ScriptFolding.Default).Make(slices[0]);

        var swapped = Assert.Single(made, q => q.Type == "swap-name");
        Assert.Equal("台南市的硫磺礦由誰開採？", swapped.Text); // not 鐵礦的硫磺礦由誰開採
    }

    [Fact]
    public void Make_SubjectSwaps_AskAnotherArticlesQuestionOfThisArticlesSubject()
    {
        var made = new UnanswerableMaker(Slices(), ScriptFolding.Default).Make(Slices()[0]);

        Assert.Contains(made, q => q.Type == "swap-subject" && q.Text.StartsWith("硫磺", StringComparison.Ordinal) && q.Answers.Count == 0);
    }

    [Fact]
    public void Make_EntitySwaps_AskOfAnotherNameTheArticleWrites_NeverBesideTheAnswer()
    {
        var made = new UnanswerableMaker(Slices(), ScriptFolding.Default).Make(Slices()[0]);

        var swapped = Assert.Single(made, q => q.Type == "swap-entity");
        Assert.StartsWith("高雄市的硫磺礦由誰開採", swapped.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Make_IsTheSameOnEveryRun()
    {
        var first = new UnanswerableMaker(Slices(), ScriptFolding.Default).Make(Slices()[0]).Select(q => q.Id + q.Text);
        var second = new UnanswerableMaker(Slices(), ScriptFolding.Default).Make(Slices()[0]).Select(q => q.Id + q.Text);

        Assert.Equal(first, second);
    }
}
