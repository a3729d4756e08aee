using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace ArticleBot.Ingest.Extraction;

/// <summary>The text layer of a PDF, by PdfPig, in content order with paragraphs kept. A scan without text is refused.</summary>
public static class PdfExtractor
{
    /// <summary>Extracts the text of the PDF in <paramref name="bytes"/>; <paramref name="name"/> names it in errors.</summary>
    /// <exception cref="ImportRefusedException">Damaged, encrypted, or no text layer.</exception>
    public static ExtractedArticle Extract(byte[] bytes, string name)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var document = PdfDocument.Open(bytes);
            var paragraphs = new List<string>();
            var options = new ContentOrderTextExtractor.Options { SeparateParagraphsWithDoubleNewline = true, ReplaceWhitespaceWithSpace = true };
            foreach (var page in document.GetPages())
            {
                paragraphs.AddRange(Paragraphs.FromBlocks(ContentOrderTextExtractor.GetText(page, options)));
            }

            if (paragraphs.Count == 0)
            {
                throw new ImportRefusedException(RefusalReason.NoText,
                    $"No text to import: {name} has no text layer (a scan or only images). Run it through OCR first.");
            }

            var title = Paragraphs.Clean(document.Information.Title ?? "");
            var author = Paragraphs.Clean(document.Information.Author ?? "");
            return new ExtractedArticle(ArticleKind.Pdf, title.Length > 0 ? title : null, author.Length > 0 ? author : null, null, paragraphs);
        }
        catch (ImportRefusedException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new ImportRefusedException(RefusalReason.Damaged, $"Could not read {name} as a PDF: {ex.Message}", ex);
        }
    }
}
