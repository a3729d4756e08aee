using System.Text.Json.Serialization;

namespace ArticleBot.Ingest.Storage;

/// <summary>
/// An imported article as kept in the seeds folder: <c>imported/{Id}.md</c> is the seed file (title, byline, body),
/// <c>imported/{Id}.meta.json</c> holds this record. <see cref="Sha256"/> is of the seed file's text, to find duplicates.
/// An article added in a Discord server is kept under <c>guilds/{GuildId}/imported/</c> and records its server.
/// </summary>
public sealed record StoredArticle(
    string Id,
    string Kind,
    string? Title,
    string? Byline,
    DateTimeOffset? Published,
    string? Url,
    string? FileName,
    string? ContentType,
    string? Encoding,
    string? EncodingNote,
    string Sha256,
    long Bytes,
    int Paragraphs,
    DateTimeOffset ImportedAt,
    string? GuildId = null)
{
    /// <summary>The seed file's path relative to the seeds folder (<c>imported/{Id}.md</c>, or <c>guilds/{GuildId}/imported/{Id}.md</c>).</summary>
    [JsonIgnore]
    public string SeedPath => GuildId is null
        ? $"{ArticleStore.FolderName}/{Id}.md"
        : $"{ArticleBot.Core.Corpus.GuildSeeds.FolderName}/{GuildId}/{ArticleStore.FolderName}/{Id}.md";
}

/// <summary>An article ready to be kept: its record and the text of its seed file.</summary>
public sealed record PreparedArticle(StoredArticle Article, string SeedText);
