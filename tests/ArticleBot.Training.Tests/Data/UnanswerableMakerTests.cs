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

    [Fact]
    public void CutAnswers_AskOfACopyWithoutTheAnswerSentence_TheRestOfTheArticleKept()
    {
        var slice = Slices()[0];

        var (copy, questions) = new UnanswerableMaker(Slices(), ScriptFolding.Default).CutAnswers(slice);

        var cut = Assert.Single(questions); // one in ten of three questions, rounded up
        Assert.Equal(UnanswerableMaker.CutAnswerType, cut.Type);
        Assert.Empty(cut.Answers);
        Assert.False(cut.SetsThreshold);
        Assert.EndsWith("~cut", cut.Id, StringComparison.Ordinal);
        Assert.Equal(slice.Id + "~cut", copy.Id);
        Assert.Equal(slice.Fold, copy.Fold);
        var original = s_sulfur.Questions.Single(q => cut.Id == q.Id + "~cut");
        var text = copy.Articles[0].Article.Paragraphs[0].Context;
        Assert.DoesNotContain(original.Answers[0], text, StringComparison.Ordinal);
        var kept = s_sulfur.Article.Paragraphs[0].Context.Split('。', StringSplitOptions.RemoveEmptyEntries).Where(x => !x.Contains(original.Answers[0], StringComparison.Ordinal)).ToList();
        Assert.Equal(3, kept.Count);
        Assert.All(kept, sentence => Assert.Contains(sentence + "。", text, StringComparison.Ordinal));
        Assert.Equal(s_sulfur.Article.Paragraphs[0].Context, slice.Articles[0].Article.Paragraphs[0].Context); // the slice itself is untouched
    }

    [Fact]
    public void CutAnswers_AnAnswerWrittenTooOftenOrStillWrittenAfterTheCut_IsNotMade()
    {
        // 2030年 is written in three sentences: too common to be the value a question asks for, so those questions are
        // passed over and the colour question is the one made.
        var article = Article("drcd:6", "計畫", "計畫在2030年開始。預算在2030年確定。人員在2030年到齊。旗子是黃色的。",
            ("計畫何時開始？", "2030年"), ("旗子是什麼顏色？", "黃色"), ("預算何時確定？", "2030年"), ("人員何時到齊？", "2030年"));
        IReadOnlyList<Slice> slices = [new Slice("drcd-f0-s0", "drcd", 0, [article])];

        var (copy, questions) = new UnanswerableMaker(slices, ScriptFolding.Default).CutAnswers(slices[0]);

        var cut = Assert.Single(questions);
        Assert.StartsWith("旗子", cut.Text, StringComparison.Ordinal);
        Assert.Equal("計畫在2030年開始。預算在2030年確定。人員在2030年到齊。", copy.Articles[0].Article.Paragraphs[0].Context);
    }

    [Fact]
    public void CutAnswers_IsTheSameOnEveryRun()
    {
        var maker = new UnanswerableMaker(Slices(), ScriptFolding.Default);

        var first = maker.CutAnswers(Slices()[0]);
        var second = new UnanswerableMaker(Slices(), ScriptFolding.Default).CutAnswers(Slices()[0]);

        Assert.Equal(first.Questions.Select(q => q.Id), second.Questions.Select(q => q.Id));
        Assert.Equal(first.Copy.Articles[0].Article.SeedText, second.Copy.Articles[0].Article.SeedText);
    }
}
