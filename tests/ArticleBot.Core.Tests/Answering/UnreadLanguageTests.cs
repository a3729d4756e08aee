using ArticleBot.Core.Answering;
using ArticleBot.Core.Tests.Fakes;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.Tests.Answering;

/// <summary>
/// A question written mostly in a script the offline answerer does not read gets a notice in the two languages it
/// reads, never an abstention (or a verdict) in a language guessed from the Han characters it holds.
/// </summary>
public sealed class UnreadLanguageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("テンセントは1月15日にQwenを発表しましたか？")] // a yes/no question in Japanese, with Han and Latin in it
    [InlineData("텐센트는 언제 Qwen을 발표했나요?")]
    [InlineData("Сколько стоит Nvidia?")]
    public async Task QuestionInAnotherScript_GetsTheNotice_NotAnAnswer(string question)
    {
        var answer = await TestCorpus.Answerer.AskAsync(question, null, Ct);

        Assert.Equal(ExtractiveChatClient.UnreadLanguageNotice, answer.Text);
        Assert.False(answer.Grounded);
        Assert.Empty(answer.Citations);
    }

    [Theory]
    [InlineData("What is the α of Nvidia's market value?", false)] // one Greek letter in an English question
    [InlineData("英偉達的市值突破了多少？", false)]
    [InlineData("What does アリババ mean in the article about Alibaba and Qwen?", false)] // a quoted name
    [InlineData("アリババの千問はいつ発表されましたか", true)]
    public void MostlyOtherScript_CountsLetters_NotTheirPresence(string text, bool expected) =>
        Assert.Equal(expected, CharClass.IsMostlyOtherScript(text));
}
