using ArticleBot.Abstractions;
using ArticleBot.Core.Answering;
using ArticleBot.Core.Citations;
using ArticleBot.Core.Tests.Fakes;

namespace ArticleBot.Core.Tests.Citations;

public sealed class CitationResolverTests
{
    private static readonly CitationResolver Resolver = new(TestCorpus.Search.Corpus);
    private static readonly IReadOnlyList<Passage> Passages = TestCorpus.Search.Corpus.Passages;

    private static AnswerTurn TurnWith(params int[] passageIndexes)
    {
        var turn = new AnswerTurn();
        foreach (var i in passageIndexes)
        {
            turn.Register(Passages[i]);
        }

        return turn;
    }

    [Fact]
    public void Resolve_HallucinatedMarker_IsRemoved()
    {
        var (text, citations) = Resolver.Resolve("甲[1]。乙[9]。", TurnWith(3));

        Assert.Equal("甲[1]。乙。", text);
        Assert.Equal(Passages[3].Id, Assert.Single(citations).PassageId);
    }

    [Fact]
    public void Resolve_Markers_AreRenumberedDenselyInOrderOfAppearance()
    {
        var (text, citations) = Resolver.Resolve("A [3]. B [1]. C [3].", TurnWith(2, 5, 7));

        Assert.Equal("A [1]. B [2]. C [1].", text);
        Assert.Equal([Passages[7].Id, Passages[2].Id], citations.Select(c => c.PassageId));
        Assert.Equal([1, 2], citations.Select(c => c.N));
    }

    [Fact]
    public void Resolve_GroupedMarkers_AreSplit()
    {
        var (text, citations) = Resolver.Resolve("A [1, 2] B [2，3]", TurnWith(1, 2, 3));

        Assert.Equal("A [1][2] B [2][3]", text);
        Assert.Equal(3, citations.Count);
    }

    [Fact]
    public void Resolve_EveryQuote_IsTheSeedFileSlice()
    {
        var (_, citations) = Resolver.Resolve("[1][2][3]", TurnWith(0, 10, 20));
        var seed = TestCorpus.SeedText;

        Assert.All(citations, c => Assert.Equal(seed[c.Start..c.End], c.Quote));
    }

    [Fact]
    public void ToCitation_PassageThatDoesNotMatchItsFile_IsRejected()
    {
        var forged = Passages[4] with { Text = "OpenAI每年收入一萬億美元。" };

        Assert.Null(Resolver.ToCitation(1, forged));
        var (text, citations) = Resolver.Resolve("假的[1]", TurnWithPassage(forged));
        Assert.Empty(citations);
        Assert.Equal("假的", text);
    }

    private static AnswerTurn TurnWithPassage(Passage passage)
    {
        var turn = new AnswerTurn();
        turn.Register(passage);
        return turn;
    }
}
