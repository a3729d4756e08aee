using ArticleBot.Core.Claims;
using ArticleBot.Training.Data;

namespace ArticleBot.Training.Tests.Data;

public sealed class NegationFreeWordsTests
{
    [Fact]
    public void Derive_TakesTwoCharacterWordsEndingInANegationThatDenyNothing_AndProperNames()
    {
        const string cedict = """
            # a comment line
            出沒 出没 [chu1 mo4] /to come and go/to roam about (mostly unseen)/(of a ghost) to haunt (a place)/
            南非 南非 [Nan2 Fei1] /South Africa/
            大別山 大别山 [Da4 bie2 Shan1] /Dabie Mountains/
            不朽 不朽 [bu4 xiu3] /to last forever/eternal/enduring/
            沒法 没法 [mei2 fa3] /at a loss/unable to do anything/
            並非 并非 [bing4 fei1] /really isn't/
            看不見 看不见 [kan4 bu5 jian4] /to be unable to see/
            絕不 绝不 [jue2 bu4] /in no way/not in the least/absolutely not/
            要不 要不 [yao4 bu4] /otherwise/else/or/
            要不 要不 [yao4 bu5] /how about .../either this, or else .../
            分別 分别 [fen1 bie2] /to part/to distinguish/difference/
            分別 分别 [fen1 bie2] /not the same (hypothetical second sense)/
            """;

        var words = NegationFreeWords.Derive(new StringReader(cedict), ClaimLexicon.Shipped);

        // Not 不朽 (the negation opens it), 没法 (inability), 并非 and 绝不 (glossed as denials), 看不见 (three characters,
        // no name), nor 分别, one of whose entries denies.
        Assert.Equal(["出没", "南非", "大别山", "要不"], words);
    }

    [Fact]
    public void TheShippedList_IsExactlyWhatTheShippedDictionaryDerives()
    {
        using var reader = CedictEntries.Open(CedictEntries.ShippedDictionary(TrainingData.Repository));
        var expected = NegationFreeWords.Text(NegationFreeWords.Derive(reader, ClaimLexicon.Shipped));

        var shipped = File.ReadAllText(Path.Combine(TrainingData.Repository, "src", "ArticleBot.Core", "Resources", "words", "claims.words-of-no-denial.txt"));

        Assert.Equal(expected, shipped);
        Assert.Contains("\n出没\n", shipped, StringComparison.Ordinal);
    }
}
