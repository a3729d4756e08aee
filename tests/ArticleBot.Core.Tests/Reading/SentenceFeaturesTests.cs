using ArticleBot.Abstractions;
using ArticleBot.Core.Language.Mentions;
using ArticleBot.Core.Language.Questions;
using ArticleBot.Core.Reading;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.Tests.Reading;

/// <summary>The ranker's features on hand-built plans and passages (no index): what each one measures.</summary>
public sealed class SentenceFeaturesTests
{
    internal static QuestionReading Question(string question, params string[] strongWords)
    {
        var folder = ScriptFolding.Default;
        var groups = strongWords.Select(w => new QueryGroup(folder.Fold(w), [folder.Fold(w)], 2f, GroupStrength.Strong, InCorpus: true)).ToList();
        return new QuestionReading(new QueryPlan(question, folder.Fold(question), groups, [], AnswerType.Any), _ => true);
    }

    internal static ReadPassage Passage(int n, string text, PassageKind kind = PassageKind.Body, string source = "seeds/a.txt", double coverage = 1)
    {
        var sentences = text.Split('。', StringSplitOptions.RemoveEmptyEntries).Select(s => s + "。").Select(s => (s, ScriptFolding.Default.Fold(s))).ToList();
        return new ReadPassage(n, new Passage($"a#p{n}", source, null, kind, 0, text.Length, text), coverage, sentences);
    }

    private static float F(SentenceCandidate candidate, string name) => candidate.Features[SentenceFeatures.Index(name)];

    [Fact]
    public void Read_AskedWhen_OnlyTheSentenceWithANewDateHasTheKind()
    {
        var question = Question("斯壯羅山天文台是何時設立的？", "斯壯羅山天文台", "設立");
        var candidates = SentenceFeatures.Read(question, [Passage(1, "斯壯羅山天文台由聯邦政府設立。它於1924年開始運作。")], new SentenceMentions(MentionFinder.Default));

        Assert.Equal([0f, 1f], candidates.Select(c => F(c, "HasKind")));
        Assert.Equal(1, F(candidates[0], "Restates")); // covers the question, gives no date
        Assert.Equal(1, F(candidates[1], "LeansBack")); // 它…
    }

    [Fact]
    public void Read_AFigureInAClauseAboutSomeoneElse_CoversLessOfTheQuestion()
    {
        var question = Question("谷歌的市值是多少？", "谷歌", "市值");
        var candidates = SentenceFeatures.Read(question, [Passage(1, "從英偉達市值突破5萬億美元，再到近期熱捧谷歌。谷歌的市值達到4萬億美元。")], new SentenceMentions(MentionFinder.Default));

        Assert.Equal(0.5, F(candidates[0], "ClauseCoverage"), 3); // 英偉達's clause: 市值 only
        Assert.Equal(1, F(candidates[1], "ClauseCoverage"), 3);
    }

    [Fact]
    public void Read_TheArticlesTopicInEverySentence_WeighsLessThanWhatIsAskedOfIt()
    {
        // 黃鞍鸚嘴魚 is in every sentence; 食用 in one: among the candidates it is the rarer, and weighs more.
        var question = Question("黃鞍鸚嘴魚有什麼食用價值？", "黃鞍鸚嘴魚", "食用");
        var passage = Passage(1, "黃鞍鸚嘴魚是一種魚。黃鞍鸚嘴魚分布於紅海。黃鞍鸚嘴魚可供食用，可作成魚鬆。");

        var candidates = SentenceFeatures.Read(question, [passage], new SentenceMentions(MentionFinder.Default));

        Assert.True(F(candidates[2], "LocalGroups") > 0.5, F(candidates[2], "LocalGroups").ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(F(candidates[0], "LocalGroups") < 0.5);
        Assert.Equal(0, F(candidates[2], "LocalGroupsGap"));
        Assert.Equal(1, F(candidates[2], "Asked")); // 食用 stands beside 什麼
    }

    [Fact]
    public void Read_OverlappingPassages_GiveEachSentenceOnce_InTheBetterRetrievedPassage()
    {
        var question = Question("硫是什麼顏色？", "硫", "顏色");
        var candidates = SentenceFeatures.Read(question, [Passage(1, "硫是黃色的。硫很常見。"), Passage(2, "硫很常見。硫可以燃燒。")], new SentenceMentions(MentionFinder.Default));

        Assert.Equal(3, candidates.Count);
        Assert.Single(candidates, c => c.Sentence == "硫很常見。" && c.PassageIndex == 0);
    }

    [Fact]
    public void Read_PassagesAKindForbids_GiveNoCandidates()
    {
        var question = Question("作者的觀點是什麼？", "觀點");
        var disclaimer = Passage(1, "本文僅代表作者觀點，平台僅提供資訊存儲服務。", PassageKind.Disclaimer);

        Assert.Empty(SentenceFeatures.Read(question, [disclaimer], new SentenceMentions(MentionFinder.Default), p => ArticleReader.MayAnswer(question.Plan, p.Passage.Kind)));
    }

    [Fact]
    public void Names_AreUnique_AndEveryVectorHasOneValuePerName()
    {
        Assert.Equal(SentenceFeatures.Names.Count, SentenceFeatures.Names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(DraftFeatures.Names.Count, DraftFeatures.Names.Distinct(StringComparer.Ordinal).Count());
        var candidates = SentenceFeatures.Read(Question("硫是什麼？", "硫"), [Passage(1, "硫是一種元素。")], new SentenceMentions(MentionFinder.Default));
        Assert.Equal(SentenceFeatures.Count, candidates[0].Features.Length);
    }
}
