using ArticleBot.Core.Storage;
using ArticleBot.Ingest;
using ArticleBot.Ingest.Extraction;
using ArticleBot.Ingest.Storage;
using Npgsql;

namespace ArticleBot.Postgres.Articles;

/// <summary>
/// Imported articles kept in PostgreSQL, for every process on every machine (<c>Storage:Provider</c> = <c>Postgres</c>).
/// An import is written to the database first and then to this process's seeds folder (<paramref name="copy"/>), so
/// this process answers on it at once; the others hear of it through <c>LISTEN</c> (<see cref="PostgresArticleFeed"/>).
/// A database out of reach refuses the change (<see cref="RefusalReason.StoreUnavailable"/>) and leaves the folder as
/// it was; listing then shows this process's copy.
/// </summary>
public sealed class PostgresArticleStore(PostgresArticleDatabase database, ArticleStore copy, ImportedArticleMirror mirror) : IArticleStore
{
    /// <inheritdoc/>
    public string? GuildId => copy.GuildId;

    /// <inheritdoc/>
    public IArticleStore ForGuild(string guild) => new PostgresArticleStore(database, copy.ForGuild(guild), mirror);

    /// <inheritdoc/>
    public IReadOnlyList<StoredArticle> List()
    {
        try
        {
            return database.List(GuildId);
        }
        catch (Exception ex) when (Unavailable(ex))
        {
            database.ClearPool();
            return copy.List(); // what this process last copied: the articles it answers on
        }
    }

    /// <inheritdoc/>
    public StoredArticle Add(ExtractedArticle article, string? url, string? fileName, string? contentType)
    {
        var prepared = copy.Prepare(article, url, fileName, contentType);
        prepared = prepared with { Article = PostgresArticleDatabase.AsKept(prepared.Article) };
        StoredArticle? existing;
        try
        {
            existing = database.Add(prepared.Article, prepared.SeedText);
        }
        catch (Exception ex) when (Unavailable(ex))
        {
            database.ClearPool();
            throw OutOfReach("imported", ex);
        }

        if (existing is not null)
        {
            throw ArticleStore.Duplicate(existing);
        }

        mirror.Write(copy, prepared.Article, prepared.SeedText);
        return prepared.Article;
    }

    /// <inheritdoc/>
    public StoredArticle Remove(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        StoredArticle? removed;
        try
        {
            removed = database.Remove(GuildId, id);
        }
        catch (Exception ex) when (Unavailable(ex))
        {
            database.ClearPool();
            throw OutOfReach("removed", ex);
        }

        if (removed is null)
        {
            throw ArticleStore.NotFound(id, GuildId);
        }

        mirror.Delete(copy, removed.Id);
        return removed;
    }

    /// <summary>
    /// The refusal readers see (in Discord too): it names the setting but not the server (nor its address, nor the
    /// driver's message), which stay in the exception's cause and in the operator's log.
    /// </summary>
    private static ImportRefusedException OutOfReach(string verb, Exception cause) => new(RefusalReason.StoreUnavailable,
        $"Nothing was {verb}: the bot's article database (Storage:ConnectionString) is out of reach. Try again when it is back; answers go on meanwhile.",
        cause);

    private static bool Unavailable(Exception exception) => PostgresFaults.IsOutOfReach(exception) || exception is NpgsqlException;
}
