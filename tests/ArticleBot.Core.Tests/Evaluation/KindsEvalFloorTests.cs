using ArticleBot.Core.Evaluation;
using ArticleBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleBot.Core.Tests.Evaluation;

/// <summary>The question-kind sets (issue 13): overall and per-kind floors, traps refused, quotes verbatim.</summary>
public sealed class KindsEvalFloorTests
{
    [Theory]
    [InlineData("kinds-dev.jsonl")]
    [InlineData("kinds-extra.jsonl")]
    public async Task KindsSet_MeetsTheFloors(string file)
    {
        // Arrange
        using var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "eval", file));
        var items = Evaluator.Read(reader);
        var evaluator = ActivatorUtilities.CreateInstance<Evaluator>(TestCorpus.Services);

        // Act
        var report = await evaluator.RunAsync(items, TestContext.Current.CancellationToken);

        // Assert
        var byKind = report.ByKind.ToDictionary(k => k.Kind);
        Assert.True(byKind[Evaluator.AnswerableKinds].Accuracy >= 0.8, $"answerable kinds {byKind[Evaluator.AnswerableKinds].Accuracy}");
        Assert.All(report.ByKind.Where(k => k.Kind != "trap"), k => Assert.True(k.Accuracy >= 2.0 / 3, $"{k.Kind} {k.Accuracy}"));

        Assert.Equal(1.0, report.Overall.QuoteFidelity);
        Assert.Equal(10, report.ByKind.Count - 1);
    }

    [Fact]
    public async Task Traps_OfBothKindsSets_AreRefusedAtLeastOnce()
    {
        // Near misses (an attribute the article gives, asked of a name it does not pair it with) are the learned gate's
        // weak spot: 1 of the 9 refused today. A guard against getting worse, not a target. Pooled over both sets: the
        // gate sits at its threshold on "how many employees does <company> have?", so which of the two such traps is
        // refused flips from one training of the models to the next (the last flip: one more of kinds-extra's 4
        // answered, one more of dev.jsonl's unanswerable questions refused).
        var evaluator = ActivatorUtilities.CreateInstance<Evaluator>(TestCorpus.Services);
        var refused = 0;
        var traps = 0;
        foreach (var file in new[] { "kinds-dev.jsonl", "kinds-extra.jsonl" })
        {
            using var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "eval", file));
            var report = await evaluator.RunAsync(Evaluator.Read(reader), TestContext.Current.CancellationToken);
            var trap = report.ByKind.Single(k => k.Kind == "trap");
            traps += trap.Questions;
            refused += trap.Correct;
        }

        Assert.Equal(9, traps);
        Assert.True(refused >= 1, $"{refused} of {traps} traps refused");
    }

    [Fact]
    public void Read_KindLine_DefaultsToAnswerableWithEmptyGoldAndReadsTheNewFields()
    {
        using var reader = new StringReader("""
            {"id":"k1","kind":"followup","lang":"en","turns":["Who is X?"],"question":"And Y?","groups":[["a","b"],["c"]],"min_groups":1,"min_citations":2,"forbid":["No —"]}
            {"id":"k2","kind":"trap","lang":"en","question":"q","answerable":false}
            """);

        var items = Evaluator.Read(reader);

        Assert.True(items[0].Answerable);
        Assert.Empty(items[0].Gold);
        Assert.Empty(items[0].Answers);
        Assert.Equal("followup", items[0].Kind);
        Assert.Equal(["Who is X?"], items[0].Turns!);
        Assert.Equal(2, items[0].Groups!.Count);
        Assert.Equal(1, items[0].MinGroups);
        Assert.Equal(2, items[0].MinCitations);
        Assert.Equal(["No —"], items[0].Forbid!);
        Assert.False(items[1].Answerable);
    }

    [Theory]
    [InlineData("no — the article says 10亿", "no", true)]
    [InlineData("openai announced ads", "no", false)]
    [InlineData("yes[1]: 对", "yes", true)]
    [InlineData("more than 900 million users", "900 million", true)]
    [InlineData("腾讯宣布", "腾讯", true)]
    [InlineData("advertising", "advertis", false)]
    public void AnswerGroups_AsciiLetterAlternativesMatchWholeWords(string answer, string alternative, bool expected)
    {
        Assert.Equal(expected, AnswerGroups.Contains(answer, alternative));
    }
}
