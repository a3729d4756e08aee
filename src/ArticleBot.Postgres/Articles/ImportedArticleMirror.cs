using ArticleBot.Core.Corpus;
using ArticleBot.Ingest.Storage;

namespace ArticleBot.Postgres.Articles;

/// <summary>
/// Keeps this process's seeds folder (its <c>imported/</c> and <c>guilds/{id}/imported/</c> folders) a copy of the
/// database's imported articles, so the index, citations and eval read them as seed files, as without a database,
/// and a process that starts while the database is down answers on its last copy. The seeds watcher re-indexes when
/// the copy changes. One change at a time: the store's own writes and a reconciliation never interleave.
/// </summary>
public sealed class ImportedArticleMirror(PostgresArticleDatabase database, ArticleStore seeds)
{
    private readonly Lock _gate = new();

    /// <summary>The copy of the shared articles (<see cref="ArticleStore.ForGuild"/> gives a server's).</summary>
    public ArticleStore Seeds => seeds;

    /// <summary>
    /// Makes the copy match the database: writes what it lacks (or holds in another version), deletes what was
    /// removed, and sends the database what this folder kept from before it used one (imports made with the SQLite
    /// default), unless the same text was removed since.
    /// </summary>
    /// <exception cref="Npgsql.NpgsqlException">The database is out of reach; the copy is left as it was.</exception>
    public MirrorChanges Reconcile()
    {
        var snapshot = database.Snapshot();
        int written = 0, deleted = 0, sent = 0;
        lock (_gate)
        {
            var local = new HashSet<(string Guild, string Id)>();
            foreach (var area in seeds.Areas())
            {
                var guild = area.GuildId ?? string.Empty;
                foreach (var article in area.List())
                {
                    if (snapshot.Articles.TryGetValue((guild, article.Id), out var sha) && sha == article.Sha256)
                    {
                        local.Add((guild, article.Id));
                    }
                    else if (snapshot.Removed.Contains((guild, article.Sha256)) || snapshot.Articles.ContainsKey((guild, article.Id)))
                    {
                        area.Delete(article.Id); // removed, or replaced by another text of the same id (written below)
                        deleted++;
                    }
                    else if (area.ReadSeedText(article.Id) is { } text && database.AddKept(article, text))
                    {
                        local.Add((guild, article.Id));
                        sent++;
                    }
                }
            }

            foreach (var (key, _) in snapshot.Articles)
            {
                if (local.Contains(key) || (key.Guild.Length > 0 && !GuildSeeds.IsGuildId(key.Guild)))
                {
                    continue; // copied already, or a row no ArticleBot wrote (a server id that cannot name a folder)
                }

                if (database.Load(key.Guild.Length == 0 ? null : key.Guild, key.Id) is { } row)
                {
                    try
                    {
                        AreaOf(key.Guild).Write(row.Article, row.SeedText);
                        written++;
                    }
                    catch (ArgumentException)
                    {
                        // An id that cannot name a file: a row no ArticleBot wrote; it is never copied.
                    }
                }
            }
        }

        return new MirrorChanges(written, deleted, sent);
    }

    /// <summary>Writes one article into <paramref name="area"/> (the store's own import).</summary>
    public void Write(ArticleStore area, StoredArticle article, string seedText)
    {
        ArgumentNullException.ThrowIfNull(area);
        lock (_gate)
        {
            area.Write(article, seedText);
        }
    }

    /// <summary>Deletes one article from <paramref name="area"/> (the store's own removal).</summary>
    public void Delete(ArticleStore area, string id)
    {
        ArgumentNullException.ThrowIfNull(area);
        lock (_gate)
        {
            area.Delete(id);
        }
    }

    private ArticleStore AreaOf(string guild) => guild.Length == 0 ? seeds : seeds.ForGuild(guild);
}

/// <summary>What one reconciliation changed: articles copied here, deleted here, and sent to the database from here.</summary>
public readonly record struct MirrorChanges(int Written, int Deleted, int Sent)
{
    /// <summary>True when the copy or the database changed.</summary>
    public bool Any => Written + Deleted + Sent > 0;
}
