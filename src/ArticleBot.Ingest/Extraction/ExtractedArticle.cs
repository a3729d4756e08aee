namespace ArticleBot.Ingest.Extraction;

/// <summary>What kind of source an article came from.</summary>
public enum ArticleKind
{
    /// <summary>A web page (HTML).</summary>
    Web,

    /// <summary>A PDF file or link.</summary>
    Pdf,

    /// <summary>A Word (.docx) file or link.</summary>
    Docx,

    /// <summary>Plain text or Markdown.</summary>
    Text,
}

/// <summary>
/// An article's main text and what is known about it. <see cref="Paragraphs"/> are the body's paragraphs, each one
/// line of text (no title, no byline), in reading order.
/// </summary>
public sealed record ExtractedArticle(
    ArticleKind Kind,
    string? Title,
    string? Byline,
    DateTimeOffset? Published,
    IReadOnlyList<string> Paragraphs,
    string? Encoding = null,
    string? EncodingNote = null)
{
    /// <summary>The body as one text, paragraphs separated by blank lines.</summary>
    public string Body => string.Join("\n\n", Paragraphs);
}
