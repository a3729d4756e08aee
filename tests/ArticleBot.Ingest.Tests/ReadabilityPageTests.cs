using System.Text;
using AngleSharp.Html.Parser;

namespace ArticleBot.Ingest.Tests;

/// <summary>
/// Mozilla Readability's own test pages (a subset, see ReadabilityPages/README.md), served over HTTP from a loopback
/// server and imported: the imported text must match the text of Readability's <c>expected.html</c>.
/// </summary>
public sealed class ReadabilityPageTests
{
    private static readonly string s_folder = Path.Combine(AppContext.BaseDirectory, "ReadabilityPages");

    static ReadabilityPageTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task Imported_text_matches_readability_expected_text()
    {
        using var server = new PageServer();
        using var importer = new TestImporter();
        var scores = new List<(string Page, double F1)>();
        foreach (var page in Directory.GetDirectories(s_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            // Served as a web server would: content type without a charset, so the page's meta (and the bytes) decide.
            server.Serve($"/{page}/", PageResponse.Ok("text/html", File.ReadAllBytes(Path.Combine(s_folder, page!, "source.html"))));
            var article = await importer.Importer.ImportAsync(server.Url($"/{page}/").AbsoluteUri, TestContext.Current.CancellationToken);
            var imported = Body(importer.SeedText(article), article.Title, article.Byline);
            var expected = TextOf(File.ReadAllText(Path.Combine(s_folder, page!, "expected.html")));
            scores.Add((page!, TokenF1.Score(imported, expected)));
        }

        var median = Median(scores.Select(s => s.F1));

        // The figures, for bench/import.sh (which prints them) and for anyone reading the test's output folder.
        var report = $"median token F1 {median:F3} over {scores.Count} pages\n" + string.Join("\n", scores.Select(s => $"{s.Page}\t{s.F1:F3}")) + "\n";
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "readability-f1.txt"), report, TestContext.Current.CancellationToken);
        Assert.True(median >= 0.95, $"median token F1 {median:F3} < 0.95: " + string.Join(", ", scores.Select(s => $"{s.Page} {s.F1:F3}")));
        Assert.All(scores, s => Assert.True(s.F1 >= 0.80, $"{s.Page}: token F1 {s.F1:F3}"));
    }

    [Fact]
    public async Task A_gb18030_copy_of_a_chinese_news_page_served_with_an_http_charset_reads_like_the_original()
    {
        var source = File.ReadAllText(Path.Combine(s_folder, "qq", "source.html"));
        using var server = new PageServer();
        server.Serve("/utf8", PageResponse.Ok("text/html", Encoding.UTF8.GetBytes(source)));
        server.Serve("/gbk", PageResponse.Ok("text/html; charset=GBK", Encoding.GetEncoding("gb18030").GetBytes(source)));
        using var first = new TestImporter();
        using var second = new TestImporter();

        var utf8 = await first.Importer.ImportAsync(server.Url("/utf8").AbsoluteUri, TestContext.Current.CancellationToken);
        var gbk = await second.Importer.ImportAsync(server.Url("/gbk").AbsoluteUri, TestContext.Current.CancellationToken);

        Assert.Equal(first.SeedText(utf8), second.SeedText(gbk));
        Assert.Equal("gb18030", gbk.Encoding);
        Assert.Equal("utf-8", utf8.Encoding);
        Assert.NotNull(utf8.EncodingNote); // its meta says gb2312 over UTF-8 bytes
    }

    [Fact]
    public void Token_f1_counts_cjk_characters_and_words()
    {
        Assert.Equal(["人", "工", "智", "能", "ai", "2026"], TokenF1.Tokens("人工智能, AI 2026!"));
        Assert.Equal(1.0, TokenF1.Score("Hello, world", "hello world"));
        Assert.Equal(0.5, TokenF1.Score("a b", "a c"));
    }

    /// <summary>The seed text without the title heading and byline the importer put above the body.</summary>
    private static string Body(string seed, string? title, string? byline)
    {
        var lines = seed.Split("\n\n").ToList();
        if (title is not null && lines.Count > 0 && lines[0] == "# " + title)
        {
            lines.RemoveAt(0);
        }

        if (byline is not null && lines.Count > 0 && lines[0].EndsWith(byline, StringComparison.Ordinal))
        {
            lines.RemoveAt(0);
        }

        return string.Join("\n\n", lines);
    }

    private static string TextOf(string html)
    {
        using var document = new HtmlParser().ParseDocument(html);
        return document.Body?.TextContent ?? document.DocumentElement.TextContent;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
