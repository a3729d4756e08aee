using ArticleBot.Core.Answering.Gate;

namespace ArticleBot.Core.Tests.Answering.Gate;

public sealed class GateFeatureFileTests
{
    [Fact]
    public void RowsReadBack()
    {
        var features = new GateFeatures(0.5, 0.25, 1, 0, 1, 1, 0, 0.125, 1, 1, 0.5, 0.75, 1, 0, 1, 0, 1, 0);
        var text = GateFeatureFile.Header + "\n" + GateFeatureFile.Row("q\t1", true, features) + "\n\n";

        var rows = GateFeatureFile.Read(new StringReader(text));

        var row = Assert.Single(rows);
        Assert.True(row.Right);
        Assert.Equal(features.ToVector(), row.X);
    }

    [Fact]
    public void OtherHeader_IsRejected()
    {
        var error = Assert.Throws<FormatException>(() => GateFeatureFile.Read(new StringReader("id\tright\tcoverage\n")));
        Assert.StartsWith("line 1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("q1\t2\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0")]
    [InlineData("q1\t1\t0\t0")]
    [InlineData("q1\t1\tx\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0")]
    public void BadRow_NamesTheLine(string row)
    {
        var error = Assert.Throws<FormatException>(() => GateFeatureFile.Read(new StringReader(GateFeatureFile.Header + "\n" + row)));
        Assert.StartsWith("line 2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1e999")]
    public void NotFiniteFeature_NamesTheLineAndTheFeature(string value)
    {
        var row = string.Join('\t', new[] { "q1", "1" }.Concat(GateFeatures.Names.Select((_, i) => i == 2 ? value : "0")));

        var error = Assert.Throws<FormatException>(() => GateFeatureFile.Read(new StringReader(GateFeatureFile.Header + "\n" + row)));

        Assert.Equal($"line 2: {GateFeatures.Names[2]} is '{value}', not a finite number", error.Message);
    }

    [Theory]
    [InlineData(true, "all 3 rows are right (1)")]
    [InlineData(false, "all 3 rows are wrong (0)")]
    public void OneClassOnly_CannotBeFitted(bool right, string expected)
    {
        var rows = Enumerable.Range(0, 3).Select(_ => (new double[GateFeatures.Names.Count], right)).ToList();

        Assert.StartsWith(expected, GateFeatureFile.CannotFit(rows), StringComparison.Ordinal);
        Assert.Null(GateFeatureFile.CannotFit([.. rows, (new double[GateFeatures.Names.Count], !right)]));
    }
}
