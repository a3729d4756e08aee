using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ArticleBot.Ingest.Extraction;

/// <summary>
/// The paragraphs of a Word document, by the Open XML SDK. Before the SDK opens it, the package's zip directory is
/// checked: a file that would unpack to more than <c>Ingest:MaxUnpackedBytes</c>, or a part compressed more than
/// <c>Ingest:MaxCompressionRatio</c> times, is refused as a zip bomb, since unpacking it would fill memory or disk.
/// </summary>
public static class DocxExtractor
{
    private const int MaxEntries = 10_000;

    /// <summary>Extracts the text of the .docx in <paramref name="bytes"/>; <paramref name="name"/> names it in errors.</summary>
    /// <exception cref="ImportRefusedException">A zip bomb, damaged, or no text.</exception>
    public static ExtractedArticle Extract(byte[] bytes, string name, IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(options);
        CheckNotABomb(bytes, name, options);
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = WordprocessingDocument.Open(stream, false);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new ImportRefusedException(RefusalReason.Damaged, $"Could not read {name}: it has no document body.");
            var paragraphs = new List<string>();
            foreach (var paragraph in body.Descendants<W.Paragraph>())
            {
                var text = Paragraphs.Clean(string.Concat(paragraph.Descendants().Select(TextOf)));
                if (text.Length > 0)
                {
                    paragraphs.Add(text);
                }
            }

            if (paragraphs.Count == 0)
            {
                throw new ImportRefusedException(RefusalReason.NoText, $"No text to import: {name} has no text.");
            }

            var title = Paragraphs.Clean(document.PackageProperties.Title ?? "");
            var author = Paragraphs.Clean(document.PackageProperties.Creator ?? "");
            return new ExtractedArticle(ArticleKind.Docx, title.Length > 0 ? title : null, author.Length > 0 ? author : null, document.PackageProperties.Created is { } created ? new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc)) : null, paragraphs);
        }
        catch (ImportRefusedException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new ImportRefusedException(RefusalReason.Damaged, $"Could not read {name} as a Word document: {ex.Message}", ex);
        }
    }

    private static string TextOf(DocumentFormat.OpenXml.OpenXmlElement element) => element switch
    {
        W.Text t => t.Text,
        W.TabChar => " ",
        W.Break or W.CarriageReturn => " ",
        _ => "",
    };

    private static void CheckNotABomb(byte[] bytes, string name, IngestOptions options)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries)
            {
                throw new ImportRefusedException(RefusalReason.ZipBomb, $"Refused {name}: it holds {zip.Entries.Count:N0} parts, more than a Word document has (a zip bomb?).");
            }

            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > options.MaxUnpackedBytes)
                {
                    throw new ImportRefusedException(RefusalReason.ZipBomb,
                        $"Refused {name} as a zip bomb: it unpacks to more than Ingest:MaxUnpackedBytes ({options.MaxUnpackedBytes:N0} bytes).");
                }

                if (entry.Length > 1024 * 1024 && entry.Length > (long)options.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                {
                    throw new ImportRefusedException(RefusalReason.ZipBomb,
                        $"Refused {name} as a zip bomb: its part {entry.FullName} is compressed {entry.Length / Math.Max(1, entry.CompressedLength):N0} times, more than Ingest:MaxCompressionRatio ({options.MaxCompressionRatio}).");
                }
            }
        }
        catch (InvalidDataException ex)
        {
            throw new ImportRefusedException(RefusalReason.Damaged, $"Could not read {name} as a Word document: {ex.Message}", ex);
        }
    }
}
