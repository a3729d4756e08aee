using ArticleBot.Core.ArticleTools;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.Tests.ArticleTools;

public sealed class QuestionClassifierTests
{
    [Theory]
    [InlineData("這篇文章講了什麼？", QuestionKind.Summary)]
    [InlineData("请用一段话总结这篇文章。", QuestionKind.Summary)]
    [InlineData("Summarize the article.", QuestionKind.Summary)]
    [InlineData("What is this article about?", QuestionKind.Summary)]
    [InlineData("文章分成哪幾個部分？", QuestionKind.Outline)]
    [InlineData("这篇文章有哪些小标题？", QuestionKind.Outline)]
    [InlineData("What are the section headings of the article?", QuestionKind.Outline)]
    [InlineData("文章提到了哪些中國公司？", QuestionKind.List)]
    [InlineData("Which AI products are mentioned in the article?", QuestionKind.List)]
    [InlineData("文章中出現了哪些金額數字？", QuestionKind.List)]
    [InlineData("騰訊和字節的AI打法有什麼不同？", QuestionKind.Compare)]
    [InlineData("How does Google's position differ from Anthropic's?", QuestionKind.Compare)]
    [InlineData("騰訊春節要發100億紅包，對嗎？", QuestionKind.Verify)]
    [InlineData("千问是2月1日发布的吗？", QuestionKind.Verify)]
    [InlineData("作者認為比賽拼的是哪支球隊的後勁更足，對嗎？", QuestionKind.Verify)] // a question word inside a claim with a tag
    [InlineData("誰贏得了比賽，對嗎？", QuestionKind.Fact)] // one that opens with it still asks it
    [InlineData("你知道誰贏得了比賽嗎？", QuestionKind.Fact)] // no tag after a comma: a question word asks
    [InlineData("Is it true that ChatGPT has more than 900 million weekly users?", QuestionKind.Verify)]
    [InlineData("Does Anthropic get 85% of its revenue from B2B and API?", QuestionKind.Verify)]
    [InlineData("According to the article, did the mill open a second plant in 2019?", QuestionKind.Verify)] // a lead-in naming the article frames it
    [InlineData("According to the article, what did the mill open in 2019?", QuestionKind.Fact)]
    [InlineData("作者的結論是什麼？", QuestionKind.Opinion)]
    [InlineData("What is the author's conclusion?", QuestionKind.Opinion)]
    [InlineData("作者认为AI竞争的维度变成了什么？", QuestionKind.Opinion)]
    [InlineData("為什麼說邊際效應遞減成了烏雲？", QuestionKind.Why)]
    [InlineData("Why does Tencent send Yuanbao rather than WeChat into the fight?", QuestionKind.Why)]
    [InlineData("OpenAI的廣告業務每年可能帶來多少收入？", QuestionKind.Fact)]
    [InlineData("How many weekly active users does ChatGPT have?", QuestionKind.Fact)]
    [InlineData("豆包是哪家公司的產品？", QuestionKind.Fact)]
    public void Classify_RecognisesTheKind(string question, QuestionKind expected)
    {
        Assert.Equal(expected, QuestionClassifier.Classify(question, ScriptFolding.Default).Kind);
    }

    [Theory]
    [InlineData("分娩的全過程總共可分為幾個產程?")]
    [InlineData("黄独分布在哪些地区？")]
    [InlineData("该政策的主要内容是什么，施行了多久？")]
    public void Classify_QuestionAboutSomethingInTheArticle_IsAFactNotAnArticleTool(string question)
    {
        Assert.Equal(QuestionKind.Fact, QuestionClassifier.Classify(question, ScriptFolding.Default).Kind);
    }

    [Theory]
    [InlineData("文章提到了哪些美國公司？", EntityKind.Organization, "US")]
    [InlineData("文章提到了哪些中國公司？", EntityKind.Organization, "CN")]
    [InlineData("文章里提到了哪些人？", EntityKind.Person, null)]
    [InlineData("Which AI products are mentioned in the article?", EntityKind.Product, null)]
    public void Classify_ListQuestion_SaysWhatToList(string question, EntityKind kind, string? country)
    {
        var intent = QuestionClassifier.Classify(question, ScriptFolding.Default);

        Assert.Equal(kind, intent.EntityKind);
        Assert.Equal(country, intent.Country);
    }

    [Fact]
    public void Classify_AmountsQuestion_ListsAmounts()
    {
        var intent = QuestionClassifier.Classify("文章中出現了哪些金額數字？", ScriptFolding.Default);

        Assert.True(intent.Figures);
        Assert.Equal(FigureKind.Amount, intent.FigureKind);
    }
}
