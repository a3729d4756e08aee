using ArticleBot.Ingest.Extraction;

namespace ArticleBot.Ingest.Storage;

/// <summary>
/// Where imported articles are kept: the shared ones, or one Discord server's (<see cref="ForGuild"/>). By default
/// the seeds folder itself (<see cref="ArticleStore"/>); with <c>Storage:Provider</c> = <c>Postgres</c>, one database
/// for every process, which each process copies into its seeds folder so its index, citations and eval read the
/// articles as seed files all the same.
/// </summary>
public interface IArticleStore
{
    /// <summary>The Discord server whose articles this store keeps; null for the shared articles.</summary>
    string? GuildId { get; }

    /// <summary>The store of one Discord server's articles, beside this (shared) one.</summary>
    /// <exception cref="ArgumentException"><paramref name="guild"/> is not a Discord server id.</exception>
    IArticleStore ForGuild(string guild);

    /// <summary>Every imported article, oldest first.</summary>
    IReadOnlyList<StoredArticle> List();

    /// <summary>Stores an extracted article; returns what was stored.</summary>
    /// <exception cref="ImportRefusedException">A duplicate, larger than <c>Corpus:MaxSeedFileBytes</c>, or the store is out of reach.</exception>
    StoredArticle Add(ExtractedArticle article, string? url, string? fileName, string? contentType);

    /// <summary>Removes an imported article.</summary>
    /// <exception cref="ImportRefusedException">No imported article has that id, or the store is out of reach.</exception>
    StoredArticle Remove(string id);
}
