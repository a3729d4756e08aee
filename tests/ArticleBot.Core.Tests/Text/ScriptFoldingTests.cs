using ArticleBot.Core.Text;

namespace ArticleBot.Core.Tests.Text;

public sealed class ScriptFoldingTests
{
    private static readonly ScriptFolding Folder = ScriptFolding.Default;

    [Theory]
    [InlineData("騰訊宣布", "腾讯宣布")]
    [InlineData("廣告業務", "广告业务")]
    [InlineData("並且後來", "并且后来")]
    [InlineData("ＯｐｅｎＡＩ", "openai")]
    [InlineData("ChatGPT８５％", "chatgpt85%")]
    [InlineData("一目瞭然", "一目了然")]
    public void Fold_FoldsScriptWidthAndCase(string input, string expected)
    {
        // Act
        var folded = Folder.Fold(input);

        // Assert
        Assert.Equal(expected, folded);
    }

    [Fact]
    public void Fold_TraditionalAndSimplifiedQuestions_FoldToTheSameText()
    {
        Assert.Equal(Folder.Fold("騰訊春節活動要分多少現金紅包"), Folder.Fold("腾讯春节活动要分多少现金红包"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("😀 emoji 𠀀 astral")]
    [InlineData("\u200B\u202E bidi")]
    public void Fold_OddInput_DoesNotThrow(string input)
    {
        var folded = Folder.Fold(input);
        Assert.NotNull(folded);
    }

    [Theory]
    [InlineData("這篇文章的作者是誰？", QuestionLanguage.ChineseTraditional)]
    [InlineData("腾讯春节活动要分多少现金红包？", QuestionLanguage.ChineseSimplified)]
    [InlineData("How many weekly active users does ChatGPT have?", QuestionLanguage.English)]
    [InlineData("OpenAI的廣告業務", QuestionLanguage.ChineseTraditional)]
    public void Detect_TellsLanguageAndScript(string question, QuestionLanguage expected)
    {
        Assert.Equal(expected, LanguageDetector.Detect(question, Folder));
    }
}
