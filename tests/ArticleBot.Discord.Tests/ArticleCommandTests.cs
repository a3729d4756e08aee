using System.Text;
using System.Text.Json.Nodes;
using ArticleBot.Discord.Bot;
using ArticleBot.Discord.Model;
using ArticleBot.Discord.Tests.Fakes;

namespace ArticleBot.Discord.Tests;

/// <summary>
/// <c>/article add|list|remove</c> against the fake Discord, with links and attachments served from its loopback "CDN":
/// the interaction JSON as Discord sends it (sub-commands, ATTACHMENT options resolved in <c>data.resolved</c>, the
/// member's <c>permissions</c>), and a server's articles answered in that server only. One bot for the class; each
/// test uses servers of its own.
/// </summary>
public sealed class ArticleCommandTests(ArticleCommandTests.Bot fixture) : IClassFixture<ArticleCommandTests.Bot>
{
    private const string Manager = "32"; // MANAGE_GUILD (1 << 5)
    private const string Member = "3072"; // VIEW_CHANNEL | SEND_MESSAGES: no Manage Server
    private const string BridgeQuestion = "How much did the harbour bridge repairs cost?";

    private static readonly string s_bridge = "# Harbour bridge reopens\n\nThe harbour bridge reopened on Monday after eleven months of repairs that cost 48 million euros.\n\nEngineers replaced the main cables, which had corroded.\n";

    private BotHarness Harness => fixture.Harness;

    private FakeDiscord Discord => fixture.Harness.Discord;

    [Fact]
    public void Registration_HasTheThreeSubCommands_WithDiscordsOptionTypes()
    {
        var command = Discord.CallsTo("PUT", "/applications/").First().Body!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "article")!.AsObject();

