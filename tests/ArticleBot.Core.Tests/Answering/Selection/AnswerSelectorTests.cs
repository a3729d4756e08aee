using ArticleBot.Abstractions;
using ArticleBot.Core.Answering.Recognizers;
using ArticleBot.Core.Answering.Selection;
using ArticleBot.Core.Search;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.Tests.Answering.Selection;

/// <summary>Sentence selection without Lucene: plans and passages are built by hand.</summary>
public sealed class AnswerSelectorTests
{
    private static readonly AnswerSelector s_selector = new(MentionFinder.Default);

    private static QueryPlan Plan(string question, params string[] strongWords)
    {
        var folder = ScriptFolding.Default;
        var groups = strongWords.Select(w => new QueryGroup(folder.Fold(w), [folder.Fold(w)], 2f, GroupStrength.Strong, InCorpus: true)).ToList();
        return new QueryPlan(question, folder.Fold(question), groups, [], AnswerType.Any);
    }

    private static SelectionPassage Passage(int n, string text, PassageKind kind = PassageKind.Body, string source = "seeds/a.txt", double coverage = 1, double relevance = 1)
    {
        var sentences = text.Split('。', StringSplitOptions.RemoveEmptyEntries).Select(s => s + "。").Select(s => (s, ScriptFolding.Default.Fold(s))).ToList();
        return new SelectionPassage(n, new Passage($"a#p{n}", source, null, kind, 0, text.Length, text), coverage, sentences, relevance);
    }

    [Fact]
    public void Select_AskedWho_BestMatchSaysHim_TheSentenceNamingHimComesFirst()
    {
        var plan = Plan("信陽人建申塔是為了紀念誰？", "信陽", "申塔", "紀念");
        var passage = Passage(1, "宜臼即位，是為周平王。信陽申侯是東周立的關鍵人物。隋代的信陽人為紀念他，曾建有申塔。");

        var draft = s_selector.Select(plan, [passage])!;

        Assert.Equal("信陽申侯是東周立的關鍵人物。", draft.Sentences[0].Sentence);
        Assert.Equal("隋代的信陽人為紀念他，曾建有申塔。", draft.Sentences[1].Sentence);
    }

