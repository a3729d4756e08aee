using System.Text;
using System.Text.Json;
using ArticleBot.Core.Corpus;

namespace ArticleBot.Ingest.Tests;

/// <summary>A Discord server's articles: kept in its own folder, recorded with its id, never among the shared ones.</summary>
public sealed class GuildImportTests
{
    private const string Text = "# Harbour bridge reopens\n\nThe harbour bridge reopened on Monday after eleven months of repairs.\n";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_servers_attachment_is_stored_in_its_folder_by_file_name_and_records_the_server()
    {
        using var server = new PageServer();
        server.Serve("/attachments/1/2/bridge.md?ex=1&hm=2", PageResponse.Ok("text/markdown; charset=utf-8", Encoding.UTF8.GetBytes(Text)));
        using var importer = new TestImporter();
        var guild = importer.Importer.GuildStore("123456789012345678");

        var article = await importer.Importer.ImportAttachmentAsync(server.Url("/attachments/1/2/bridge.md?ex=1&hm=2"), "bridge.md", guild, Token);

        Assert.Equal("123456789012345678", article.GuildId);
        Assert.Null(article.Url); // a CDN link expires: the article is named by its file
        Assert.Equal("bridge.md", article.FileName);
        Assert.Equal($"guilds/123456789012345678/imported/{article.Id}.md", article.SeedPath);
        Assert.Contains("eleven months", importer.SeedText(article), StringComparison.Ordinal);
        using var meta = JsonDocument.Parse(File.ReadAllBytes(SeedMetadata.PathOf(Path.Combine(importer.Seeds, article.SeedPath))));
        Assert.Equal("123456789012345678", meta.RootElement.GetProperty("guildId").GetString());
        Assert.Empty(importer.Importer.List());
        Assert.Equal(article.Id, Assert.Single(importer.Importer.List(guild)).Id);
        Assert.Empty(importer.Importer.List(importer.Importer.GuildStore("999")));
    }

    [Fact]
    public async Task A_link_is_http_only_and_an_article_of_one_server_cannot_be_removed_from_another_or_from_the_shared_store()
    {
        using var server = new PageServer();
        server.Serve("/a.txt", PageResponse.Ok("text/plain; charset=utf-8", Encoding.UTF8.GetBytes(Text)));
        using var importer = new TestImporter();
        var first = importer.Importer.GuildStore("1");
        var article = await importer.Importer.ImportLinkAsync(server.Url("/a.txt"), first, Token);

        var scheme = await Assert.ThrowsAsync<ImportRefusedException>(() => importer.Importer.ImportLinkAsync(new Uri("file:///etc/passwd"), first, Token));
        Assert.Equal(RefusalReason.UnsupportedScheme, scheme.Reason);
        Assert.Equal(RefusalReason.NotFound, Assert.Throws<ImportRefusedException>(() => importer.Importer.Remove(article.Id, importer.Importer.GuildStore("2"))).Reason);
        Assert.Equal(RefusalReason.NotFound, Assert.Throws<ImportRefusedException>(() => importer.Importer.Remove(article.Id)).Reason);
        Assert.Throws<ArgumentException>(() => importer.Importer.GuildStore("../imported"));

        importer.Importer.Remove(article.Id, first);
        Assert.Empty(importer.Importer.List(first));
        Assert.Empty(Directory.EnumerateFiles(importer.Store.ForGuild("1").Folder));
    }

    [Fact]
    public async Task A_shared_articles_text_imported_in_a_server_is_a_duplicate_and_another_servers_copy_is_not()
    {
        // Arrange: the text is a shared article, answered in every server.
        using var server = new PageServer();
        server.Serve("/a.txt", PageResponse.Ok("text/plain; charset=utf-8", Encoding.UTF8.GetBytes(Text)));
        server.Serve("/b.txt", PageResponse.Ok("text/plain; charset=utf-8", Encoding.UTF8.GetBytes(Text.Replace("eleven", "twelve", StringComparison.Ordinal))));
        using var importer = new TestImporter();
        var shared = await importer.Importer.ImportLinkAsync(server.Url("/a.txt"), importer.Store, Token);
        var first = importer.Importer.GuildStore("1");

        // Act
        var refused = await Assert.ThrowsAsync<ImportRefusedException>(() => importer.Importer.ImportLinkAsync(server.Url("/a.txt"), first, Token));
        var own = await importer.Importer.ImportLinkAsync(server.Url("/b.txt"), first, Token);
        var again = await importer.Importer.ImportLinkAsync(server.Url("/b.txt"), importer.Importer.GuildStore("2"), Token);

        // Assert
        Assert.Equal(RefusalReason.Duplicate, refused.Reason);
        Assert.Contains(shared.Id, refused.Message, StringComparison.Ordinal);
        Assert.Contains("shared article", refused.Message, StringComparison.Ordinal);
        Assert.Equal(own.Id, Assert.Single(importer.Importer.List(first)).Id); // nothing of the refused import was written
        Assert.Equal("2", again.GuildId); // servers do not see each other's articles: each may keep its own copy
    }
}
