using ArticleBot.Core.Answering;
using ArticleBot.Core.Tests.Fakes;
using Microsoft.Extensions.AI;

namespace ArticleBot.Core.Tests.ArticleTools;

/// <summary>The questions of issue 13's table, answered offline through the one function-invocation path.</summary>
public sealed class OfflineKindAnswerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<ArticleAnswer> Ask(string question, params string[] earlier)
    {
        var history = new ConversationHistory(10, 20_000);
        foreach (var turn in earlier)
        {
            var answer = await TestCorpus.Answerer.AskAsync(turn, history.Messages(), Ct);
            history.Add(answer.Question, answer.Text);
        }

        var result = await TestCorpus.Answerer.AskAsync(question, history.Messages(), Ct);
        Assert.All(result.Citations, c => Assert.Equal(TestCorpus.SeedText[c.Start..c.End], c.Quote));
        return result;
    }

    [Theory]
    [InlineData("這篇文章講了什麼？")]
    [InlineData("Summarize the article.")]
    [InlineData("What is this article about?")]
    public async Task Summary_CitesEverySection(string question)
    {
        var answer = await Ask(question);

        Assert.True(answer.Grounded);
        Assert.Equal(4, answer.Citations.Select(c => c.Section).Distinct().Count());
    }

    [Fact]
    public async Task FollowUp_WhichOfTheTwo_IsAnsweredOfTheTwoTheLastQuestionNamed()
    {
        var answer = await Ask("Which of the two relies more on enterprise customers?", "Compare OpenAI and Anthropic revenue.");

        Assert.True(answer.Grounded);
        Assert.Contains(answer.Citations, c => c.Quote.Contains("Anthropic憑借85%的B2B/API營收結構", StringComparison.Ordinal));
        Assert.DoesNotContain(answer.Citations, c => c.Quote.Contains("騰訊", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Outline_NamesTheHeadings()
    {
        var answer = await Ask("文章分成哪幾個部分？");

        Assert.True(answer.Grounded);
        Assert.Contains("本土AI:卷場景成為第一要務", answer.Text, StringComparison.Ordinal);
        Assert.Contains("內卷不可避免,必須卷出高度", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ChineseCompanies()
    {
        var answer = await Ask("文章提到了哪些中國公司？");

        Assert.True(answer.Grounded);
        Assert.Contains("騰訊", answer.Text, StringComparison.Ordinal);
        Assert.Contains("字節跳動", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("OpenAI", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_Amounts_HoldNumbers()
    {
        var answer = await Ask("文章中出現了哪些金額數字？");

        Assert.Contains("250億美元", answer.Text, StringComparison.Ordinal);
        Assert.Contains("10億", answer.Text, StringComparison.Ordinal);
        Assert.True(answer.Citations.Count >= 3);
    }

    [Fact]
    public async Task Verify_WrongFigure_SaysNoWithTheArticlesFigure()
    {
        var answer = await Ask("騰訊春節要發100億紅包，對嗎？");

        Assert.StartsWith("不對——文章說的是10億", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_TrueClaimInEnglish_SaysYes()
    {
        var answer = await Ask("Is it true that ChatGPT has more than 900 million weekly users?");

        Assert.StartsWith("Yes", answer.Text, StringComparison.Ordinal);
        Assert.Contains("900 million", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("作者的結論是什麼？", "因此")]
    [InlineData("What is the author's conclusion?", "因此")]
    public async Task Opinion_Conclusion_QuotesTheClosingSection(string question, string cue)
    {
        var answer = await Ask(question);

        Assert.True(answer.Grounded);
        Assert.All(answer.Citations, c => Assert.Equal("內卷不可避免,必須卷出高度", c.Section));
        Assert.Contains(cue, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_DrawsOnBoth()
    {
        var answer = await Ask("騰訊和字節的AI打法有什麼不同？");

        Assert.StartsWith("騰訊：", answer.Text, StringComparison.Ordinal);
        Assert.Contains("\n字節跳動：", answer.Text, StringComparison.Ordinal);
        Assert.True(answer.Citations.Count >= 2);
    }

    [Theory]
    [InlineData("How many weekly active users does ChatGPT have?", "ChatGPT: more than 900 million weekly active users")]
    [InlineData("How much cash will Tencent hand out in red packets?", "Tencent: 1 billion")]
    [InlineData("When was Qwen released?", "Qwen: 15 January")]
    public async Task English_GivesTheFactInEnglishFirst(string question, string lead)
    {
        var answer = await Ask(question);

        Assert.StartsWith(lead, answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("The article says:", answer.Text, StringComparison.Ordinal);
        Assert.True(answer.Grounded);
    }

    [Fact]
    public async Task Comparison_OfTwoCountriesNamedTogether_HasAPartForEach()
    {
        var answer = await Ask("中美兩國的AI打法有何不同？");

        Assert.True(answer.Grounded);
        Assert.Contains("中國：", answer.Text, StringComparison.Ordinal);
        Assert.Contains("美國：", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowUp_NewSubject_KeepsTheLastIntent()
    {
        var answer = await Ask("那元寶呢？", "豆包是哪家公司的產品？");

        Assert.StartsWith("騰訊[1]", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowUp_NewSubjectTheArticleGivesNoneOfTheFrameFor_SaysWhatIsMissing_AndWhatItSaysOfTheSubject()
    {
        var answer = await Ask("那字節呢？", "騰訊宣布哪一天上線春節活動？");

        Assert.StartsWith("文章沒有提到「字節宣布哪一天上線春節活動」。關於字節，文章說：", answer.Text, StringComparison.Ordinal);
        var cited = Assert.Single(answer.Citations);
        Assert.Contains("字節", cited.Quote, StringComparison.Ordinal);
        Assert.DoesNotContain("2月1日", answer.Text, StringComparison.Ordinal); // Tencent's date is not said of ByteDance
    }

    [Fact]
    public async Task FollowUp_NewSubjectNamedOnlyBesideAnotherPartysFigure_DoesNotGetThatFigure()
    {
        // The sentence with OpenAI's 250億 names 谷歌 too, in another clause (a threat to it): not 谷歌's figure.
        var answer = await Ask("那谷歌呢？", "OpenAI的廣告業務每年可能帶來多少收入？");

        Assert.StartsWith("文章沒有提到「谷歌的廣告業務每年可能帶來多少收入」。關於谷歌，文章說：", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowUp_NewSubjectInTheClauseOfTheFigure_IsAnswered()
    {
        var answer = await Ask("那元寶呢？", "騰訊春節要分多少紅包？");

        Assert.True(answer.Grounded);
        Assert.Contains("10億", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("文章沒有提到", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowUp_WithoutScriptOfItsOwn_IsAnsweredInTheScriptOfTheConversation()
    {
        // "那千问呢" holds only characters both scripts write alike but 问: the conversation is in Simplified.
        var simplified = await Ask("那千问呢？", "元宝派什么时候开启内测？");
        var traditional = await Ask("那阿里呢？", "騰訊宣布哪一天上線春節活動？"); // 里 alone would say Simplified

        Assert.StartsWith("文章没有提到“千问什么时候开启内测”。关于千问", simplified.Text, StringComparison.Ordinal);
        Assert.StartsWith("文章沒有提到「阿里宣布哪一天上線春節活動」。", traditional.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("哈薩比斯提醒了什麼？")]
    [InlineData("What did Hassabis warn about?")]
    public async Task WhatSomeoneWarned_QuotesWhatTheySaid_NotTheSentenceThatIntroducesIt(string question)
    {
        var answer = await Ask(question);

        var quote = Assert.Single(answer.Citations).Quote;
        Assert.Contains("哈薩比斯指出", quote, StringComparison.Ordinal);
        Assert.DoesNotContain("的提醒中獲得", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowUp_Pronoun_KeepsTheLastSubject()
    {
        var answer = await Ask("他說了什麼？", "哈薩比斯是誰？");

        Assert.Contains("哈薩比斯指出", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowUp_InEnglish_SwapsTheSubjectOfTheSameKind()
    {
        var answer = await Ask("And about Qwen?", "What did Ma Huateng say about Doubao's AI phone?");

        Assert.Contains("部分贊同千問", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutHistory_AShortFollowUpIsAnsweredAlone()
    {
        var answer = await TestCorpus.Answerer.AskAsync("那元寶呢？", Array.Empty<ChatMessage>(), Ct);

        Assert.DoesNotMatch(@"^騰訊\[1\]：", answer.Text);
    }
}
