using ArticleBot.Abstractions;
using ArticleBot.Core.Language.Questions;
using ArticleBot.Core.Reading;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.Tests.Reading;

/// <summary>Where the question's names stand in the article around a passage that lacks them.</summary>
public sealed class ArticleNamesTests
{
    // One article of five passages: its topic (甲公司) in the lead and in most passages, another company (乙公司) in one.
    private static readonly string[] s_article =
    [
        "甲公司是一家晶片公司。甲公司成立於1990年。",
        "甲公司的市值達到五千億。",
        "乙公司的營收是一百億。",
        "它的員工有三萬人。",
        "甲公司去年推出新品。",
    ];

    private static readonly List<Passage> s_passages = [.. s_article.Select((t, i) => new Passage($"a#p{i}", "seeds/a.txt", null, PassageKind.Body, i * 100, (i * 100) + t.Length, t))];

    private static QuestionReading Question(params string[] names)
    {
        var folder = ScriptFolding.Default;
        var groups = names.Select(w => new QueryGroup(folder.Fold(w), [folder.Fold(w)], 2f, GroupStrength.Strong, InCorpus: true)).ToList();
        return new QuestionReading(new QueryPlan(string.Concat(names), folder.Fold(string.Concat(names)), groups, [], AnswerType.Any), _ => true, isName: _ => true);
    }

    private static ArticleNames Measure(QuestionReading question, int passage) =>
        ArticleNames.Of(question, [s_passages[passage]], p => (s_passages, s_passages.IndexOf(p)), p => [(p.Text, ScriptFolding.Default.Fold(p.Text))])[0];

    [Fact]
    public void APassageThatWritesEveryName_IsComplete()
    {
        Assert.Equal(ArticleNames.Complete, Measure(Question("甲公司"), 1));
    }

    [Fact]
    public void TheTopic_LackedByAPassage_IsInTheLead_AndInMostPassages()
    {
        var measured = Measure(Question("甲公司"), 3);

        Assert.Equal(2, measured.Gap); // written two passages back
        Assert.Equal(3 / 5f, measured.Spread, 3);
        Assert.Equal(1, measured.InLead);
    }

    [Fact]
    public void ANeighbourName_WrittenOnlyOnce_AndNotInTheLead()
    {
        var measured = Measure(Question("乙公司"), 4);

        Assert.Equal(2, measured.Gap);
        Assert.Equal(1 / 5f, measured.Spread, 3);
        Assert.Equal(0, measured.InLead);
    }

    [Fact]
    public void ANameWrittenOnlyAfterThePassage_HasTheLargestGap()
    {
        var measured = Measure(Question("乙公司"), 1);

        Assert.Equal(ArticleNames.MaxGap, measured.Gap);
    }

    [Fact]
    public void APassageOutsideTheCorpus_IsCompleteOnlyWhenItWritesTheNames()
    {
        var outside = new Passage("b#p0", "seeds/b.txt", null, PassageKind.Body, 0, 5, "乙公司很大。");
        ArticleNames Of(string name) => ArticleNames.Of(Question(name), [outside], _ => ([], -1), p => [(p.Text, ScriptFolding.Default.Fold(p.Text))])[0];

        Assert.Equal(ArticleNames.Complete, Of("乙公司"));
        Assert.Equal(new ArticleNames(ArticleNames.MaxGap, 0, 0), Of("甲公司"));
    }

    [Fact]
    public void AQuestionWithoutNames_IsComplete()
    {
        Assert.Equal(ArticleNames.Complete, Measure(Question(), 3));
    }
}
