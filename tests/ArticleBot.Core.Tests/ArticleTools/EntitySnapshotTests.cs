using System.Text;
using ArticleBot.Core.ArticleTools;
using ArticleBot.Core.Search;
using ArticleBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleBot.Core.Tests.ArticleTools;

/// <summary>
/// The entity finder's findings on the seed article and on the articles of the three external sets (eval/ext), against snapshots written
/// by the finder as it was before it was made linear (a name-by-name sweep over the whole article): every entity with
/// its name, kind, country, count, passages and names, and the entities each passage's text names. Any change in what
/// is found, counted, ordered or named fails here.
/// </summary>
public sealed class EntitySnapshotTests
{
    [Theory]
    [InlineData("seeds", "entities-seed.txt")]
    [InlineData("eval/ext/seeds-drcd-test", "entities-drcd-test.txt")]
    [InlineData("eval/ext/seeds-cmrc-train", "entities-cmrc-train.txt")]
    [InlineData("eval/ext/seeds-xquad-dev-en", "entities-xquad-dev-en.txt")]
    public void Entities_AreThoseOfTheSnapshot(string seedsPath, string snapshot)
    {
        using var host = TestCorpus.BuildHost(AppContext.BaseDirectory, new Dictionary<string, string?>
        {
            ["Corpus:SeedsPath"] = seedsPath,
            ["Corpus:CachePath"] = TestCorpus.SharedCachePath,
        });

        var actual = Dump(host.Services.GetRequiredService<ArticleSearch>(), host.Services.GetRequiredService<EntityFinder>());

        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ArticleTools", "Snapshots", snapshot));
        var (a, e) = (actual.Split('\n'), expected.Split('\n'));
        var first = Enumerable.Range(0, Math.Min(a.Length, e.Length)).FirstOrDefault(i => a[i] != e[i], -1);
        Assert.True(first < 0 && a.Length == e.Length, first < 0 ? $"{a.Length} lines, expected {e.Length}" : $"line {first + 1}:\n  expected {e[first]}\n  actual   {a[first]}");
    }

    /// <summary>One line per entity (in the order of All), then one per passage: the entities its text names, in order.</summary>
    internal static string Dump(ArticleSearch search, EntityFinder finder)
    {
        var text = new StringBuilder();
        foreach (var e in finder.All)
        {
            text.Append("E\t").Append(e.Name).Append('\t').Append(e.English).Append('\t').Append(e.Kind).Append('\t').Append(e.Country ?? "-")
                .Append('\t').Append(e.Count).Append('\t').AppendJoin(',', e.Passages.Select(p => p.Id))
                .Append('\t').AppendJoin(',', finder.NamesOf(e)).Append('\n');
        }

        foreach (var passage in search.Passages)
        {
            text.Append("N\t").Append(passage.Id).Append('\t').AppendJoin(',', finder.NamedIn(passage.Text).Select(e => e.Name)).Append('\n');
        }

        return text.ToString();
    }
}
