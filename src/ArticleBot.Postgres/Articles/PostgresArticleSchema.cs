using ArticleBot.Core.Storage;
using Npgsql;

namespace ArticleBot.Postgres.Articles;

/// <summary>
/// The imported articles' tables in PostgreSQL, as ordered migrations; <c>article_schema</c> says how many have run.
/// Like the ratings' schema, each process migrates under a transaction-scoped advisory lock of its own, so processes
/// that start together on a new database take turns.
/// </summary>
internal static class PostgresArticleSchema
{
    /// <summary>Any fixed number: the advisory lock all ArticleBot processes take to migrate these tables.</summary>
    private const long MigrationLock = 0x41_72_74_42_6F_74_41_72; // "ArtBotAr"

    /// <summary>Migration i (0-based) takes the schema from version i to i + 1. Never edit one that has shipped.</summary>
    public static readonly string[] Migrations =
    [
        // 1: one row per article and Discord server (null: the shared articles), its seed file's text and its record;
        //    one row per removed article's text, so a process that kept a copy deletes it instead of sending it back.
        //    Unique by server and text: two processes importing the same article at once store it once.
        """
        CREATE TABLE imported_articles (
            seq           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            guild_id      text,
            id            text NOT NULL,
            sha256        text NOT NULL,
            kind          text NOT NULL,
            title         text,
            byline        text,
            published     timestamptz,
            url           text,
            file_name     text,
            content_type  text,
            encoding      text,
            encoding_note text,
            bytes         bigint NOT NULL,
            paragraphs    integer NOT NULL,
            imported_at   timestamptz NOT NULL,
            seed_text     text NOT NULL
        );
        CREATE UNIQUE INDEX imported_articles_by_text ON imported_articles ((COALESCE(guild_id, '')), sha256);
        CREATE UNIQUE INDEX imported_articles_by_id ON imported_articles ((COALESCE(guild_id, '')), id);
        CREATE TABLE removed_articles (
            guild_id   text,
            sha256     text NOT NULL,
            removed_at timestamptz NOT NULL
        );
        CREATE UNIQUE INDEX removed_articles_by_text ON removed_articles ((COALESCE(guild_id, '')), sha256);
        """,
    ];

    /// <summary>The version a fully migrated database has.</summary>
    public static int Latest => Migrations.Length;

    /// <summary>Brings the database to the latest version in one transaction; returns the version it had.</summary>
    /// <exception cref="StorageConfigurationException">A newer ArticleBot made the tables: this one must not write to them.</exception>
    public static int Migrate(NpgsqlConnection connection) =>
        PostgresMigrations.Run(connection, MigrationLock, "article_schema", Migrations, Latest, from => new StorageConfigurationException(
            $"Storage:ConnectionString names a database whose articles tables have schema {from}, newer than this version of ArticleBot reads ({Latest}); run the newer ArticleBot on every machine"));
}
