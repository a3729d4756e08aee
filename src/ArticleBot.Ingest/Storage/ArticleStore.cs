using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ArticleBot.Core.Corpus;
using ArticleBot.Ingest.Extraction;

namespace ArticleBot.Ingest.Storage;

/// <summary>
/// Keeps imported articles as ordinary seed files in <c>{seeds}/imported/</c>, so the index, citations and eval read
/// them like any other article. Each file is written beside its final name and then moved into place, the metadata
/// first and the seed file last: a reader of the folder (this process, another shard, the watcher) sees either
/// nothing or a whole article, never half of one. Removal deletes the seed file first for the same reason.
/// A Discord server's store (<see cref="ForGuild"/>) is the same in <c>{seeds}/guilds/{guildId}/imported/</c>.
/// <para>
/// It is also the local copy of a shared store (<c>Storage:Provider</c> = <c>Postgres</c>): <see cref="Prepare"/>
/// makes the record and text that store keeps, and <see cref="Write"/>, <see cref="Delete"/> and <see cref="Areas"/>
/// let it copy the database's articles here.
/// </para>
/// </summary>
public sealed class ArticleStore(string seedsFolder, long maxSeedFileBytes, TimeProvider time, string? guildId = null) : IArticleStore
{
    /// <summary>The subfolder of the seeds folder that holds imported articles.</summary>
    public const string FolderName = "imported";

    private const int MaxSlugLength = 48;

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly UTF8Encoding s_utf8 = new(false);

    /// <summary>The folder imported articles are written to.</summary>
    public string Folder { get; } = Path.Combine(guildId is null ? seedsFolder : GuildSeeds.FolderOf(seedsFolder, guildId), FolderName);

    /// <summary>The Discord server whose articles this store keeps; null for the shared articles.</summary>
    public string? GuildId => guildId;

    /// <summary>The store of one Discord server's articles, beside this (shared) one.</summary>
    /// <exception cref="ArgumentException"><paramref name="guild"/> is not a Discord server id.</exception>
    public ArticleStore ForGuild(string guild) => new(seedsFolder, maxSeedFileBytes, time, GuildSeeds.IsGuildId(guild) ? guild : throw new ArgumentException($"'{guild}' is not a Discord server id.", nameof(guild)));

    IArticleStore IArticleStore.ForGuild(string guild) => ForGuild(guild);

    /// <summary>The shared store and the store of every Discord server that has a folder here.</summary>
    public IReadOnlyList<ArticleStore> Areas()
    {
        var areas = new List<ArticleStore> { guildId is null ? this : new ArticleStore(seedsFolder, maxSeedFileBytes, time) };
        var guilds = Path.Combine(seedsFolder, GuildSeeds.FolderName);
        if (Directory.Exists(guilds))
        {
            areas.AddRange(Directory.EnumerateDirectories(guilds).Select(Path.GetFileName).Where(GuildSeeds.IsGuildId).Order(StringComparer.Ordinal).Select(g => ForGuild(g!)));
        }

        return areas;
    }

    /// <summary>Every imported article, oldest first; a metadata file without its seed file is not listed.</summary>
    public IReadOnlyList<StoredArticle> List()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var articles = new List<StoredArticle>();
        foreach (var meta in Directory.EnumerateFiles(Folder, "*" + SeedMetadata.Suffix))
        {
            var seed = meta[..^SeedMetadata.Suffix.Length] + ".md";
            if (File.Exists(seed) && Read(meta) is { } article)
            {
                articles.Add(article);
            }
        }

