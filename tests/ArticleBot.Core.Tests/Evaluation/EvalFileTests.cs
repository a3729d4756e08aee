using ArticleBot.Core.Evaluation;

namespace ArticleBot.Core.Tests.Evaluation;

/// <summary>An eval file's lines are checked as they are read, and a bad one is named by its line number.</summary>
public sealed class EvalFileTests
{
    private const string Good = """{"id":"q1","lang":"zh-Hant","question":"騰訊春節要分多少紅包？","gold":["10億"],"answers":["10億"]}""";

    [Theory]
    [InlineData("""{"id":"q2","lang":"zh-Hant","gold":[],"answers":[]}""", "question")]
    [InlineData("""{"id":"q2","lang":"zh-Hant","question":"  "}""", "question")]
    [InlineData("""{"id":"q2","question":"問題？"}""", "lang")]
    [InlineData("""{"lang":"en","question":"Why?"}""", "id")]
    public void LineWithoutARequiredField_NamesTheLineAndTheField(string line, string field)
    {
        var error = Assert.Throws<FormatException>(() => Evaluator.Read(new StringReader(Good + "\n\n" + line + "\n")));

        Assert.StartsWith($"line 3: no \"{field}\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GoodLines_AreRead()
    {
        var items = Evaluator.Read(new StringReader(Good + "\n"));

        Assert.Equal("騰訊春節要分多少紅包？", Assert.Single(items).Question);
    }
}
