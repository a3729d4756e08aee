using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using SmartReader;

namespace ArticleBot.Ingest.Extraction;

/// <summary>
/// The main text of a web page, by SmartReader (a port of Mozilla's Readability): the article's title, byline,
/// publication date and paragraphs, without navigation, ads and comments. Paragraphs are read from the HTML that
/// Readability keeps, one per block element, so a reader's quote maps to one paragraph of the page.
/// </summary>
public static class HtmlExtractor
{
    private static readonly HashSet<string> s_blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption", "dt", "dd", "tr", "td", "th", "div", "section", "article", "br", "table", "ul", "ol", "header", "footer", "aside", "figure", "main", "caption",
    };

    /// <summary>Extracts the article of <paramref name="html"/>, a page fetched from <paramref name="url"/>.</summary>
    /// <exception cref="ImportRefusedException">No readable article on the page.</exception>
    public static ExtractedArticle Extract(string html, Uri url, string? encoding = null, string? encodingNote = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(url);
        var reader = new Reader(url.AbsoluteUri, html) { ContinueIfNotReadable = true, Debug = false };
        Article article;
        try
        {
            article = reader.GetArticle();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new ImportRefusedException(RefusalReason.Damaged, $"Could not read the page {url}: {ex.Message}", ex);
        }

        var paragraphs = string.IsNullOrEmpty(article.Content) ? [] : ParagraphsOf(article.Content);
        if (paragraphs.Count == 0 && !string.IsNullOrWhiteSpace(article.TextContent))
        {
            paragraphs = Paragraphs.FromLines(article.TextContent);
        }

        if (paragraphs.Count == 0)
        {
            throw new ImportRefusedException(RefusalReason.NoText, $"No text to import: {url} has no readable article text.");
        }

        var title = Paragraphs.Clean(article.Title ?? "");
        var byline = Paragraphs.Clean(article.Byline ?? article.Author ?? "");
        DateTimeOffset? published = article.PublicationDate is { } date ? new DateTimeOffset(DateTime.SpecifyKind(date, DateTimeKind.Utc)) : null;
        return new ExtractedArticle(ArticleKind.Web, title.Length > 0 ? title : null, byline.Length > 0 ? byline : null, published, paragraphs, encoding, encodingNote);
    }

    /// <summary>The text of the kept HTML, one paragraph per block element.</summary>
    internal static List<string> ParagraphsOf(string content)
    {
        var parser = new HtmlParser();
        using var document = parser.ParseDocument(content);
        var lines = new System.Text.StringBuilder();
        Walk(document.Body ?? (INode)document.DocumentElement, lines);
        return Paragraphs.FromLines(lines.ToString());
    }

    private static void Walk(INode node, System.Text.StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(t.Data.Replace('\n', ' ').Replace('\r', ' '));
                    break;
                case IElement e when e.LocalName is "script" or "style" or "noscript" or "template":
                    break;
                case IElement e:
                    var block = s_blocks.Contains(e.LocalName);
                    if (block)
                    {
                        text.Append('\n');
                    }

                    Walk(e, text);
                    if (block)
                    {
                        text.Append('\n');
                    }
                    else if (e.LocalName is "td" or "th")
                    {
                        text.Append(' ');
                    }

                    break;
            }
        }
    }
}
