using ArticleBot.Core.Claims;
using ArticleBot.Core.Text;
using ArticleBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleBot.Core.Tests.Claims;

/// <summary>
/// Claims false by a quality, with no figure to compare, on an article written for this test (not the seed, nor any
/// evaluation set's): a word alike but for an opposite character (雌雄同株 / 雌雄異株), a verb of the opposite stance
/// (擁護 / 反對, 推崇 / 排斥, also at the head of a longer slot), and another value of one kind of thing (炸彈 /
/// 魚雷, both weapons). True claims in the article's words, a paraphrase (導彈 / 飛彈) and a word naming the kind
/// itself (武器) are never answered No.
/// </summary>
public sealed class ClaimOppositeAndKindTests
{
    private const string Article = """
        山城日報記者 韓松

        紅葉草為多年生草本，雌雄異株，夏季開花。
        北嶺人在宋代創造了青文。北嶺的貴族在元代以後一直很排斥這種文字，民間卻廣泛使用。
        港城的漁民一直反對填海工程。
        1932年，東港號巡洋艦被魚雷擊沉，艦上官兵全部獲救。
        河口的水流在上游較急，到了下游變得平緩。
        """;

    private readonly WrittenArticle _article = WrittenArticle.Shared("opposites", Article);

    private ClaimVerifier Verifier => _article.Services.GetRequiredService<ClaimVerifier>();

    private ClaimGapJudge Judge => _article.Services.GetRequiredService<ClaimGapJudge>();

    [Fact]
    public void AWordAlikeButForAnOppositeCharacter_IsContradictedWithTheArticlesWord()
    {
        var check = Verifier.Verify("紅葉草雌雄同株嗎？");

        Assert.Equal((Verdict.Contradicted, ContradictionReason.Stance), (check.Verdict, check.Reason));
        Assert.Equal(("異株", "同株"), (check.Said, check.Claimed)); // the one character, shown with the word it makes
        Assert.Equal("紅葉草為多年生草本，雌雄異株，夏季開花。", check.Sentence);
        Assert.StartsWith("不對——文章說的是異株，不是同株", ClaimAnswer.Write(check, QuestionLanguage.ChineseTraditional, "[1]"), StringComparison.Ordinal);
    }

    [Fact]
    public void AVerbOfTheOppositeStance_IsContradicted()
    {
        var check = Verifier.Verify("港城的漁民一直擁護填海工程嗎？"); // "to endorse; to support" against "to oppose"

        Assert.Equal((Verdict.Contradicted, ContradictionReason.Stance), (check.Verdict, check.Reason));
        Assert.Equal("反對", check.Said);
        Assert.Equal("港城的漁民一直反對填海工程。", check.Sentence);
    }

    [Fact]
    public void AnOppositeStanceAtTheHeadOfASlotThatPointsBack_IsContradicted()
    {
        // 推崇青文 against 排斥這種文字: the slot's first word is the opposite; 這種文字 points back at 青文.
        var check = Verifier.Verify("北嶺的貴族在元代以後一直很推崇青文，對嗎？");

        Assert.Equal((Verdict.Contradicted, ContradictionReason.Stance), (check.Verdict, check.Reason));
        Assert.Equal("北嶺的貴族在元代以後一直很排斥這種文字，民間卻廣泛使用。", check.Sentence);
        Assert.Contains("排斥", check.Said, StringComparison.Ordinal);
    }

    [Fact]
    public void AnotherValueOfOneKind_BesideAFigureThatHolds_IsContradicted()
    {
        var check = Verifier.Verify("1932年東港號巡洋艦是被炸彈擊沉的嗎？"); // "bomb" against "torpedo": weapons

        Assert.Equal((Verdict.Contradicted, ContradictionReason.Value), (check.Verdict, check.Reason));
        Assert.Equal(("魚雷", "炸彈"), (check.Said, check.Claimed));
        Assert.Null(check.ArticleFigure);
    }

    [Theory]
    [InlineData("紅葉草雌雄異株嗎？")]
    [InlineData("港城的漁民一直反對填海工程嗎？")]
    [InlineData("1932年東港號巡洋艦是被魚雷擊沉的嗎？")]
    [InlineData("河口的水流在上游較急嗎？")]
    public void TheArticlesOwnWords_AreSupported(string claim)
    {
        Assert.Equal(Verdict.Supported, Verifier.Verify(claim).Verdict);
    }

    [Fact]
    public void AWordNamingTheKindItself_IsNeverContradicted()
    {
        Assert.NotEqual(Verdict.Contradicted, Verifier.Verify("1932年東港號巡洋艦是被武器擊沉的嗎？").Verdict); // "weapon"
    }

    [Theory]
    [InlineData("同株", "异株", GapMeaning.Opposite)] // one character apart, 同 / 异 opposites
    [InlineData("上游", "下游", GapMeaning.Opposite)]
    [InlineData("拥护", "反对", GapMeaning.Opposite)] // "to support" / "to oppose"
    [InlineData("推崇青文", "排斥这种文字", GapMeaning.Opposite)] // the slot's head word, the rest pointing back
    [InlineData("同株的植物", "异株", GapMeaning.Opposite)] // the head word, the slot saying no more
    [InlineData("鱼雷", "炸弹", GapMeaning.OtherValue)] // "torpedo" / "bomb": weapons
    [InlineData("鱼雷", "反舰导弹", GapMeaning.OtherValue)] // "anti-ship missile": its head noun
    [InlineData("导弹", "飞弹", GapMeaning.Unsaid)] // both "missile": the same thing said two ways
    [InlineData("武器", "鱼雷", GapMeaning.Unsaid)] // "weapon" is the kind, not another value of it
    [InlineData("推崇青文", "排斥各种外来文字", GapMeaning.Unsaid)] // the rest of the slot says more: not decided
    [InlineData("推崇青文", "排斥其他文字", GapMeaning.Unsaid)] // 其他 points at others, not back
    [InlineData("大量", "大批", GapMeaning.Unsaid)] // one character apart, but not opposites
    public void TheJudge_ReadsOppositesAndKindsFromTheWordsAlone(string claimed, string said, GapMeaning meaning)
    {
        Assert.Equal(meaning, Judge.Judge(new ClaimGap(claimed, said, Focus: false)));
    }
}
