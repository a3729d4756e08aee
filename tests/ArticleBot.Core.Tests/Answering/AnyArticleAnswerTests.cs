using ArticleBot.Core.Answering;
using ArticleBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleBot.Core.Tests.Answering;

/// <summary>Offline answers on an article written for this test: the sentence that answers, by the kind of question.</summary>
public sealed class AnyArticleAnswerTests
{
    private const string Article = """
        球員王棟

        王棟是中國足球運動員，司職中場。
        2014年初，王棟喜獲一對龍鳳雙胞胎，但是體弱需入院治療。急需用錢的王棟和俱樂部在補發薪水上難以達成一致，一整年都沒有隨隊。
        他後來轉會到一家地方球會，並在那裡退役。

        乙烯酮
        最簡單的烯酮是乙烯酮，分子中兩個原子都是氫原子。乙烯酮是無色有強烈氣味的氣體，刺激性和毒性很大。
        """;

    private readonly WrittenArticle _article = WrittenArticle.Shared("answers", Article);

    private ArticleAnswerer Answerer => _article.Services.GetRequiredService<ArticleAnswerer>();

    [Fact]
    public async Task Why_BestMatchOnlyRestatesTheQuestion_TheSentenceBeforeGivesTheCause()
    {
        var answer = await Answerer.AskAsync("王棟為什麼急需用錢？", null, TestContext.Current.CancellationToken);

        Assert.True(answer.Grounded, answer.Text);
        Assert.Contains("但是體弱需入院治療。急需用錢的王棟", answer.Text, StringComparison.Ordinal); // one quote, in the article's order
    }

    [Fact]
    public async Task WhatIs_TheSentenceThatOpensWithTheTermAndSaysWhatItIs_Answers()
    {
        var answer = await Answerer.AskAsync("什麼是乙烯酮？", null, TestContext.Current.CancellationToken);

        Assert.True(answer.Grounded, answer.Text);
        Assert.Contains("乙烯酮是無色有強烈氣味的氣體", answer.Text, StringComparison.Ordinal);
    }
}
