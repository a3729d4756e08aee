using System.Diagnostics;
using ArticleBot.Ingest.Extraction;
using ArticleBot.Ingest.Fetching;
using ArticleBot.Ingest.Storage;
using ArticleBot.Ingest.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArticleBot.Ingest.Importing;

/// <summary>
/// Imports a reader's article from a link or a file into the seeds folder: fetches it safely, recognises what it is
/// (web page, PDF, Word, text) by its content type and its first bytes, extracts the main text and stores it as a
/// seed file with its metadata. Every refusal is an <see cref="ImportRefusedException"/> that names its reason, and
/// leaves the seeds folder as it was.
/// </summary>
public sealed partial class ArticleImporter(SafeFetcher fetcher, IArticleStore store, IOptions<IngestOptions> options, ILogger<ArticleImporter> logger)
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The imported articles (the shared ones, or those of <paramref name="from"/>).</summary>
    public IReadOnlyList<StoredArticle> List(IArticleStore? from = null) => (from ?? store).List();

    /// <summary>The store of one Discord server's articles (<c>{seeds}/guilds/{guildId}/imported/</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="guildId"/> is not a Discord server id.</exception>
    public IArticleStore GuildStore(string guildId) => store.ForGuild(guildId);

    /// <summary>Removes an imported article by id (a shared one, or one of <paramref name="from"/>).</summary>
    /// <exception cref="ImportRefusedException">No imported article has that id.</exception>
    public StoredArticle Remove(string id, IArticleStore? from = null)
    {
        var removed = (from ?? store).Remove(id);
        Log.Removed(logger, removed.Id);
        return removed;
    }

    /// <summary>
    /// Imports a link into <paramref name="into"/>: only http and https, fetched under the same rules as every link
    /// (never a path: a chat user must not be able to name the machine's files).
    /// </summary>
    /// <exception cref="ImportRefusedException">Refused; the message says why.</exception>
    public Task<StoredArticle> ImportLinkAsync(Uri url, IArticleStore into, CancellationToken cancellationToken = default) =>
        FetchAndStoreAsync(url, null, into, cancellationToken);

    /// <summary>
    /// Imports an uploaded file from where the chat service keeps it (a Discord attachment's URL), fetched like a
    /// link; the article is recorded by <paramref name="fileName"/>, not by that URL (such links expire).
    /// </summary>
    /// <exception cref="ImportRefusedException">Refused; the message says why.</exception>
    public Task<StoredArticle> ImportAttachmentAsync(Uri url, string fileName, IArticleStore into, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        return FetchAndStoreAsync(url, fileName, into, cancellationToken);
    }

    private async Task<StoredArticle> FetchAndStoreAsync(Uri url, string? fileName, IArticleStore into, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(into);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ImportRefusedException(RefusalReason.UnsupportedScheme, $"Refused {url}: only http and https links are fetched.");
        }

        var started = Stopwatch.GetTimestamp();
        var fetched = await fetcher.FetchAsync(url, cancellationToken);
        var article = FromWeb(fetched);
        var stored = fileName is null
            ? into.Add(article, fetched.Url.AbsoluteUri, null, fetched.MediaType)
            : into.Add(article, null, fileName, fetched.MediaType);
        Logged(stored, started);
        return stored;
    }

    private void Logged(StoredArticle stored, long started)
    {
        var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Log.Imported(logger, stored.Id, stored.Kind, stored.Bytes, elapsedMs);
        if (stored.EncodingNote is { } note)
        {
            Log.EncodingDisagreement(logger, stored.Id, note);
        }
    }

    /// <summary>Imports <paramref name="urlOrPath"/>: an http(s) link, or a file on this machine.</summary>
    /// <exception cref="ImportRefusedException">Refused; the message says why.</exception>
    public async Task<StoredArticle> ImportAsync(string urlOrPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(urlOrPath);
        var input = urlOrPath.Trim();
        if (input.Length == 0)
        {
            throw new ImportRefusedException(RefusalReason.BadInput, "Nothing to import: give a link (http or https) or a file.");
        }

        // A path names a file on this machine; anything else that parses as an absolute URI must be http or https
        // (file:, ftp:, data: and the rest are refused, so a link can never be a way to read the machine's files).
        if (!Path.IsPathRooted(input) && Uri.TryCreate(input, UriKind.Absolute, out var url))
        {
            if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            {
                throw new ImportRefusedException(RefusalReason.UnsupportedScheme, $"Refused {url}: only http and https links are fetched.");
            }

            return await FetchAndStoreAsync(url, null, store, cancellationToken);
        }

        var started = Stopwatch.GetTimestamp();
        var bytes = await ReadFileAsync(input, cancellationToken);
        var name = Path.GetFileName(input);
        var stored = store.Add(FromFile(bytes, name), null, name, null);
        Logged(stored, started);
        return stored;
    }

    /// <summary>Reads what a fetch returned, by its content type (or its first bytes when the server does not say).</summary>
    internal ExtractedArticle FromWeb(FetchedResource fetched)
    {
        var name = fetched.Url.AbsoluteUri;
        switch (fetched.MediaType)
        {
            case "text/html" or "application/xhtml+xml":
                return Html(fetched.Bytes, fetched.Url, fetched.Charset);
            case "application/pdf":
                return PdfExtractor.Extract(fetched.Bytes, name);
            case DocxType:
                return DocxExtractor.Extract(fetched.Bytes, name, options.Value);
            case "text/plain" or "text/markdown" or "text/x-markdown":
                return Text(fetched.Bytes, fetched.Charset, Path.GetFileNameWithoutExtension(fetched.Url.AbsolutePath));
            case null or "" or "application/octet-stream" or "binary/octet-stream":
                return Sniffed(fetched.Bytes, name, fetched.Url.AbsolutePath, fetched.Url);
            default:
                throw new ImportRefusedException(RefusalReason.UnsupportedType,
                    $"Refused {name}: its content type {fetched.MediaType} is not an article (a web page, PDF, Word .docx or text).");
        }
    }

    /// <summary>Reads a file, by its first bytes and then its extension.</summary>
    internal ExtractedArticle FromFile(byte[] bytes, string name) => Sniffed(bytes, name, name, null);

    private ExtractedArticle Sniffed(byte[] bytes, string name, string path, Uri? url)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (bytes.AsSpan().StartsWith("%PDF-"u8))
        {
            return PdfExtractor.Extract(bytes, name);
        }

        if (bytes.AsSpan().StartsWith("PK\x03\x04"u8))
        {
            return extension == ".docx" || url is not null
                ? DocxExtractor.Extract(bytes, name, options.Value)
                : throw new ImportRefusedException(RefusalReason.UnsupportedType, $"Refused {name}: it is a zip archive; only Word .docx files of that kind are read.");
        }

        if (extension == ".docx" || extension == ".pdf")
        {
            throw new ImportRefusedException(RefusalReason.Damaged, $"Could not read {name}: it is named {extension} but is not one.");
        }

        if (extension is ".html" or ".htm" or ".xhtml" || LooksLikeHtml(bytes))
        {
            return Html(bytes, url ?? new Uri("file:///" + Uri.EscapeDataString(name)), null);
        }

        if (extension is ".txt" or ".md" or ".markdown" or ".text" || (url is not null && !LooksBinary(bytes)))
        {
            return Text(bytes, null, Path.GetFileNameWithoutExtension(name));
        }

        throw new ImportRefusedException(RefusalReason.UnsupportedType,
            $"Refused {name}: it is not an article this bot reads (a web page, PDF, Word .docx, .txt or .md).");
    }

    private static ExtractedArticle Html(byte[] bytes, Uri url, string? charset)
    {
        var decoded = TextDecoder.Decode(bytes, charset);
        return HtmlExtractor.Extract(decoded.Text, url, decoded.EncodingName, decoded.Disagreement);
    }

    private static ExtractedArticle Text(byte[] bytes, string? charset, string name)
    {
        if (LooksBinary(bytes))
        {
            throw new ImportRefusedException(RefusalReason.UnsupportedType, $"Refused {name}: it is binary, not text.");
        }

        var decoded = TextDecoder.Decode(bytes, charset, lookForMeta: false);
        var paragraphs = Paragraphs.FromBlocks(decoded.Text);
        if (paragraphs.Count == 0)
        {
            throw new ImportRefusedException(RefusalReason.NoText, $"No text to import: {name} is empty.");
        }

        string? title = null;
        if (paragraphs[0].StartsWith("# ", StringComparison.Ordinal))
        {
            title = paragraphs[0][2..].Trim();
            paragraphs.RemoveAt(0);
        }

        if (paragraphs.Count == 0)
        {
            throw new ImportRefusedException(RefusalReason.NoText, $"No text to import: {name} has only a title.");
        }

        return new ExtractedArticle(ArticleKind.Text, title ?? name, null, null, paragraphs, decoded.EncodingName, decoded.Disagreement);
    }

    private async Task<byte[]> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        FileInfo info;
        try
        {
            info = new FileInfo(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ImportRefusedException(RefusalReason.BadInput, $"'{path}' is neither an http(s) link nor a file name: {ex.Message}");
        }

        if (!info.Exists)
        {
            throw new ImportRefusedException(RefusalReason.BadInput,
                Directory.Exists(path) ? $"'{path}' is a folder; give one file." : $"No such file: '{path}' (and it is not an http or https link).");
        }

        if (info.Length > options.Value.MaxBytes)
        {
            throw new ImportRefusedException(RefusalReason.TooLarge,
                $"Refused {info.Name}: it is {info.Length:N0} bytes, more than Ingest:MaxBytes ({options.Value.MaxBytes:N0}).");
        }

        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ImportRefusedException(RefusalReason.BadInput, $"Could not read '{path}': {ex.Message}", ex);
        }
    }

    private static bool LooksLikeHtml(byte[] bytes)
    {
        var head = System.Text.Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 1024)).TrimStart('\uFEFF', '\u00EF', '\u00BB', '\u00BF', ' ', '\r', '\n', '\t');
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Text has no NUL bytes (UTF-16 files carry a BOM, which is read before this is asked).</summary>
    private static bool LooksBinary(byte[] bytes) =>
        !(bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) && bytes.AsSpan(0, Math.Min(bytes.Length, 8192)).Contains((byte)0);

    private static partial class Log
    {
        [LoggerMessage(EventId = 9010, EventName = "ArticleImported", Level = LogLevel.Information,
            Message = "Imported article {Id} ({Kind}, {Bytes} bytes) in {ElapsedMs} ms")]
        public static partial void Imported(ILogger logger, string id, string kind, long bytes, long elapsedMs);

        [LoggerMessage(EventId = 9011, EventName = "ArticleEncodingDisagreement", Level = LogLevel.Warning,
            Message = "Article {Id}: the declared encodings disagree ({Note})")]
        public static partial void EncodingDisagreement(ILogger logger, string id, string note);

        [LoggerMessage(EventId = 9012, EventName = "ArticleRemoved", Level = LogLevel.Information, Message = "Removed imported article {Id}")]
        public static partial void Removed(ILogger logger, string id);
    }
}