    [Fact]
    public void Select_AskedWhatSomethingIsCalled_TheSentenceThatNamesItAnswers()
    {
        // Both sentences build a fort; only the second says what it came to be called.
        var plan = Plan("What was the fort that was being built to be named?", "堡垒", "建造");
        var passage = Passage(1, "由威廉•特伦特领导的公司开始建造一个小堡垒。他购买了他们的建筑工具，继续建造后来称为 杜肯堡垒 的堡垒。");

        var draft = s_selector.Select(plan, [passage])!;

        Assert.Contains("杜肯堡垒", draft.Sentences[0].Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_NotAskedForAName_ASentenceThatGivesOneIsNotPreferred()
    {
        var plan = Plan("雄性會有什麼染色體？", "雄性", "染色體");
        var passage = Passage(1, "若一生物可以產生雄配子，也可以產生雌配子，稱為雌雄同體，雄性染色體有別。對於人類，雄性會有XY染色體。");

        var draft = s_selector.Select(plan, [passage])!;

        Assert.Contains("XY", draft.Sentences[0].Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_EqualWordMatches_TheBetterRetrievedPassageAnswers()
    {
        // Both sentences share the same words with the question; the ranker, which saw the whole passages, preferred the second.
        var plan = Plan("伊克巴尔在伦敦加入了什么组织？", "伊克巴尔", "伦敦", "组织");
        var weak = Passage(1, "伊克巴尔在伦敦时，许多组织邀请他演讲。", source: "seeds/b.txt", relevance: 0.3);
        var strong = Passage(2, "伊克巴尔在伦敦加入了全印度穆斯林联盟这个组织。", relevance: 1);

        var draft = s_selector.Select(plan, [weak, strong])!;

        Assert.Equal(2, draft.Sentences[0].N);
    }

    [Fact]
    public void Select_BestMatchLacksTheAskedDate_TheNeighbourThatHasOneComesFirst()
    {
        var plan = Plan("斯壯羅山天文台是何時設立的？", "斯壯羅山天文台", "設立");
        var passage = Passage(1, "斯壯羅山天文台由聯邦政府設立。它於1924年開始運作。天文台後來轉為研究恆星。");

        var draft = s_selector.Select(plan, [passage])!;

        Assert.Equal(AnswerKind.Date, draft.Kind);
        Assert.Equal("它於1924年開始運作。", draft.Sentences[0].Sentence);
        Assert.Contains(draft.Sentences, s => s.Sentence == "斯壯羅山天文台由聯邦政府設立。");
        Assert.False(draft.LacksAskedKind);
        Assert.Equal(0, draft.Features.TypeMissing);
    }

    [Fact]
    public void Select_NoSentenceHoldsTheAskedNumber_FlagsTheDraft()
    {
        var plan = Plan("江蘇路街道下轄多少個居委會？", "江蘇路街道", "居委會");
        var passage = Passage(1, "江蘇路街道下轄歧山居委會、江蘇居委會。街道位於長寧區東部。");

        var draft = s_selector.Select(plan, [passage])!;

        Assert.True(draft.LacksAskedKind);
        Assert.Equal(1, draft.Features.TypeMissing);
    }

    [Fact]
    public void Select_PronounLedAnswer_BringsItsAntecedent()
    {
        var plan = Plan("墨西哥土撥鼠主要分布在哪裡？", "分布");
        var passage = Passage(1, "墨西哥土撥鼠是一種齧齒動物。牠們分布在墨西哥的聖路易斯波托西州北部。");

        var draft = s_selector.Select(plan, [passage])!;

        Assert.Equal(["牠們分布在墨西哥的聖路易斯波托西州北部。", "墨西哥土撥鼠是一種齧齒動物。"], draft.Sentences.Select(s => s.Sentence));
    }

    [Fact]
    public void Select_DisclaimerNeverAnswersUnlessAskedAbout()
    {
        var disclaimer = Passage(1, "本文僅代表作者觀點，平台僅提供資訊存儲服務。", PassageKind.Disclaimer);

        Assert.Null(s_selector.Select(Plan("作者的觀點是什麼？", "觀點"), [disclaimer]));
        Assert.NotNull(s_selector.Select(Plan("平台的免責聲明說了什麼？", "觀點", "平台"), [disclaimer]));
    }

    [Fact]
    public void Select_FollowersComeFromTheSameArticleOnly()
    {
        var plan = Plan("硫的顏色和氣味？", "硫", "顏色", "氣味");
        var first = Passage(1, "純的硫是黃色的晶體，顏色鮮明。");
        var other = Passage(2, "硫燃燒時有特別的氣味。", source: "seeds/b.txt");
        var same = Passage(3, "硫的氣味來自硫化氫。");

        var draft = s_selector.Select(plan, [first, other, same])!;

        Assert.DoesNotContain(draft.Sentences, s => s.N == 2);
        Assert.Contains(draft.Sentences, s => s.N == 3);
    }

    [Fact]
    public void Select_NothingShared_GivesNoDraft()
    {
        Assert.Null(s_selector.Select(Plan("誰是總統？", "總統"), [Passage(1, "硫是一種非金屬。")]));
    }

    [Fact]
    public void Select_Features_MeasureWording()
    {
        var plan = Plan("九龍灣屬於哪一個港？", "港");
        var passage = Passage(1, "三蘭港是坦尚尼亞的港口。");
        var inCorpus = new AnswerSelector(MentionFinder.Default, w => w is "港口");

        var draft = inCorpus.Select(plan, [passage])!;

        Assert.Equal(0, draft.Features.CorpusWording);
        Assert.Equal(0, draft.Features.PassageWording);
    }
}
