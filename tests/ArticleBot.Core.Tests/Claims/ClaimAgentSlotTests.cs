using ArticleBot.Core.Claims;
using ArticleBot.Core.Text;
using ArticleBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleBot.Core.Tests.Claims;

/// <summary>
/// Claims false by who did it, on an article written for this test (not the seed, nor any evaluation set's): the
/// right fact of the wrong person, in a passive claim (《甲》是乙寫的, 甲是由乙發明的, 甲由乙設計, 甲被乙奪走, 甲為乙所創辦),
/// a cleft (發明甲的是乙, with a date: 2005年接任…的是乙) or an English one ("written by", "invented by"). Each is read
/// against who the sentence says did it (its subject without its setting, 乙於1801年; its own passive, 由乙設計; a
/// noun of the claim's verb, 《甲》的作者是乙; 乙著有《甲》) and contradicted naming that one. The same claims with the
/// right person are never answered No.
/// </summary>
public sealed class ClaimAgentSlotTests
{
    private const string Article = """
        東河日報記者 魏青

        陳一舟寫的《青山記》於1988年出版，講述了一個漁村的興衰。
        《白沙集》的作者是周明遠，他曾在東河學院任教。
        吳永年著有《南嶺雜談》，書中記錄了山區的民俗。
        李華於1801年發明了蒸汽織布機，大大提高了紡織的效率。
        2005年，馮立德接任東河學院院長，任期十年。
        最早提出潮汐發電方案的是孟廣生，當時無人響應。
        東河大橋由鄭海峰設計，1999年建成通車。
        1952年，孫百川創辦了東河學院。
        王府的寶物被盜賊首領錢多多奪走，至今下落不明。
        """;

    private readonly WrittenArticle _article = WrittenArticle.Shared("agents", Article);

    private ClaimVerifier Verifier => _article.Services.GetRequiredService<ClaimVerifier>();

    private ClaimGapJudge Judge => _article.Services.GetRequiredService<ClaimGapJudge>();

    [Theory]
    [InlineData("《青山記》是林大海寫的嗎？", "陳一舟", "林大海")] // the article's subject, before its verb
    [InlineData("《白沙集》是林大海寫的嗎？", "周明遠", "林大海")] // 的作者是: a noun of the claim's verb, "writer"
    [InlineData("《南嶺雜談》是林大海寫的嗎？", "吳永年", "林大海")] // 著有, another verb of writing
    [InlineData("蒸汽织布机是由王明发明的吗？", "李華", "王明")] // the article's subject, without its date
    [InlineData("發明蒸汽織布機的是王明嗎？", "李華", "王明")] // a cleft
    [InlineData("東河大橋是由張三設計的嗎？", "鄭海峰", "張三")] // the article's own passive
    [InlineData("东河大桥由张三设计吗？", "鄭海峰", "张三")]
    [InlineData("最早提出潮汐發電方案的是張三嗎？", "孟廣生", "張三")] // a name the article never writes, weighing most
    [InlineData("東河學院為張三所創辦嗎？", "孫百川", "張三")] // 為…所
    [InlineData("王府的寶物被趙小虎奪走了嗎？", "錢多多", "趙小虎")] // 被, the article's agent with its title
    public void TheRightFactOfAnotherPerson_IsContradictedNamingTheArticlesOne(string claim, string said, string claimed)
    {
        var check = Verifier.Verify(claim);

        Assert.Equal((Verdict.Contradicted, ContradictionReason.Subject), (check.Verdict, check.Reason));
        Assert.Equal((said, claimed), (check.Said, check.Claimed));
    }

