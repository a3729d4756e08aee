using ArticleBot.Core.Language.Mentions;
using ArticleBot.Core.Reading;
using static ArticleBot.Core.Tests.Reading.SentenceFeaturesTests;

namespace ArticleBot.Core.Tests.Reading;

/// <summary>How ranked candidates become the quoted sentences; probabilities are set by hand.</summary>
public sealed class DraftComposerTests
{
    private static List<SentenceCandidate> Candidates(QuestionReading question, IReadOnlyList<ReadPassage> passages, params double[] probabilities)
    {
        var candidates = SentenceFeatures.Read(question, passages, new SentenceMentions(MentionFinder.Default));
        for (var i = 0; i < candidates.Count; i++)
        {
            candidates[i].Probability = probabilities[i];
        }

        return candidates;
    }

    [Fact]
    public void Compose_ASureBestSentence_IsQuotedAlone()
    {
        var question = Question("硫是什麼顏色？", "硫", "顏色");
        var passages = new[] { Passage(1, "硫是黃色的。硫的顏色很亮。硫很常見。") };

        var draft = DraftComposer.Compose(question, passages, Candidates(question, passages, 0.95, 0.4, 0.01))!;

        Assert.Equal(["硫是黃色的。"], draft.Picked.Select(c => c.Sentence));
    }

    [Fact]
    public void Compose_AnUnsureBestSentence_BringsTheNextLikeliest_UpToThree_BestFirst()
    {
        var question = Question("硫是什麼顏色？", "硫", "顏色");
        var passages = new[] { Passage(1, "硫是黃色的。硫的顏色很亮。硫很常見。硫可以燃燒。") };

        var draft = DraftComposer.Compose(question, passages, Candidates(question, passages, 0.2, 0.4, 0.1, 0.02))!;

        Assert.Equal(["硫的顏色很亮。", "硫是黃色的。", "硫很常見。"], draft.Picked.Select(c => c.Sentence));
        Assert.Equal("硫的顏色很亮。", draft.Best.Sentence);
    }

    [Fact]
    public void Compose_MoreSentencesComeFromTheSameArticleOnly()
    {
        var question = Question("硫的顏色和氣味？", "硫", "顏色", "氣味");
        var passages = new[] { Passage(1, "硫是黃色的，顏色鮮明。"), Passage(2, "硫燃燒時有氣味。", source: "seeds/b.txt"), Passage(3, "硫的氣味來自硫化氫。") };

        var draft = DraftComposer.Compose(question, passages, Candidates(question, passages, 0.5, 0.4, 0.3))!;

        Assert.DoesNotContain(draft.Picked, c => c.PassageIndex == 1);
        Assert.Contains(draft.Picked, c => c.PassageIndex == 2);
    }

    [Fact]
    public void Compose_ABestSentenceLeaningBack_BringsTheOneBefore()
    {
        var question = Question("墨西哥土撥鼠分布在哪裡？", "分布");
        var passages = new[] { Passage(1, "墨西哥土撥鼠是一種齧齒動物。牠們分布在墨西哥北部。") };

        var draft = DraftComposer.Compose(question, passages, Candidates(question, passages, 0.01, 0.99))!;

        Assert.Equal(["牠們分布在墨西哥北部。", "墨西哥土撥鼠是一種齧齒動物。"], draft.Picked.Select(c => c.Sentence));
    }

    [Fact]
    public void Compose_NothingShared_GivesNoDraft()
    {
        var question = Question("誰是總統？", "總統");
        var passages = new[] { Passage(1, "硫是一種非金屬。") };

        Assert.Null(DraftComposer.Compose(question, passages, Candidates(question, passages, 0.9)));
        Assert.Null(DraftComposer.Compose(question, passages, []));
    }
}
