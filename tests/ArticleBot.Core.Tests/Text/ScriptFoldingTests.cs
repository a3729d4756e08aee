using System.Text;
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

    [Fact]
    public void ToLower_AgreesWithTheRuntimeOnEveryCodePoint()
    {
        // The fast path skips the casing call for categories without a lower case; it must never change an answer.
        var differences = new List<string>();
        for (var value = 0; value <= 0x10FFFF; value++)
        {
            if (!Rune.IsValid(value))
            {
                continue;
            }

            var rune = new Rune(value);
            if (ScriptFolding.ToLower(rune) != Rune.ToLowerInvariant(rune))
            {
                differences.Add($"U+{value:X4}");
            }
        }

        Assert.Empty(differences);
    }

    [Fact]
    public void Fold_SameTextTwice_GivesTheSameResultAsAFreshFolder()
    {
        // The second call is served from the folder's recent results.
        const string Sentence = "ＯｐｅｎＡＩ的廣告業務每年可能帶來２５０億美元的收入，ÉCOLE 𠀀";
        var first = Folder.Fold(Sentence);
        var second = Folder.Fold(new string(Sentence.AsSpan()));

        Assert.Equal("openai的广告业务每年可能带来250亿美元的收入,école 𠀀", first);
        Assert.Equal(first, second);
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

    [Theory]
    [InlineData("那阿里呢？", "騰訊春節要分多少紅包？", QuestionLanguage.ChineseTraditional)] // 里 alone: the conversation decides
    [InlineData("那阿里呢？", "腾讯春节要分多少红包？", QuestionLanguage.ChineseSimplified)]
    [InlineData("那騰訊的營收呢？", "阿里发布了什么？", QuestionLanguage.ChineseTraditional)] // its own script, clearly shown
    [InlineData("What about Alibaba?", "騰訊春節要分多少紅包？", QuestionLanguage.English)] // English stays English
    [InlineData("那阿里呢？", "How much will Tencent give?", QuestionLanguage.ChineseSimplified)] // Chinese stays Chinese
    public void Detect_AFollowUp_TakesTheScriptOfTheConversationWhenItShowsNoneOfItsOwn(string question, string conversation, QuestionLanguage expected)
    {
        Assert.Equal(expected, LanguageDetector.Detect(question, conversation, Folder));
    }
}
