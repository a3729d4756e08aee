using System.IO.Compression;
using System.Text;
using System.Text.Json;
using ArticleBot.Core.Corpus;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig.Content;
using W = DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace ArticleBot.Ingest.Tests;

public sealed class ImportTests
{
    private const string Chinese = "腾讯宣布2月1日上线春节活动，用户上元宝App分10亿现金红包，单个红包可达万元。";

    static ImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string NewsPage(string charsetMeta, string paragraph) => $$"""
        <!DOCTYPE html>
        <html><head><meta charset="{{charsetMeta}}"><title>春节红包大战 - 新闻网</title>
        <meta name="author" content="熊志">
        <meta property="article:published_time" content="2026-01-28T08:00:00Z">
        </head><body>
        <nav><a href="/">首页</a> <a href="/tech">科技</a></nav>
        <article><h1>春节红包大战</h1>
        <p>{{paragraph}}</p>
        <p>字节跳动旗下的豆包凭借强大的情绪价值供给能力，早已在日活用户上构筑了极高的防御堡垒。</p>
        <p>阿里巴巴的战略级产品千问则深挖外卖、办公与电商生态，将AI插件化，同样声势浩大。</p>
        </article><footer>版权所有</footer></body></html>
        """;

    private static async Task<ImportRefusedException> RefusedAsync(TestImporter importer, string input)
    {
        var refused = await Assert.ThrowsAsync<ImportRefusedException>(() => importer.Importer.ImportAsync(input, Token));
        return refused;
    }

    [Fact]
    public async Task A_web_page_keeps_its_title_byline_date_and_url()
    {
        using var server = new PageServer();
        server.Serve("/news/1.html", PageResponse.Html(NewsPage("utf-8", Chinese)));
        using var importer = new TestImporter();
        var url = server.Url("/news/1.html").AbsoluteUri;

        var article = await importer.Importer.ImportAsync(url, Token);

        Assert.Equal("web", article.Kind);
        Assert.Contains("春节红包大战", article.Title, StringComparison.Ordinal);
        Assert.Equal("熊志", article.Byline);
        Assert.Equal(new DateTimeOffset(2026, 1, 28, 8, 0, 0, TimeSpan.Zero), article.Published);
        Assert.Equal(url, article.Url);
        var text = importer.SeedText(article);
        Assert.StartsWith($"# {article.Title}\n\nBy 熊志\n\n", text, StringComparison.Ordinal);
        Assert.Contains(Chinese, text, StringComparison.Ordinal);
        Assert.DoesNotContain("首页", text, StringComparison.Ordinal);
        Assert.Equal([$"imported{Path.DirectorySeparatorChar}{article.Id}.md", $"imported{Path.DirectorySeparatorChar}{article.Id}.meta.json"], importer.Files());

        // The seed loader reads it like any seed, with its title and URL for citations.
        var documents = new SeedLoader(Microsoft.Extensions.Logging.Abstractions.NullLogger<SeedLoader>.Instance).Load(importer.Seeds, importer.Seeds);
        var document = Assert.Single(documents);
        Assert.Equal(article.Title, document.Title);
        Assert.Equal(url, document.Url);
        Assert.Equal(text, document.Text);
    }

    [Fact]
    public async Task A_page_whose_meta_says_gb2312_over_utf8_bytes_reads_right()
    {
        using var server = new PageServer();
        server.Serve("/a", PageResponse.Ok("text/html", Encoding.UTF8.GetBytes(NewsPage("gb2312", Chinese))));
        using var importer = new TestImporter();

        var article = await importer.Importer.ImportAsync(server.Url("/a").AbsoluteUri, Token);

        Assert.Contains(Chinese, importer.SeedText(article), StringComparison.Ordinal);
        Assert.Equal("utf-8", article.Encoding);
        Assert.NotNull(article.EncodingNote);
    }

    [Theory]
    [InlineData("gb18030", "text/html; charset=gbk", "gbk")]
    [InlineData("gb18030", "text/html", "gb2312")]
    [InlineData("big5", "text/html; charset=big5", "big5")]
    [InlineData("big5", "text/html", "big5")]
    public async Task Legacy_chinese_pages_read_right(string encoding, string contentType, string meta)
    {
        var paragraph = encoding == "big5" ? "騰訊宣布2月1日上線春節活動，用戶上元寶App分10億現金紅包，單個紅包可達萬元。" : Chinese;
        var html = NewsPage(meta, paragraph);
        if (encoding == "big5")
        {
            html = html.Replace("腾讯", "騰訊", StringComparison.Ordinal);
        }

        using var server = new PageServer();
        server.Serve("/a", PageResponse.Ok(contentType, Encoding.GetEncoding(encoding).GetBytes(html)));
        using var importer = new TestImporter();

        var article = await importer.Importer.ImportAsync(server.Url("/a").AbsoluteUri, Token);

        Assert.Contains(paragraph, importer.SeedText(article), StringComparison.Ordinal);
        Assert.Equal(encoding, article.Encoding);
    }

