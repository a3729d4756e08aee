using ArticleBot.Training.Data;

namespace ArticleBot.Training.Tests;

/// <summary>Claims made from public questions: the answer put where the question word was, and a false twin.</summary>
public sealed class ClaimMakerTests
{
    private static TrainingQuestion Question(string id, string text, string answer, string language = "zh-Hant") =>
        new(id, "drcd", language, text, [answer], "source", "drcd:1");

    private static Slice SliceOf(params TrainingQuestion[] questions) =>
        new("drcd-f0-s0", "drcd", 0, [new TrainingArticle("drcd:1", new SquadArticle("1", "港城", []), null, questions)]);

    [Fact]
    public void Make_PutsTheAnswerWhereTheQuestionWordWas_AndAsksWithMa()
    {
        var claims = ClaimMaker.Make(SliceOf(Question("q1", "發明汽車的是誰？", "賓士")), perArticle: 5);

        var claim = Assert.Single(claims); // no other answer of 誰 in the article: no false twin
        Assert.Equal(("claim-true", "發明汽車的是賓士嗎？", "賓士"), (claim.Kind, claim.Text, claim.Gold));
    }

    [Fact]
    public void Make_AFigureAnswer_HasAFalseTwinWithTheFigureChanged()
    {
        var claims = ClaimMaker.Make(SliceOf(Question("q1", "汽車在哪一年發明？", "1885年"), Question("q2", "城裡有多少人？", "30人", "zh-Hans")), perArticle: 5);

        Assert.Contains(claims, c => c is { Kind: "claim-value", Text: "汽車在1898年發明嗎？" }); // a year moves by 13
        Assert.Contains(claims, c => c is { Kind: "claim-value", Text: "城裡有60人吗？" }); // 多少人 takes the answer's 人; a count doubles
    }

    [Fact]
    public void Make_AWhoQuestion_HasAFalseTwinNamingAnotherAnswerOfTheArticle()
    {
        var claims = ClaimMaker.Make(SliceOf(Question("q1", "發明汽車的是誰？", "賓士"), Question("q2", "誰建了港口？", "陳建國")), perArticle: 5);

        Assert.Contains(claims, c => c is { Kind: "claim-subject", Text: "發明汽車的是陳建國嗎？", Gold: "賓士" });
    }

    [Theory]
    [InlineData("為什麼汽車改變了城市？")] // why: the answer is a clause, no slot
    [InlineData("誰在哪一年發明了汽車？")] // two question words
    [InlineData("汽車改變了城市。")] // no question word
    public void Slot_IsNullForQuestionsWithoutOneFillableQuestionWord(string question)
    {
        Assert.Null(ClaimMaker.Slot(question));
    }
}
