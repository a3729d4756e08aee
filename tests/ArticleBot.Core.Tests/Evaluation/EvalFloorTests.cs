using ArticleBot.Core.Evaluation;
using ArticleBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleBot.Core.Tests.Evaluation;

/// <summary>The dev question set must stay above the floors of the foundation issue.</summary>
public sealed class EvalFloorTests
{
    [Fact]
    public async Task DevSet_MeetsTheFloors()
    {
        // Arrange
        using var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "eval", "dev.jsonl"));
        var items = Evaluator.Read(reader);
        var evaluator = ActivatorUtilities.CreateInstance<Evaluator>(TestCorpus.Services);

        // Act
        var report = await evaluator.RunAsync(items, TestContext.Current.CancellationToken);

        // Assert
        var byLanguage = report.ByLanguage.ToDictionary(m => m.Language);
        Assert.True(byLanguage["zh-Hant"].HitAt3 >= 0.95, $"zh-Hant hit@3 {byLanguage["zh-Hant"].HitAt3}");
        Assert.True(byLanguage["zh-Hans"].HitAt3 >= 0.95, $"zh-Hans hit@3 {byLanguage["zh-Hans"].HitAt3}");
        Assert.True(byLanguage["en"].HitAt3 >= 0.85, $"en hit@3 {byLanguage["en"].HitAt3}");
        Assert.True(report.Overall.AnswerAccuracy >= 0.85, $"accuracy {report.Overall.AnswerAccuracy}");
        Assert.True(report.Overall.Abstention >= 0.6, $"abstention {report.Overall.Abstention}"); // 4 of 6 near misses refused (0.667)
        Assert.True(report.Overall.FalseAbstention <= 0.1, $"false abstention {report.Overall.FalseAbstention}");
        Assert.Equal(1.0, report.Overall.QuoteFidelity);
    }

    [Theory]
    [InlineData("硫是黃色的。[1]硫有味道。[2]", "硫是黃色的。[1]")]
    [InlineData("The article says: it is 5[1] and more[2]", "The article says: it is 5[1]")]
    [InlineData("見[注]，然後是答案。[3]", "見[注]，然後是答案。[3]")]
    [InlineData("no citation", "no citation")]
    public void FirstSentence_EndsAtTheFirstCitationMark(string answer, string expected)
    {
        Assert.Equal(expected, Evaluator.FirstSentence(answer));
    }

    [Fact]
    public void Read_BadLine_NamesTheLine()
    {
        using var reader = new StringReader("{\"id\":\"a\",\"lang\":\"en\",\"question\":\"q\",\"gold\":[],\"answers\":[],\"answerable\":false}\n\nnot json\n");

        var error = Assert.Throws<FormatException>(() => Evaluator.Read(reader));
        Assert.StartsWith("line 3", error.Message, StringComparison.Ordinal);
    }
}
