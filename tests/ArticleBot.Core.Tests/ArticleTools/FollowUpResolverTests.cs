using ArticleBot.Core.ArticleTools;
using ArticleBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleBot.Core.Tests.ArticleTools;

public sealed class FollowUpResolverTests
{
    private static FollowUpResolver Resolver => TestCorpus.Services.GetRequiredService<FollowUpResolver>();

    [Theory]
    [InlineData("騰訊春節要分多少紅包？", "那阿里呢？", "阿里春節要分多少紅包？")]
    [InlineData("豆包是哪家公司的產品？", "那元寶呢？", "元寶是哪家公司的產品？")]
    [InlineData("What did Ma Huateng say about Doubao's AI phone?", "And about Qwen?", "What did Ma Huateng say about Qwen's AI phone?")]
    [InlineData("哈薩比斯是誰？", "他說了什麼？", "哈薩比斯說了什麼？")]
    [InlineData("OpenAI推出了什麼新業務？", "它怎麼收費？", "OpenAI怎麼收費？")]
    [InlineData("Who is Demis Hassabis?", "What did he say about China?", "What did Demis Hassabis say about China?")]
    public void Resolve_FollowUp_TakesItsFrameOrSubjectFromTheLastQuestion(string previous, string question, string expected)
    {
        Assert.Equal(expected, Resolver.Resolve(question, [previous]));
    }

    [Theory]
    [InlineData("豆包是哪家公司的產品？", "字節跳動[1]：字節跳動旗下的豆包在2026年表現得極度兇猛。[1]", "它還推出了什麼？", "字節跳動還推出了什麼？")]
    [InlineData("Which company makes Doubao?", "ByteDance[1]. In the article's words: 字節跳動旗下的豆包在2026年表現得極度兇猛。[1]", "What else does it make?", "What else does ByteDance make?")]
    [InlineData("哈薩比斯是誰？", "而中國AI企業的挑戰，可以從DeepMind創始人德米斯·哈薩比斯的提醒中獲得某些線索。[1]", "他說了什麼？", "哈薩比斯說了什麼？")] // the question named whom it asked about
    [InlineData("豆包是哪家公司的產品？", "字節跳動[1]：字節跳動旗下的豆包在2026年表現得極度兇猛。[1]", "他說了什麼？", "他說了什麼？")] // 他 is no company
    public void Resolve_PronounAfterWhoOrWhichCompany_IsTheOneTheAnswerNamed(string previous, string answer, string question, string expected)
    {
        Assert.Equal(expected, Resolver.Resolve(question, [previous], answer));
    }

    [Theory]
    [InlineData("騰訊和阿里巴巴在春節做了什麼？", "這兩家公司的AI產品分別叫什麼？", "騰訊和阿里巴巴的AI產品分別叫什麼？")]
    [InlineData("腾讯和阿里巴巴在春节做了什么？", "两家公司谁先发布？", "腾讯和阿里巴巴谁先发布？")]
    [InlineData("Compare OpenAI and Anthropic revenue.", "Which of the two relies more on enterprise customers?", "Which of OpenAI and Anthropic relies more on enterprise customers?")]
    [InlineData("How do OpenAI and Anthropic make money?", "What do both of them charge for?", "What do OpenAI and Anthropic charge for?")]
    public void Resolve_SidesNamedTogether_AreTheTwoTheLastQuestionNamed(string previous, string question, string expected)
    {
        Assert.Equal(expected, Resolver.Resolve(question, [previous]));
    }

    // The test article names 中國 eight times and 美國 once, and no other country (硅谷 is a place, not a country);
    // OpenAI (8) and 阿里巴巴 (7) lead its companies, the next have 4; of people, 哈薩比斯 (2) leads and two tie at 1.
    [Theory]
    [InlineData("兩國在AI上有什麼不同？", "中國和美國在AI上有什麼不同？")]
    [InlineData("How do the two countries differ in AI?", "How do China and the United States differ in AI?")]
    [InlineData("两家公司谁更强？", "OpenAI和阿里巴巴谁更强？")]
    [InlineData("Which of the two companies is bigger?", "Which of OpenAI and Alibaba is bigger?")]
    public void Resolve_SidesNamedTogetherWithNothingBefore_AreTheArticlesLeadingTwoOfThatKind(string question, string expected)
    {
        Assert.Equal(expected, Resolver.Resolve(question, []));
    }

    [Theory]
    [InlineData("這兩個人說了什麼？")] // a tie for the second person: which two is open
    [InlineData("Which of the two is older?")] // the words say no kind
    [InlineData("中美兩國誰領先？")] // the question names its two itself
    [InlineData("中國和美國兩國誰領先？")]
    [InlineData("中韓兩國誰領先？")] // 韓國 is no entity of the article: the question still names its two
    [InlineData("OpenAI和微軟兩家公司誰更強？")]
    [InlineData("文章提到的哪兩個國家在競爭？")] // asks which two
    [InlineData("Which are the two countries the article compares?")]
    public void Resolve_SidesNamedTogether_StayWhenNothingSaysWhichTwo(string question)
    {
        Assert.Equal(question, Resolver.Resolve(question, []));
    }

    [Theory]
    [InlineData("豆包是哪家公司的產品？", "這兩家公司的AI產品分別叫什麼？")] // one company named: nothing to pair
    [InlineData("Compare OpenAI and Anthropic revenue.", "What do the twofold gains mean?")] // "the two" only as a whole word
    public void Resolve_PairReference_WithoutTwoSidesNamed_IsUnchanged(string previous, string question)
    {
        Assert.Equal(question, Resolver.Resolve(question, [previous]));
    }

    [Theory]
    [InlineData("OpenAI的廣告業務每年可能帶來多少收入？")]
    [InlineData("這篇文章講了什麼？")]
    [InlineData("Is it true that ChatGPT has more than 900 million weekly users?")]
    public void Resolve_WholeQuestionOrNothingToLeanOn_IsUnchanged(string question)
    {
        Assert.Equal(question, Resolver.Resolve(question, ["豆包是哪家公司的產品？"]));
        Assert.Equal(question, Resolver.Resolve(question, []));
    }
}
