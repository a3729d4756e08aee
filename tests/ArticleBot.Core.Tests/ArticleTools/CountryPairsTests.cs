using ArticleBot.Core.ArticleTools;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.Tests.ArticleTools;

public sealed class CountryPairsTests
{
    [Theory]
    [InlineData("中日兩國的貿易額是多少？", "中国和日本兩國的貿易額是多少？")] // the pair written out; 兩國 stays
    [InlineData("美俄双方何时签署条约？", "美国和俄罗斯双方何时签署条约？")]
    [InlineData("中韓之間有什麼協議？", "中国和韩国之間有什麼協議？")]
    public void Expand_WritesOutAPairOfOneCharacterCountryForms(string question, string expected)
    {
        Assert.Equal(expected, CountryPairs.Expand(question, ScriptFolding.Default));
    }

    [Theory]
    [InlineData("兩國的貿易額是多少？")] // no pair named
    [InlineData("雙方何時簽署條約？")]
    [InlineData("公司之間有什麼協議？")] // 公司 is no pair of countries
    [InlineData("中中兩國")] // the same country twice
    public void Expand_WithoutAPair_IsUnchanged(string question)
    {
        Assert.Equal(question, CountryPairs.Expand(question, ScriptFolding.Default));
    }
}
