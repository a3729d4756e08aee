using System.Text;
using System.Text.RegularExpressions;

namespace ArticleBot.Benchmarks;

/// <summary>
/// Makes a large corpus from the seed article: each generated article keeps the byline and headings, shuffles the
/// body paragraphs and varies every number, so the index sees many distinct documents with realistic text.
/// </summary>
public static partial class CorpusGenerator
{
    /// <summary>Writes <paramref name="count"/> articles into <paramref name="directory"/>; returns the total size in characters.</summary>
    public static long Write(string seedText, int count, string directory, int seed = 42)
    {
        Directory.CreateDirectory(directory);
        var random = new Random(seed);
        var lines = seedText.Split('\n');
        var head = lines.Take(2).ToArray();
        var body = lines.Skip(2).ToArray();
        long total = 0;
        for (var i = 0; i < count; i++)
        {
            var shuffled = body.OrderBy(_ => random.Next()).Select(line => NumberRegex().Replace(line, m => Vary(m.Value, random)));
            var text = string.Join('\n', head.Concat(shuffled));
            total += text.Length;
            File.WriteAllText(Path.Combine(directory, $"article-{i:D4}.txt"), text, new UTF8Encoding(false));
        }

        return total;
    }

    private static string Vary(string number, Random random) =>
        long.TryParse(number, out var n) ? Math.Max(1, n + random.Next(-(int)Math.Min(n, 50), 50)).ToString(System.Globalization.CultureInfo.InvariantCulture) : number;

    [GeneratedRegex(@"\d+")]
    private static partial Regex NumberRegex();
}