    [Fact]
    public async Task A_pdf_imports_its_text()
    {
        using var importer = new TestImporter();
        var path = Path.Combine(importer.Seeds, "..", $"report-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, Pdf("Quarterly report", "Revenue grew by 12 percent in the third quarter.", "The board approved a new dividend."));
        try
        {
            var article = await importer.Importer.ImportAsync(path, Token);

            Assert.Equal("pdf", article.Kind);
            Assert.Equal("Quarterly report", article.Title);
            var text = importer.SeedText(article);
            Assert.Contains("Revenue grew by 12 percent in the third quarter.", text, StringComparison.Ordinal);
            Assert.Contains("The board approved a new dividend.", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_pdf_without_a_text_layer_has_no_text_to_import()
    {
        using var server = new PageServer();
        server.Serve("/scan.pdf", PageResponse.Ok("application/pdf", Pdf(null)));
        using var importer = new TestImporter();

        var refused = await RefusedAsync(importer, server.Url("/scan.pdf").AbsoluteUri);

        Assert.Equal(RefusalReason.NoText, refused.Reason);
        Assert.Contains("No text to import", refused.Message, StringComparison.Ordinal);
        Assert.Empty(importer.Files());
    }

    [Fact]
    public async Task A_damaged_pdf_is_refused()
    {
        using var server = new PageServer();
        server.Serve("/bad.pdf", PageResponse.Ok("application/pdf", "%PDF-1.7\nthis is not a pdf"u8.ToArray()));
        using var importer = new TestImporter();

        var refused = await RefusedAsync(importer, server.Url("/bad.pdf").AbsoluteUri);

        Assert.True(refused.Reason is RefusalReason.Damaged or RefusalReason.NoText, refused.Message);
        Assert.Empty(importer.Files());
    }

    [Fact]
    public async Task A_word_document_imports_its_paragraphs()
    {
        using var server = new PageServer();
        server.Serve("/memo.docx", PageResponse.Ok("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Docx("Board memo", "The merger closes in March.", "字节跳动旗下的豆包早已在日活用户上构筑了极高的防御堡垒。")));
        using var importer = new TestImporter();

        var article = await importer.Importer.ImportAsync(server.Url("/memo.docx").AbsoluteUri, Token);

        Assert.Equal("docx", article.Kind);
        Assert.Equal("Board memo", article.Title);
        var text = importer.SeedText(article);
        Assert.Contains("The merger closes in March.\n\n字节跳动旗下的豆包", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_word_file_that_unpacks_to_far_more_than_it_weighs_is_refused_as_a_zip_bomb()
    {
        using var importer = new TestImporter(new IngestOptions { AllowPrivateAddresses = true, MaxCompressionRatio = 100 });
        var path = Path.Combine(Path.GetTempPath(), $"bomb-{Guid.NewGuid():N}.docx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize);
            using var stream = entry.Open();
            stream.Write(new byte[8 * 1024 * 1024]);
        }

        try
        {
            var refused = await RefusedAsync(importer, path);

            Assert.Equal(RefusalReason.ZipBomb, refused.Reason);
            Assert.Contains("Ingest:MaxCompressionRatio", refused.Message, StringComparison.Ordinal);
            Assert.Empty(importer.Files());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_word_file_that_unpacks_past_MaxUnpackedBytes_is_refused()
    {
        using var importer = new TestImporter(new IngestOptions { AllowPrivateAddresses = true, MaxUnpackedBytes = 4096 });
        var refused = await RefusedAsync(importer, await WriteTempAsync("big.docx", Docx("T", string.Concat(Enumerable.Repeat("A sentence of the memo. ", 400)))));

        Assert.Equal(RefusalReason.ZipBomb, refused.Reason);
        Assert.Contains("Ingest:MaxUnpackedBytes", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_and_markdown_files_import_with_their_title()
    {
        using var importer = new TestImporter();
        var path = await WriteTempAsync("notes.md", Encoding.UTF8.GetBytes("# Field notes\n\nFirst paragraph\ncontinues here.\n\nSecond paragraph.\n"));

        var article = await importer.Importer.ImportAsync(path, Token);

        Assert.Equal("Field notes", article.Title);
        Assert.Equal("# Field notes\n\nFirst paragraph continues here.\n\nSecond paragraph.\n", importer.SeedText(article));
    }

    [Fact]
    public async Task The_same_text_twice_is_a_duplicate()
    {
        using var server = new PageServer();
        server.Serve("/a", PageResponse.Html(NewsPage("utf-8", Chinese)));
        server.Serve("/b", PageResponse.Html(NewsPage("utf-8", Chinese)));
        using var importer = new TestImporter();
        var first = await importer.Importer.ImportAsync(server.Url("/a").AbsoluteUri, Token);
        var files = importer.Files();

        var refused = await RefusedAsync(importer, server.Url("/b").AbsoluteUri);

        Assert.Equal(RefusalReason.Duplicate, refused.Reason);
        Assert.Contains(first.Id, refused.Message, StringComparison.Ordinal);
        Assert.Equal(files, importer.Files());
    }

    [Fact]
    public async Task An_article_larger_than_MaxSeedFileBytes_is_refused()
    {
        using var importer = new TestImporter(maxSeedFileBytes: 2048);
        var path = await WriteTempAsync("long.txt", Encoding.UTF8.GetBytes(string.Join("\n\n", Enumerable.Repeat("A long paragraph of the article that goes on.", 100))));

        var refused = await RefusedAsync(importer, path);

        Assert.Equal(RefusalReason.TooLarge, refused.Reason);
        Assert.Contains("Corpus:MaxSeedFileBytes", refused.Message, StringComparison.Ordinal);
        Assert.Empty(importer.Files());
    }

    [Theory]
    [InlineData("photo.png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0 })]
    [InlineData("archive.zip", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0, 0 })]
    [InlineData("fake.pdf", new byte[] { 0x41, 0x42 })]
    [InlineData("empty.txt", new byte[] { 0x20, 0x0A })]
    public async Task Files_that_are_not_articles_are_refused(string name, byte[] bytes)
    {
        using var importer = new TestImporter();

        var refused = await RefusedAsync(importer, await WriteTempAsync(name, bytes));

        Assert.True(refused.Reason is RefusalReason.UnsupportedType or RefusalReason.Damaged or RefusalReason.NoText, refused.Message);
        Assert.Empty(importer.Files());
    }

    [Theory]
    [InlineData("")]
    [InlineData("/no/such/file.txt")]
    public async Task Missing_input_is_refused(string input)
    {
        using var importer = new TestImporter();

        var refused = await RefusedAsync(importer, input);

        Assert.Equal(RefusalReason.BadInput, refused.Reason);
    }

    [Fact]
    public async Task Articles_are_listed_and_removed()
    {
        using var importer = new TestImporter();
        var a = await importer.Importer.ImportAsync(await WriteTempAsync("a.txt", "First article text."u8.ToArray()), Token);
        var b = await importer.Importer.ImportAsync(await WriteTempAsync("b.txt", "Second article text."u8.ToArray()), Token);

        Assert.Equal([a.Id, b.Id], importer.Importer.List().Select(x => x.Id).Order(StringComparer.Ordinal).ToArray().Order(StringComparer.Ordinal));
        importer.Importer.Remove(a.Id);

        Assert.Equal([b.Id], importer.Importer.List().Select(x => x.Id));
        Assert.Equal(RefusalReason.NotFound, Assert.Throws<ImportRefusedException>(() => importer.Importer.Remove(a.Id)).Reason);
        Assert.Equal(2, importer.Files().Length);
    }

    [Fact]
    public async Task The_metadata_file_is_plain_json()
    {
        using var importer = new TestImporter();
        var article = await importer.Importer.ImportAsync(await WriteTempAsync("c.txt", "Some text."u8.ToArray()), Token);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(importer.Seeds, "imported", article.Id + ".meta.json")));

        Assert.Equal(article.Id, json.RootElement.GetProperty("id").GetString());
        Assert.Equal(article.Sha256, json.RootElement.GetProperty("sha256").GetString());
    }

    internal static byte[] Pdf(string? title, params string[] lines)
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        if (title is null)
        {
            page.DrawRectangle(new PdfPoint(50, 50), 200, 300, 2, fill: false); // a scan: drawing, no text
        }
        else
        {
            builder.DocumentInformation.Title = title;
            var font = builder.AddStandard14Font(Standard14Font.Helvetica);
            var y = 760.0;
            foreach (var line in lines)
            {
                page.AddText(line, 12, new PdfPoint(60, y), font);
                y -= 40;
            }
        }

        return builder.Build();
    }

    internal static byte[] Docx(string title, params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body(paragraphs.Select(p => (OpenXmlElement)new W.Paragraph(new W.Run(new W.Text(p))))));
            document.PackageProperties.Title = title;
        }

        return stream.ToArray();
    }

    private static async Task<string> WriteTempAsync(string name, byte[] bytes)
    {
        var folder = Directory.CreateTempSubdirectory("articlebot-input-").FullName;
        var path = Path.Combine(folder, name);
        await File.WriteAllBytesAsync(path, bytes, Token);
        return path;
    }
}