        return [.. articles.OrderBy(a => a.ImportedAt).ThenBy(a => a.Id, StringComparer.Ordinal)];
    }

    /// <summary>Stores an extracted article; returns what was stored.</summary>
    /// <exception cref="ImportRefusedException">
    /// A duplicate (of an article in this store, or for a server's store, of a shared one), or larger than <c>Corpus:MaxSeedFileBytes</c>.
    /// </exception>
    public StoredArticle Add(ExtractedArticle article, string? url, string? fileName, string? contentType)
    {
        var prepared = Prepare(article, url, fileName, contentType);
        // A server answers on the shared articles too: the same text again in its own store would be a duplicate.
        var alreadyAnswered = guildId is null ? List() : [.. List(), .. new ArticleStore(seedsFolder, maxSeedFileBytes, time).List()];
        if (alreadyAnswered.FirstOrDefault(a => a.Sha256 == prepared.Article.Sha256) is { } existing)
        {
            throw Duplicate(existing);
        }

        Write(prepared.Article, prepared.SeedText);
        return prepared.Article;
    }

    /// <summary>
    /// The record and seed file text of an article as this store would keep it, without writing anything.
    /// </summary>
    /// <exception cref="ImportRefusedException">Larger than <c>Corpus:MaxSeedFileBytes</c>.</exception>
    public PreparedArticle Prepare(ExtractedArticle article, string? url, string? fileName, string? contentType)
    {
        ArgumentNullException.ThrowIfNull(article);
        var text = SeedText(article, url, fileName);
        var bytes = s_utf8.GetBytes(text);
        if (bytes.LongLength > maxSeedFileBytes)
        {
            throw new ImportRefusedException(RefusalReason.TooLarge,
                $"Refused {url ?? fileName}: the article's text is {bytes.LongLength:N0} bytes, more than Corpus:MaxSeedFileBytes ({maxSeedFileBytes:N0}).");
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(article.Body)));
        var id = $"{Slug(article.Title ?? fileName ?? url)}-{sha[..8]}";
        var stored = new StoredArticle(
            id, article.Kind.ToString().ToLowerInvariant(), article.Title, article.Byline, article.Published, url, fileName, contentType,
            article.Encoding, article.EncodingNote, sha, bytes.LongLength, article.Paragraphs.Count, time.GetUtcNow(), guildId);
        return new PreparedArticle(stored, text);
    }

    /// <summary>The refusal of a second import of <paramref name="existing"/>'s text.</summary>
    public static ImportRefusedException Duplicate(StoredArticle existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        var where = existing.GuildId is null ? " (a shared article, answered in every server)" : string.Empty;
        return new ImportRefusedException(RefusalReason.Duplicate,
            $"Already imported: the same text is the article '{existing.Id}' ({existing.Title ?? existing.Url ?? existing.FileName}){where}.");
    }

    /// <summary>
    /// Writes an article's metadata and seed file (replacing any of the same id), each moved into place whole, the
    /// seed file last.
    /// </summary>
    public void Write(StoredArticle article, string seedText)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(seedText);
        Directory.CreateDirectory(Folder);
        var seedPath = Path.Combine(Folder, SafeId(article.Id) + ".md");
        WriteAtomically(SeedMetadata.PathOf(seedPath), JsonSerializer.SerializeToUtf8Bytes(article with { GuildId = guildId }, s_json));
        WriteAtomically(seedPath, s_utf8.GetBytes(seedText));
    }

    /// <summary>The seed file text of a stored article, or null when its file is gone.</summary>
    public string? ReadSeedText(string id)
    {
        try
        {
            return File.ReadAllText(Path.Combine(Folder, SafeId(id) + ".md"), s_utf8);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Deletes an article's files, the seed file first; true when it had any.</summary>
    public bool Delete(string id)
    {
        var seedPath = Path.Combine(Folder, SafeId(id) + ".md");
        var meta = SeedMetadata.PathOf(seedPath);
        var had = File.Exists(seedPath) || File.Exists(meta);
        File.Delete(seedPath);
        File.Delete(meta);
        return had;
    }

    /// <summary>An id names a file in this folder and nothing else (one from a shared database is checked too).</summary>
    private static string SafeId(string id) =>
        id.Length is > 0 and <= 80 && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            ? id
            : throw new ArgumentException($"'{id}' is not an imported article's id.", nameof(id));

    /// <summary>Removes an imported article.</summary>
    /// <exception cref="ImportRefusedException">No imported article has that id.</exception>
    public StoredArticle Remove(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var article = List().FirstOrDefault(a => string.Equals(a.Id, id, StringComparison.Ordinal)) ?? throw NotFound(id, guildId);
        Delete(article.Id);
        return article;
    }

    /// <summary>The refusal to remove an id no imported article (of <paramref name="guild"/>, when given) has.</summary>
    public static ImportRefusedException NotFound(string id, string? guild) =>
        new(RefusalReason.NotFound, guild is null
            ? $"No imported article has the id '{id}'. `ArticleBot articles` lists them."
            : $"No article of this server has the id '{id}'. `/article list` lists them.");

    /// <summary>
    /// The seed file: the title as a Markdown heading (so it is the passages' section), the byline on its own line,
    /// then the paragraphs separated by blank lines. Nothing else, so every line is text of the article.
    /// </summary>
    internal static string SeedText(ExtractedArticle article, string? url, string? fileName)
    {
        var builder = new StringBuilder();
        var title = article.Title ?? fileName ?? url;
        if (!string.IsNullOrWhiteSpace(title))
        {
            builder.Append("# ").Append(title).Append("\n\n");
        }

        if (!string.IsNullOrWhiteSpace(article.Byline))
        {
            var byline = article.Byline;
            if (!byline.StartsWith("By ", StringComparison.OrdinalIgnoreCase) && !byline.Contains("作者", StringComparison.Ordinal) && !byline.Contains("记者", StringComparison.Ordinal) && !byline.Contains("記者", StringComparison.Ordinal))
            {
                byline = "By " + byline;
            }

            builder.Append(byline).Append("\n\n");
        }

        builder.Append(article.Body).Append('\n');
        return builder.ToString();
    }

    private static StoredArticle? Read(string metaPath)
    {
        try
        {
            return JsonSerializer.Deserialize<StoredArticle>(File.ReadAllBytes(metaPath), s_json);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Writes <paramref name="bytes"/> to a temporary file outside the seed extensions, then moves it over <paramref name="path"/>.</summary>
    private static void WriteAtomically(string path, byte[] bytes)
    {
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>A short ASCII id from a title: lower-case letters and digits, dashes between; "article" when none.</summary>
    internal static string Slug(string? title)
    {
        var builder = new StringBuilder();
        foreach (var c in (title ?? "").ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }

            if (builder.Length >= MaxSlugLength)
            {
                break;
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "article" : slug;
    }
}
