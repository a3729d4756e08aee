using ArticleBot.Core.Language.English;
using ArticleBot.Core.Tests.Fakes;

namespace ArticleBot.Core.Tests.Language.English;

public sealed class EnglishIrregularsTests
{
    [Theory]
    [InlineData("built", "build")]
    [InlineData("sang", "sing")]
    [InlineData("written", "write")]
    [InlineData("children", "child")]
    [InlineData("led", "lead")]
    public void Base_IrregularForm_IsItsBaseForm(string form, string expected)
    {
        Assert.Equal(expected, EnglishIrregulars.Base(form));
    }

    [Theory]
    [InlineData("found")] // to found a company, not only the past of "find"
    [InlineData("left")]
    [InlineData("build")]
    [InlineData("revenue")]
    public void Base_WordThatIsNoIrregularForm_IsUnchanged(string word)
    {
        Assert.Equal(word, EnglishIrregulars.Base(word));
    }

    [Fact]
    public void Analyze_IrregularPastTense_FindsTheGlossesOfItsBaseForm()
    {
        // "to build" is 建造, 建设 …; before, "built" was a word the corpus lacked.
        var built = TestCorpus.Search.Analyze("What did OpenAI build?").Groups.Single(g => g.Label == "build");
        var plan = TestCorpus.Search.Analyze("What has OpenAI built?");

        var group = plan.Groups.Single(g => g.Label == "built");
        Assert.True(group.InCorpus);
        Assert.Equal(built.Alternatives, group.Alternatives);
    }
}
