using System.Text;
using ArticleBot.Discord.Tests.Fakes;
using Microsoft.Extensions.Hosting;

namespace ArticleBot.Discord.Tests;

/// <summary>
/// <c>/article add</c> and <c>remove</c> on a bot whose imported articles live in PostgreSQL
/// (<c>Storage:Provider</c> = <c>Postgres</c>) while that database is down: a clear reply that names no server, nothing
/// written, and answers go on.
/// </summary>
public sealed class ArticleDatabaseOutageTests
{
    private const string Manager = "32"; // MANAGE_GUILD

    [Fact]
    public async Task DatabaseDown_AddAndRemove_AreRefusedClearly_NothingIsWritten_AndAnswersGoOn()
    {
        // Arrange: nothing listens on the database's port (and no other test may start a server on it).
        var root = Directory.CreateTempSubdirectory("articlebot-discord-outage-").FullName;
        var seeds = Path.Combine(root, "seeds");
        Directory.CreateDirectory(seeds);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "seeds", "ai-race-2026.txt"), Path.Combine(seeds, "ai-race-2026.txt"));
        var port = ArticleBot.Tests.Shared.RefusingPort.Number;
        var harness = await BotHarness.StartAsync(
            settings: new Dictionary<string, string?>
            {
                ["Corpus:SeedsPath"] = seeds,
                ["Ingest:AllowPrivateAddresses"] = "true",
                ["Storage:Provider"] = "Postgres",
                ["Storage:ConnectionString"] = $"Host=127.0.0.1;Port={port};Database=articlebot;Username=articlebot;Password=pw-never-shown;Timeout=5",
            },
            configure: builder => builder.AddPostgresArticles());
        try
        {
            var link = harness.Discord.ServeFile("pages/pier.md", Encoding.UTF8.GetBytes("# Pier closes\n\nThe old pier closes for the winter on Friday.\n"), "text/markdown");

            // Act
            await harness.DispatchAsync("INTERACTION_CREATE", ArticleCommandTests.Interaction("out-add", "6001", Manager, ArticleCommandTests.Sub("add", ("link", 3, link)), null));
            var add = await OriginalEditAsync(harness, "out-add");
            await harness.DispatchAsync("INTERACTION_CREATE", ArticleCommandTests.Interaction("out-rm", "6001", Manager, ArticleCommandTests.Sub("remove", ("id", 3, "pier-closes-0123abcd")), null));
            var removePath = "/interactions/out-rm/itokenout-rm/callback";
            await FakeDiscord.WaitUntilAsync(() => harness.Discord.CallsTo("POST", removePath).Any(), "the response to out-rm");
            var remove = harness.Discord.CallsTo("POST", removePath).Single().Body!["data"]!["content"]!.GetValue<string>();
            var ask = FakeDiscord.AskInteraction("out-ask", "騰訊春節要分多少紅包？", channelId: "chan-ask-6001");
            ask["guild_id"] = "6001";
            await harness.DispatchAsync("INTERACTION_CREATE", ask);
            var answer = await OriginalEditAsync(harness, "out-ask");

            // Assert
            var added = add.Body!["content"]!.GetValue<string>();
            Assert.Equal("Could not add it: Nothing was imported: the bot's article database (Storage:ConnectionString) is out of reach. Try again when it is back; answers go on meanwhile. (reason: store-unavailable)", added);
            Assert.Equal("Could not remove it: Nothing was removed: the bot's article database (Storage:ConnectionString) is out of reach. Try again when it is back; answers go on meanwhile. (reason: store-unavailable)", remove);
            Assert.False(Directory.Exists(Path.Combine(seeds, "guilds")));
            Assert.Contains("10億", answer.Body!["content"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.DoesNotContain("127.0.0.1", added + remove, StringComparison.Ordinal);
        }
        finally
        {
            await harness.DisposeAsync();
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<RestCall> OriginalEditAsync(BotHarness harness, string id)
    {
        var path = $"/webhooks/{FakeDiscord.ApplicationId}/itoken{id}/messages/@original";
        await FakeDiscord.WaitUntilAsync(() => harness.Discord.CallsTo("PATCH", path).Any(), "the original response of " + id);
        return harness.Discord.CallsTo("PATCH", path).Last();
    }
}