    [Fact]
    public void ADateClaimsCleft_IsPlacedByItsEventAndContradictedByWhoItWas()
    {
        // 張三 weighs most of the claim: the sentence of the event is found without it, then its slot is read.
        var check = Verifier.Verify("2005年接任东河学院院长的是张三吗？");

        Assert.Equal((Verdict.Contradicted, ContradictionReason.Subject), (check.Verdict, check.Reason));
        Assert.Equal("馮立德", check.Said);
        Assert.Equal("2005年，馮立德接任東河學院院長，任期十年。", check.Sentence);
        Assert.StartsWith("不对——文章说的是馮立德，不是张三", ClaimAnswer.Write(check, QuestionLanguage.ChineseSimplified, "[1]"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Was 'The Green Hill' written by Lin Dahai?", "陳一舟", "Lin Dahai")]
    [InlineData("Was the steam loom invented by Wang Ming?", "李華", "Wang Ming")]
    [InlineData("Did Wang Ming invent the steam loom?", "李華", "Wang Ming")]
    public void AnEnglishClaimNamingAnotherPerson_IsContradictedNamingTheArticlesOne(string claim, string said, string claimed)
    {
        var check = Verifier.Verify(claim);

        Assert.Equal((Verdict.Contradicted, ContradictionReason.Subject), (check.Verdict, check.Reason));
        Assert.Equal((said, claimed), (check.Said, check.Claimed));
        Assert.StartsWith($"No — the article says {said}, not {claimed}", ClaimAnswer.Write(check, QuestionLanguage.English, "[1]"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("《青山記》是陳一舟寫的嗎？")]
    [InlineData("《南嶺雜談》是吳永年寫的嗎？")]
    [InlineData("蒸汽织布机是由李华发明的吗？")]
    [InlineData("發明蒸汽織布機的是李華嗎？")]
    [InlineData("2005年接任东河学院院长的是冯立德吗？")]
    [InlineData("東河大橋是由鄭海峰設計的嗎？")]
    [InlineData("Was 'The Green Hill' written by Chen Yizhou?")]
    public void TheRightPerson_IsSupported(string claim)
    {
        Assert.Equal(Verdict.Supported, Verifier.Verify(claim).Verdict);
    }

    [Fact]
    public void ANameTheArticleGivesAnotherWork_IsNeverSupported()
    {
        // The sentence that shares most of it is 陳一舟's own (陳一舟寫的《青山記》), which leaves 《白沙集》 unsaid.
        Assert.NotEqual(Verdict.Supported, Verifier.Verify("《白沙集》是陳一舟寫的嗎？").Verdict);
    }

    [Theory]
    [InlineData("《白沙集》是周明遠寫的嗎？")]
    [InlineData("东河大桥由郑海峰设计吗？")]
    [InlineData("最早提出潮汐發電方案的是孟廣生嗎？")]
    [InlineData("東河學院為孫百川所創辦嗎？")]
    [InlineData("王府的寶物被錢多多奪走了嗎？")]
    [InlineData("這篇文章是魏青寫的嗎？")] // the byline
    [InlineData("Was the steam loom invented by Li Hua?")] // the article's name in pinyin
    [InlineData("Did Li Hua invent the steam loom?")]
    [InlineData("Was the steam loom invented by Lee Hua?")] // another spelling of the same name
    [InlineData("Was the Donghe Bridge designed by Zheng Haifeng?")]
    public void TheRightPerson_IsNeverContradicted(string claim)
    {
        Assert.NotEqual(Verdict.Contradicted, Verifier.Verify(claim).Verdict);
    }

    [Theory]
    [InlineData("作者", "写", true)] // "author; writer": "to write"
    [InlineData("发明家", "发明", true)] // "inventor": "to invent"
    [InlineData("导演", "执导", true)] // "director (film etc)": "to direct (a film, play etc)"
    [InlineData("创办人", "创办", true)] // "founder (of an institution etc)": "to found"
    [InlineData("主编", "写", false)] // "editor in chief" is not who wrote it
    [InlineData("作者", "发明", false)]
    public void TheJudge_ReadsANounOfWhoDoesWhatAVerbSays(string noun, string verb, bool agent)
    {
        Assert.Equal(agent, Judge.IsAgentNoun(noun, verb));
    }

    private static readonly HashSet<string> s_words = ["写", "发明", "由于", "失误", "停工", "大桥", "最早"];

    private static readonly HashSet<string> s_names = ["林大海", "陈一舟", "王明", "李华", "李四"];

    private static IReadOnlyList<ClaimGap> Gaps(string claim, string sentence) =>
        ClaimAlignment.Gaps(claim, sentence, s_words.Contains, _ => false, s_names.Contains);

    [Theory]
    [InlineData("《青山记》是林大海写的", "陈一舟写的《青山记》于1988年出版", "林大海", "陈一舟")]
    [InlineData("蒸汽织布机是由王明发明的", "李华于1801年发明了蒸汽织布机", "王明", "李华")] // without its setting
    [InlineData("蒸汽织布机由王明发明", "1801年，蒸汽织布机由李华发明", "王明", "李华")] // the sentence's own passive
    [InlineData("蒸汽织布机是王明发明的", "李华最早发明了蒸汽织布机", "王明", "李华")] // without a word after the name
    public void APassiveClaimsAgent_IsReadAsItsFocus(string claim, string sentence, string claimed, string said)
    {
        Assert.Equal(new ClaimGap(claimed, said, Focus: true), Assert.Single(Gaps(claim, sentence)));
    }

    [Theory]
    [InlineData("大桥停工是由于李四的失误", "大桥因李四的失误而停工")] // 由于, "because": no passive
    [InlineData("蒸汽织布机是由李华发明的", "据王明说，蒸汽织布机是李华与人合作发明的")] // the sentence writes the agent
    public void AClaimThatIsNoPassive_OrWhoseAgentTheSentenceWrites_HasNoFocus(string claim, string sentence)
    {
        Assert.DoesNotContain(Gaps(claim, sentence), g => g.Focus);
    }
}