        Assert.Equal(1, command["type"]!.GetValue<int>());
        Assert.False(command.ContainsKey("default_member_permissions"), "list is for everyone: the permission is checked per sub-command");
        var subs = command["options"]!.AsArray().Select(o => o!.AsObject()).ToList();
        Assert.Equal(["add", "list", "remove"], subs.Select(s => s["name"]!.GetValue<string>()));
        Assert.All(subs, s => Assert.Equal(1, s["type"]!.GetValue<int>()));
        Assert.All(subs, s => Assert.InRange(s["description"]!.GetValue<string>().Length, 1, 100));
        var add = subs[0]["options"]!.AsArray();
        Assert.Equal([("link", 3), ("file", 11)], add.Select(o => (o!["name"]!.GetValue<string>(), o["type"]!.GetValue<int>())));
        Assert.All(add, o => Assert.False(o!["required"]!.GetValue<bool>()));
        var id = Assert.Single(subs[2]["options"]!.AsArray())!;
        Assert.Equal(3, id["type"]!.GetValue<int>());
        Assert.True(id["autocomplete"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("32", true)]
    [InlineData("8", true)] // Administrator implies every permission
    [InlineData("2147483680", true)]
    [InlineData("3072", false)]
    [InlineData("0", false)]
    [InlineData("-32", false)]
    [InlineData("", false)]
    [InlineData("lots", false)]
    [InlineData("1267650600228229401496703205408", true)] // past 64 bits, bit 5 set
    public void CanManage_ReadsTheManageServerBit(string permissions, bool expected) =>
        Assert.Equal(expected, ArticleCommandHandler.CanManage(new GuildMember(null, permissions)));

    [Fact]
    public async Task AnArticleAddedInAServer_IsDeferredThenReported_AndAnsweredOnlyInThatServer()
    {
        var link = Discord.ServeFile("pages/bridge.md", Encoding.UTF8.GetBytes(s_bridge), "text/markdown; charset=utf-8");

        var edit = await AddAsync("add1", "1001", Manager, Sub("add", ("link", 3, link)));

        var callback = Assert.Single(Discord.CallsTo("POST", "/interactions/add1/"));
        Assert.Equal(5, callback.Body!["type"]!.GetValue<int>());
        Assert.True(callback.At <= edit.At);
        var content = Content(edit);
        Assert.StartsWith("Added **Harbour bridge reopens**: ", content, StringComparison.Ordinal);
        Assert.Contains(" bytes, 2 paragraphs, id `harbour-bridge-reopens-", content, StringComparison.Ordinal);
        AssertNoPings(edit.Body!);
        Assert.Single(Directory.GetFiles(Path.Combine(fixture.Seeds, "guilds", "1001", "imported"), "*.md"));

        var inServer = await AskAsync("ask1", "1001", BridgeQuestion);
        Assert.Contains("48 million euros", Content(inServer), StringComparison.Ordinal);
        Assert.StartsWith("seeds/guilds/1001/imported/harbour-bridge-reopens-", Footer(inServer), StringComparison.Ordinal);

        var otherServer = await AskAsync("ask2", "1002", BridgeQuestion);
        Assert.DoesNotContain("guilds/", otherServer.Body!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("48 million", otherServer.Body!.ToJsonString(), StringComparison.Ordinal);

        await Harness.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("dm1", "dm-channel-1", BridgeQuestion, guildId: null));
        await FakeDiscord.WaitUntilAsync(() => Harness.MessagesIn("dm-channel-1").Any(m => m.Body?["embeds"] is not null || Content(m).Length > 0), "the DM answer");
        var dm = Harness.MessagesIn("dm-channel-1").Last().Body!.ToJsonString();
        Assert.DoesNotContain("guilds/", dm, StringComparison.Ordinal);
        Assert.DoesNotContain("48 million", dm, StringComparison.Ordinal);

        // A mention in the server reads the same view as /ask.
        await Harness.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("m1", "chan-1001", $"<@{FakeDiscord.BotUserId}> {BridgeQuestion}", guildId: "1001", mentionBot: true));
        await FakeDiscord.WaitUntilAsync(() => Harness.MessagesIn("chan-1001").Count > 0, "the answer to the mention");
        Assert.Contains("seeds/guilds/1001/imported/", Harness.MessagesIn("chan-1001").Last().Body!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAttachment_IsFetchedFromTheCdn_AndListed_WhileEveryoneCanList()
    {
        var body = Encoding.UTF8.GetBytes("# Night trains return\n\nThe night train to the coast returns in spring with sleeper cars for forty passengers.\n");
        var url = Discord.ServeFile("attachments/2001/77/night-trains.md", body, "text/markdown; charset=utf-8");
        var resolved = Attachments(("77", "night-trains.md", body.Length, url));

        var edit = await AddAsync("att1", "2001", Manager, Sub("add", ("file", 11, "77")), resolved);

        Assert.StartsWith("Added **Night trains return**: ", Content(edit), StringComparison.Ordinal);
        var list = await RespondAsync("list1", "2001", Member, Sub("list"));
        Assert.Equal(64, list["data"]!["flags"]!.GetValue<int>());
        var text = list["data"]!["content"]!.GetValue<string>();
        Assert.Contains("**This server's articles** (1)", text, StringComparison.Ordinal);
        Assert.Contains("• **Night trains return** · `night-trains-return-", text, StringComparison.Ordinal);
        Assert.Contains(" bytes", text, StringComparison.Ordinal);
        Assert.Contains("**Shared articles** (1)", text, StringComparison.Ordinal);
        Assert.Contains("`ai-race-2026`", text, StringComparison.Ordinal);
        AssertNoPings(list["data"]!.AsObject());

        var elsewhere = (await RespondAsync("list2", "2002", Member, Sub("list")))["data"]!["content"]!.GetValue<string>();
        Assert.Contains("none yet", elsewhere, StringComparison.Ordinal);
        Assert.DoesNotContain("Night trains", elsewhere, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemovingTakesOnlyThisServersArticles_AndTheServerStopsAnsweringOnIt()
    {
        var link = Discord.ServeFile("pages/ferry.md", Encoding.UTF8.GetBytes("# Ferry timetable changes\n\nThe island ferry will leave every ninety minutes from the first of May.\n"), "text/markdown");
        var added = Content(await AddAsync("rm-add", "3001", Manager, Sub("add", ("link", 3, link))));
        var id = added[(added.IndexOf("id `", StringComparison.Ordinal) + 4)..added.LastIndexOf('`')];

        var choices = await RespondAsync("rm-auto", "3001", Member, Sub("remove", ("id", 3, "ferry"), focused: true), type: 4);
        Assert.Equal(8, choices["type"]!.GetValue<int>());
        Assert.Equal(id, Assert.Single(choices["data"]!["choices"]!.AsArray())!["value"]!.GetValue<string>());

        var fromOtherServer = await RespondAsync("rm-other", "3002", Manager, Sub("remove", ("id", 3, id)));
        Assert.Contains("No article of this server has the id", Notice(fromOtherServer), StringComparison.Ordinal);
        var shared = await RespondAsync("rm-shared", "3001", Manager, Sub("remove", ("id", 3, "ai-race-2026")));
        Assert.Contains("shared articles cannot be removed from Discord", Notice(shared), StringComparison.Ordinal);
        var notAllowed = await RespondAsync("rm-member", "3001", Member, Sub("remove", ("id", 3, id)));
        Assert.Contains("Manage Server", Notice(notAllowed), StringComparison.Ordinal);
        Assert.Contains("ninety minutes", Content(await AskAsync("rm-ask1", "3001", "How often will the island ferry leave?")), StringComparison.Ordinal);

        var removed = await RespondAsync("rm-ok", "3001", Manager, Sub("remove", ("id", 3, id)));

        Assert.Equal(4, removed["type"]!.GetValue<int>());
        Assert.Equal($"Removed **Ferry timetable changes** (`{id}`): questions in this server are no longer answered on it.", removed["data"]!["content"]!.GetValue<string>());
        Assert.Empty(Directory.GetFiles(Path.Combine(fixture.Seeds, "guilds", "3001", "imported")));
        var after = await AskAsync("rm-ask2", "3001", "How often will the island ferry leave?");
        Assert.DoesNotContain("guilds/", after.Body!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInput_GetsAClearReply_NothingIsWritten_AndTheBotKeepsAnswering()
    {
        var image = Discord.ServeFile("pages/photo.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "image/png");
        var big = Attachments(("88", "huge.pdf", 50_000_000, Discord.ServeFile("attachments/4001/88/huge.pdf", [1, 2, 3], "application/pdf")));

        var cases = new (string Id, string? Guild, string Permissions, JsonObject Sub, JsonObject? Resolved, string Expected)[]
        {
            ("bad-none", "4001", Manager, Sub("add"), null, "Give a link or a file"),
            ("bad-both", "4001", Manager, Sub("add", ("link", 3, "https://example.com/a"), ("file", 11, "88")), big, "not both"),
            ("bad-file-scheme", "4001", Manager, Sub("add", ("link", 3, "file:///etc/passwd")), null, "takes an http or https link"),
            ("bad-path", "4001", Manager, Sub("add", ("link", 3, "/etc/passwd")), null, "takes an http or https link"),
            ("bad-ftp", "4001", Manager, Sub("add", ("link", 3, "ftp://example.com/a.txt")), null, "takes an http or https link"),
            ("bad-size", "4001", Manager, Sub("add", ("file", 11, "88")), big, "50,000,000 bytes, more than the"),
            ("bad-missing-file", "4001", Manager, Sub("add", ("file", 11, "99")), big, "Discord sent no file"),
            ("bad-member", "4001", Member, Sub("add", ("link", 3, image)), null, "Only members with the Manage Server permission can add"),
            ("bad-dm", null, Manager, Sub("add", ("link", 3, image)), null, "Articles are added in a server"),
            ("bad-remove-empty", "4001", Manager, Sub("remove", ("id", 3, " ")), null, "Give the id"),
        };
        foreach (var (id, guild, permissions, sub, resolved, expected) in cases)
        {
            var response = await RespondAsync(id, guild, permissions, sub, resolved);
            Assert.Equal(4, response["type"]!.GetValue<int>());
            Assert.Equal(64, response["data"]!["flags"]!.GetValue<int>());
            Assert.Contains(expected, Notice(response), StringComparison.Ordinal);
            AssertNoPings(response["data"]!.AsObject());
        }

        // Refused by the importer after the deferral: the original response names the reason.
        var refused = Content(await AddAsync("bad-type", "4001", Manager, Sub("add", ("link", 3, image))));
        Assert.StartsWith("Could not add it: Refused ", refused, StringComparison.Ordinal);
        Assert.EndsWith("(reason: unsupported-type)", refused, StringComparison.Ordinal);
        var unreachable = Content(await AddAsync("bad-404", "4001", Manager, Sub("add", ("link", 3, $"{Discord.BaseUrl}/cdn/nothing-here"))));
        Assert.EndsWith("(reason: unreachable)", unreachable, StringComparison.Ordinal);
        var broken = Discord.ServeFile("attachments/4001/89/broken.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage"u8.ToArray(), "application/pdf");
        var damaged = Content(await AddAsync("bad-pdf", "4001", Manager, Sub("add", ("file", 11, "89")), Attachments(("89", "broken.pdf", 48, broken))));
        Assert.StartsWith("Could not add it: ", damaged, StringComparison.Ordinal);

        Assert.False(Directory.Exists(Path.Combine(fixture.Seeds, "guilds", "4001", "imported")) && Directory.EnumerateFileSystemEntries(Path.Combine(fixture.Seeds, "guilds", "4001", "imported")).Any());
        Assert.Contains("9億", Content(await AskAsync("bad-after", "4001", "ChatGPT的週活躍用戶有多少？")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATitleThatMentions_PingsNoOne_AndALongListIsCutWithinDiscordsLimit()
    {
        var importer = Harness.Host.Services.GetService(typeof(ArticleBot.Ingest.Importing.ArticleImporter)) as ArticleBot.Ingest.Importing.ArticleImporter;
        var store = importer!.GuildStore("5001");
        for (var i = 0; i < 30; i++)
        {
            var url = Discord.ServeFile($"pages/long-{i}.md", Encoding.UTF8.GetBytes($"# A rather long title for the local council report number {i}\n\nThe council met {i} times this year and approved the plan number {i}.\n"), "text/markdown");
            await importer.ImportLinkAsync(new Uri(url), store, TestContext.Current.CancellationToken);
        }

        var mention = Discord.ServeFile("pages/mention.md", "# @everyone look <@123> here\n\nA paragraph about nothing in particular at all.\n"u8.ToArray(), "text/markdown");
        var added = await AddAsync("ping1", "5002", Manager, Sub("add", ("link", 3, mention)));
        Assert.Contains("@\u200Beveryone", Content(added), StringComparison.Ordinal);
        AssertNoPings(added.Body!);

        var list = await RespondAsync("long-list", "5001", Member, Sub("list"));
        var text = list["data"]!["content"]!.GetValue<string>();
        Assert.InRange(text.Length, 1, 2000);
        Assert.Contains("**This server's articles** (30)", text, StringComparison.Ordinal);
        Assert.Matches(@"… and \d+ more", text);
    }

    private async Task<RestCall> AddAsync(string id, string guild, string permissions, JsonObject sub, JsonObject? resolved = null)
    {
        await Harness.DispatchAsync("INTERACTION_CREATE", Interaction(id, guild, permissions, sub, resolved));
        return await OriginalEditAsync(id);
    }

    private async Task<JsonObject> RespondAsync(string id, string? guild, string permissions, JsonObject sub, JsonObject? resolved = null, int type = 2)
    {
        await Harness.DispatchAsync("INTERACTION_CREATE", Interaction(id, guild, permissions, sub, resolved, type));
        var path = $"/interactions/{id}/itoken{id}/callback";
        await FakeDiscord.WaitUntilAsync(() => Discord.CallsTo("POST", path).Any(), "the response to " + id);
        return Discord.CallsTo("POST", path).Single().Body!.AsObject();
    }

    private async Task<RestCall> AskAsync(string id, string guild, string question)
    {
        var ask = FakeDiscord.AskInteraction(id, question, channelId: "chan-ask-" + guild);
        ask["guild_id"] = guild;
        await Harness.DispatchAsync("INTERACTION_CREATE", ask);
        return await OriginalEditAsync(id);
    }

    private async Task<RestCall> OriginalEditAsync(string id)
    {
        var path = $"/webhooks/{FakeDiscord.ApplicationId}/itoken{id}/messages/@original";
        await FakeDiscord.WaitUntilAsync(() => Discord.CallsTo("PATCH", path).Any(), "the original response of " + id);
        return Discord.CallsTo("PATCH", path).Last();
    }

    internal static JsonObject Interaction(string id, string? guild, string permissions, JsonObject sub, JsonObject? resolved, int type = 2)
    {
        var data = new JsonObject { ["id"] = "cmd-article", ["name"] = "article", ["type"] = 1, ["options"] = new JsonArray(sub) };
        if (resolved is not null)
        {
            data["resolved"] = resolved.DeepClone();
        }

        var interaction = new JsonObject
        {
            ["id"] = id,
            ["application_id"] = FakeDiscord.ApplicationId,
            ["type"] = type,
            ["token"] = "itoken" + id,
            ["version"] = 1,
            ["channel_id"] = "chan-" + (guild ?? "dm"),
            ["data"] = data,
        };
        if (guild is null)
        {
            interaction["user"] = new JsonObject { ["id"] = "100", ["username"] = "u" };
        }
        else
        {
            interaction["guild_id"] = guild;
            interaction["member"] = new JsonObject { ["user"] = new JsonObject { ["id"] = "100", ["username"] = "u" }, ["permissions"] = permissions };
        }

        return interaction;
    }

    internal static JsonObject Sub(string name, params (string Name, int Type, string Value)[] options) => Sub(name, false, options);

    private static JsonObject Sub(string name, (string Name, int Type, string Value) option, bool focused) => Sub(name, focused, option);

    private static JsonObject Sub(string name, bool focused, params (string Name, int Type, string Value)[] options)
    {
        var sub = new JsonObject { ["name"] = name, ["type"] = 1 };
        if (options.Length > 0)
        {
            sub["options"] = new JsonArray([.. options.Select(o => (JsonNode)new JsonObject { ["name"] = o.Name, ["type"] = o.Type, ["value"] = o.Value, ["focused"] = focused })]);
        }

        return sub;
    }

    /// <summary><c>data.resolved.attachments</c> as Discord sends it for ATTACHMENT options.</summary>
    private static JsonObject Attachments(params (string Id, string FileName, long Size, string Url)[] files)
    {
        var attachments = new JsonObject();
        foreach (var (id, fileName, size, url) in files)
        {
            attachments[id] = new JsonObject { ["id"] = id, ["filename"] = fileName, ["size"] = size, ["url"] = url, ["proxy_url"] = url, ["content_type"] = "text/markdown; charset=utf-8" };
        }

        return new JsonObject { ["attachments"] = attachments };
    }

    private static string Content(RestCall call) => call.Body?["content"]?.GetValue<string>() ?? string.Empty;

    private static string Notice(JsonObject response) => response["data"]!["content"]!.GetValue<string>();

    private static string Footer(RestCall call) => call.Body!["embeds"]![0]!["footer"]!["text"]!.GetValue<string>();

    private static void AssertNoPings(JsonNode message) =>
        Assert.Equal("{\"parse\":[]}", message["allowed_mentions"]!.ToJsonString());

    /// <summary>One bot for the class, on a seeds folder of its own (the shipped article), fetching from loopback.</summary>
    public sealed class Bot : IAsyncLifetime
    {
        private readonly string _root = Directory.CreateTempSubdirectory("articlebot-discord-articles-").FullName;

        public string Seeds => Path.Combine(_root, "seeds");

        public BotHarness Harness { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            Directory.CreateDirectory(Seeds);
            File.Copy(Path.Combine(AppContext.BaseDirectory, "seeds", "ai-race-2026.txt"), Path.Combine(Seeds, "ai-race-2026.txt"));
            Harness = await BotHarness.StartAsync(settings: new Dictionary<string, string?>
            {
                ["Corpus:SeedsPath"] = Seeds,
                ["Ingest:AllowPrivateAddresses"] = "true", // the fake CDN is on 127.0.0.1
                ["Ingest:MaxBytes"] = "1048576",
            });
        }

        public async ValueTask DisposeAsync()
        {
            await Harness.DisposeAsync();
            Directory.Delete(_root, recursive: true);
        }
    }
}
