using System.Text.Json.Nodes;
using ArticleBot.Core.Feedback;
using ArticleBot.Discord.Bot;
using ArticleBot.Discord.Tests.Fakes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ArticleBot.Discord.Tests;

/// <summary>
/// The message menu ("Ask ArticleBot", "Check against the article") and the rating buttons under answers, end to end
/// against the fake Discord, with the ratings in a real SQLite file in a temporary folder.
/// </summary>
public sealed class MenuCommandAndRatingTests : IDisposable
{
    private const string Ask = AskMessageCommandHandler.Name;
    private const string Check = CheckMessageCommandHandler.Name;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "articlebot-discord-feedback-" + Guid.NewGuid().ToString("N"));

    public MenuCommandAndRatingTests() => Directory.CreateDirectory(_folder);

    private string DatabasePath => Path.Combine(_folder, "feedback.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Registration_HasBothMessageCommands_BesideTheSlashCommands()
    {
        await using var bot = await StartAsync();

        var body = Assert.Single(bot.Discord.CallsTo("PUT", "/applications/")).Body!.AsArray();

        Assert.Equal("ask", body[0]!["name"]!.GetValue<string>());
        var menu = body.Where(c => c!["type"]!.GetValue<int>() == 3).Select(c => c!.AsObject()).ToList();
        Assert.Equal([Ask, Check], menu.Select(c => c["name"]!.GetValue<string>()));
        Assert.All(menu, c => Assert.InRange(c["name"]!.GetValue<string>().Length, 1, 32));
        Assert.All(menu, c => Assert.False(c.ContainsKey("description") || c.ContainsKey("options"), "a message command takes no description or options"));
    }

    [Fact]
    public async Task AskFromTheMenu_IsDeferred_ThenAnswersTheSelectedMessage_WithRatingButtons()
    {
        await using var bot = await StartAsync();

        await bot.DispatchAsync("INTERACTION_CREATE", FakeDiscord.MessageCommandInteraction("a1", Ask, "ChatGPT的週活躍用戶有多少？"));
        var edit = await OriginalEditAsync(bot, "a1");

        var callback = Assert.Single(bot.Discord.CallsTo("POST", "/interactions/a1/itokena1/callback"));
        Assert.Equal(5, callback.Body!["type"]!.GetValue<int>());
        Assert.True(callback.At <= edit.At);
        Assert.Contains("9億", Content(edit), StringComparison.Ordinal);
        Assert.Equal("Sources", edit.Body!["embeds"]![0]!["title"]!.GetValue<string>());
        var (up, down) = Buttons(edit);
        Assert.StartsWith("rate:up:", up, StringComparison.Ordinal);
        Assert.Equal(up.Replace("rate:up:", "rate:down:", StringComparison.Ordinal), down);
        Assert.Equal(("discord", "ChatGPT的週活躍用戶有多少？"), RecordedAnswers().Single());
    }

    [Fact]
    public async Task CheckFromTheMenu_ContradictsTheRedPacketClaim_WithTheArticlesFigure_AndACitation()
    {
        await using var bot = await StartAsync();

        await bot.DispatchAsync("INTERACTION_CREATE", FakeDiscord.MessageCommandInteraction("c1", Check, "騰訊春節要發100億紅包！"));
        var edit = await OriginalEditAsync(bot, "c1");

        Assert.Equal(5, Assert.Single(bot.Discord.CallsTo("POST", "/interactions/c1/itokenc1/callback")).Body!["type"]!.GetValue<int>());
        var content = Content(edit);
        Assert.Contains("Contradicted", content, StringComparison.Ordinal);
        Assert.Contains("騰訊春節要發100億紅包", content, StringComparison.Ordinal);
        Assert.Contains("10億", content, StringComparison.Ordinal);
        Assert.Contains("[1]", content, StringComparison.Ordinal);
        var sources = edit.Body!["embeds"]![0]!.AsObject();
        Assert.Equal("Sources", sources["title"]!.GetValue<string>());
        Assert.Contains("10億", sources["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("rate:up:", Buttons(edit).Up, StringComparison.Ordinal);
        Assert.Equal("騰訊春節要發100億紅包！", Assert.Single(RecordedAnswers()).Question);
    }

    [Fact]
    public async Task CheckFromTheMenu_GivesEachClaimItsOwnVerdict()
    {
        await using var bot = await StartAsync();
        const string message = "騰訊春節要發100億紅包！\nAnthropic gets 85% of its revenue from B2B and API.\n火星上的咖啡店每天營業二十四小時。";

        await bot.DispatchAsync("INTERACTION_CREATE", FakeDiscord.MessageCommandInteraction("c2", Check, message));
        var content = Content(await OriginalEditAsync(bot, "c2"));

        var lines = content.Split('\n').Where(l => l.Length > 0 && char.IsDigit(l[0])).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Contains("Contradicted", lines[0], StringComparison.Ordinal);
        Assert.Contains("10億", lines[0], StringComparison.Ordinal);
        Assert.Contains("Supported", lines[1], StringComparison.Ordinal);
        Assert.Matches(@"\[\d\]", lines[1]);
        Assert.Contains("Not covered", lines[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Ask, "", "no text")]
    [InlineData(Check, "   ", "no text")]
    [InlineData(Check, "👍", "no statement")]
    public async Task MessageWithNothingToRead_GetsAnEphemeralNotice_NotADeferral(string command, string content, string expected)
    {
        await using var bot = await StartAsync();

        await bot.DispatchAsync("INTERACTION_CREATE", FakeDiscord.MessageCommandInteraction("e1", command, content));
        await FakeDiscord.WaitUntilAsync(() => bot.Discord.CallsTo("POST", "/interactions/e1/").Any(), "the notice");

        var callback = Assert.Single(bot.Discord.CallsTo("POST", "/interactions/e1/itokene1/callback")).Body!;
        Assert.Equal(4, callback["type"]!.GetValue<int>());
        Assert.Equal(64, callback["data"]!["flags"]!.GetValue<int>());
        Assert.Contains(expected, callback["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(bot.Discord.CallsTo("PATCH", "/webhooks/"));
    }

    [Theory]
    [InlineData(Ask)]
    [InlineData(Check)]
    public async Task MessageOverTheQuestionLimit_GetsAnEphemeralNotice(string command)
    {
        await using var bot = await StartAsync(new() { ["Answering:MaxQuestionChars"] = "50" });

        await bot.DispatchAsync("INTERACTION_CREATE", FakeDiscord.MessageCommandInteraction("l1", command, string.Concat(Enumerable.Repeat("騰訊春節要發100億紅包！", 6))));
        await FakeDiscord.WaitUntilAsync(() => bot.Discord.CallsTo("POST", "/interactions/l1/").Any(), "the notice");

        var callback = Assert.Single(bot.Discord.CallsTo("POST", "/interactions/l1/itokenl1/callback")).Body!;
        Assert.Equal(64, callback["data"]!["flags"]!.GetValue<int>());
        Assert.Contains("too long", callback["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MenuCommands_ShareTheUsersCooldown_OnTheInjectedClock()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bot = await StartAsync(new() { ["Discord:UserCooldownSeconds"] = "30" }, time);

        await bot.DispatchAsync("INTERACTION_CREATE", FakeDiscord.MessageCommandInteraction("k1", Ask, "ChatGPT的週活躍用戶有多少？", userId: "42"));
        await OriginalEditAsync(bot, "k1");
        await bot.DispatchAsync("INTERACTION_CREATE", FakeDiscord.MessageCommandInteraction("k2", Check, "騰訊春節要發100億紅包！", userId: "42"));
        await FakeDiscord.WaitUntilAsync(() => bot.Discord.CallsTo("POST", "/interactions/k2/").Any(), "the cooldown notice");
        time.Advance(TimeSpan.FromSeconds(30));
        await bot.DispatchAsync("INTERACTION_CREATE", FakeDiscord.MessageCommandInteraction("k3", Check, "騰訊春節要發100億紅包！", userId: "42"));
        await OriginalEditAsync(bot, "k3");

        var refused = Assert.Single(bot.Discord.CallsTo("POST", "/interactions/k2/itokenk2/callback")).Body!;
        Assert.Equal(64, refused["data"]!["flags"]!.GetValue<int>());
        Assert.Contains("Please wait 30 s", refused["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(5, Assert.Single(bot.Discord.CallsTo("POST", "/interactions/k3/itokenk3/callback")).Body!["type"]!.GetValue<int>());
    }

    [Fact]
    public async Task ButtonClick_IsAcknowledgedWithADeferredUpdate_AndTheVoteRecordedUnderAHashOnly()
    {
        await using var bot = await StartAsync();
        await bot.DispatchAsync("INTERACTION_CREATE", FakeDiscord.MessageCommandInteraction("a1", Ask, "ChatGPT的週活躍用戶有多少？"));
        var (up, down) = Buttons(await OriginalEditAsync(bot, "a1"));
        var before = bot.Discord.Calls.Count(c => c.Method is "POST" or "PATCH" && !c.Path.StartsWith("/interactions/", StringComparison.Ordinal));

        await bot.DispatchAsync("INTERACTION_CREATE", FakeDiscord.ButtonClick("b1", up, userId: "555000111"));
        await bot.DispatchAsync("INTERACTION_CREATE", FakeDiscord.ButtonClick("b2", down, userId: "555000222"));
        await bot.DispatchAsync("INTERACTION_CREATE", FakeDiscord.ButtonClick("b3", down, userId: "555000333"));
        var store = bot.Host.Services.GetRequiredService<IFeedbackStore>();
        await FakeDiscord.WaitUntilAsync(() => store.RatedAnswers() is [{ Up: 1, Down: 2 }], "three votes recorded");

        foreach (var id in new[] { "b1", "b2", "b3" })
        {
            var callback = Assert.Single(bot.Discord.CallsTo("POST", $"/interactions/{id}/itoken{id}/callback")).Body!.AsObject();
            Assert.Equal(6, callback["type"]!.GetValue<int>());
            Assert.False(callback.ContainsKey("data"));
        }

        Assert.Equal(before, bot.Discord.Calls.Count(c => c.Method is "POST" or "PATCH" && !c.Path.StartsWith("/interactions/", StringComparison.Ordinal)));
        var rated = Assert.Single(store.RatedAnswers());
        Assert.Equal("ChatGPT的週活躍用戶有多少？", rated.Question);
        Assert.NotEmpty(rated.Citations);
        Assert.Equal("discord", rated.Surface);
        Assert.DoesNotContain(Voters(), v => v.Contains("555000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MentionAnswer_CarriesTheButtonsToo_AndADirectMessageClickCounts()
    {
        await using var bot = await StartAsync();
        await bot.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("m1", "c1", $"<@{FakeDiscord.BotUserId}> 騰訊紅包有多少？", mentionBot: true));
        await FakeDiscord.WaitUntilAsync(() => bot.MessagesIn("c1").Count == 1, "the answer");
        var (up, _) = Buttons(bot.MessagesIn("c1")[0]);

        // In a DM the click names a user, not a member.
        var click = FakeDiscord.ButtonClick("d1", up, userId: "unused");
        click.Remove("member");
        click.Remove("guild_id");
        click["user"] = new JsonObject { ["id"] = "9001", ["username"] = "dm-user" };
        await bot.DispatchAsync("INTERACTION_CREATE", click);
        var store = bot.Host.Services.GetRequiredService<IFeedbackStore>();

        await FakeDiscord.WaitUntilAsync(() => store.RatedAnswers() is [{ Up: 1 }], "the vote");
        Assert.Equal("騰訊紅包有多少？", store.RatedAnswers()[0].Question);
    }

    [Theory]
    [InlineData("rate:up:no-such-answer")]
    [InlineData("rate:sideways:abc")]
    [InlineData("rate:up:")]
    [InlineData("something-else")]
    public async Task ClickThatCannotBeRecorded_IsHarmless_TheBotKeepsAnswering(string customId)
    {
        await using var bot = await StartAsync();

        await bot.DispatchAsync("INTERACTION_CREATE", FakeDiscord.ButtonClick("x1", customId, userId: "5"));
        await bot.DispatchAsync("INTERACTION_CREATE", FakeDiscord.MessageCommandInteraction("a1", Ask, "ChatGPT的週活躍用戶有多少？"));
        await OriginalEditAsync(bot, "a1");

        Assert.Empty(bot.Host.Services.GetRequiredService<IFeedbackStore>().RatedAnswers());
        Assert.DoesNotContain(bot.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal));
        Assert.All(bot.Discord.CallsTo("POST", "/interactions/x1/"), c => Assert.Equal(6, c.Body!["type"]!.GetValue<int>()));
    }

    [Fact]
    public async Task SecondClickBySameUser_ChangesTheirVote_NotTheCount()
    {
        await using var bot = await StartAsync();
        await bot.DispatchAsync("INTERACTION_CREATE", FakeDiscord.MessageCommandInteraction("a1", Ask, "ChatGPT的週活躍用戶有多少？"));
        var (up, down) = Buttons(await OriginalEditAsync(bot, "a1"));
        var store = bot.Host.Services.GetRequiredService<IFeedbackStore>();

        await bot.DispatchAsync("INTERACTION_CREATE", FakeDiscord.ButtonClick("b1", up, userId: "7"));
        await FakeDiscord.WaitUntilAsync(() => store.RatedAnswers() is [{ Up: 1, Down: 0 }], "the first vote");
        await bot.DispatchAsync("INTERACTION_CREATE", FakeDiscord.ButtonClick("b2", down, userId: "7"));

        await FakeDiscord.WaitUntilAsync(() => store.RatedAnswers() is [{ Up: 0, Down: 1 }], "the vote changed");
    }

    [Fact]
    public async Task ClickOnAnAnswerFromBeforeARestart_IsStillRecorded()
    {
        var discord = new FakeDiscord();
        await using var _ = discord;
        string up;
        await using (var first = await StartAsync(shared: discord))
        {
            await first.DispatchAsync("INTERACTION_CREATE", FakeDiscord.MessageCommandInteraction("a1", Ask, "ChatGPT的週活躍用戶有多少？"));
            up = Buttons(await OriginalEditAsync(first, "a1")).Up;
        }

        // A new process, the same database file: the button's id is all it has.
        await using var second = await StartAsync(shared: discord);
        await FakeDiscord.WaitUntilAsync(() => discord.CallsTo("PUT", "/applications/").Count() == 2, "the new process is ready");
        await second.DispatchAsync("INTERACTION_CREATE", FakeDiscord.ButtonClick("b-after-restart", up, userId: "31"));
        var store = second.Host.Services.GetRequiredService<IFeedbackStore>();

        await FakeDiscord.WaitUntilAsync(() => store.RatedAnswers() is [{ Up: 1 }], "the vote on the old answer");
        Assert.Equal(6, Assert.Single(discord.CallsTo("POST", "/interactions/b-after-restart/")).Body!["type"]!.GetValue<int>());
        Assert.Equal("ChatGPT的週活躍用戶有多少？", store.RatedAnswers()[0].Question);
    }

    [Fact]
    public async Task ManyUsersClickingAtOnce_AreAllCounted()
    {
        await using var bot = await StartAsync(new() { ["Discord:MaxConcurrentAnswers"] = "8" });
        await bot.DispatchAsync("INTERACTION_CREATE", FakeDiscord.MessageCommandInteraction("c1", Check, "騰訊春節要發100億紅包！"));
        var (up, down) = Buttons(await OriginalEditAsync(bot, "c1"));
        const int Voters = 40;

        await Task.WhenAll(Enumerable.Range(0, Voters).Select(i =>
            bot.DispatchAsync("INTERACTION_CREATE", FakeDiscord.ButtonClick($"v{i}", i % 4 == 0 ? down : up, userId: $"8000{i}"))));
        var store = bot.Host.Services.GetRequiredService<IFeedbackStore>();
        await FakeDiscord.WaitUntilAsync(() => store.RatedAnswers() is [{ } r] && r.Up + r.Down == Voters, "every vote");

        var rated = Assert.Single(store.RatedAnswers());
        Assert.Equal((30, 10), (rated.Up, rated.Down));
        Assert.Equal(Voters, bot.Discord.CallsTo("POST", "/interactions/v").Count(c => c.Body!["type"]!.GetValue<int>() == 6));
    }

    [Fact]
    public async Task LockedDatabase_AnswersStillPosted_WithoutButtons_ProblemLoggedOnce()
    {
        // Another process holds the write lock for the whole test; the bot waits 1 s for it, then gives up.
        using var other = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        other.Open();
        using (var hold = other.CreateCommand())
        {
            hold.CommandText = "CREATE TABLE held (x); BEGIN EXCLUSIVE; INSERT INTO held VALUES (1);";
            hold.ExecuteNonQuery();
        }

        await using var bot = await StartAsync(new() { ["Feedback:BusyTimeoutSeconds"] = "1" });
        await AssertAnswersGoOnAsync(bot);
    }

    [Fact]
    public async Task CorruptDatabase_AnswersStillPosted_WithoutButtons_ProblemLoggedOnce()
    {
        await File.WriteAllTextAsync(DatabasePath, string.Concat(Enumerable.Repeat("this is not a SQLite database. ", 200)), TestContext.Current.CancellationToken);

        await using var bot = await StartAsync();
        await AssertAnswersGoOnAsync(bot);
    }

    private static async Task AssertAnswersGoOnAsync(BotHarness bot)
    {
        await bot.DispatchAsync("INTERACTION_CREATE", FakeDiscord.MessageCommandInteraction("a1", Ask, "ChatGPT的週活躍用戶有多少？"));
        var first = await OriginalEditAsync(bot, "a1");
        await bot.DispatchAsync("INTERACTION_CREATE", FakeDiscord.MessageCommandInteraction("a2", Check, "騰訊春節要發100億紅包！", userId: "101"));
        var second = await OriginalEditAsync(bot, "a2");
        await bot.DispatchAsync("INTERACTION_CREATE", FakeDiscord.ButtonClick("b1", "rate:up:0123456789abcdef", userId: "102"));
        await FakeDiscord.WaitUntilAsync(() => bot.Discord.CallsTo("POST", "/interactions/b1/").Any(), "the click acknowledged");
        await FakeDiscord.WaitUntilAsync(() => bot.Logs.Lines.Any(l => l.Contains("Rating of answer 0123456789abcdef", StringComparison.Ordinal)), "the click handled");

        Assert.Contains("9億", Content(first), StringComparison.Ordinal);
        Assert.Contains("10億", Content(second), StringComparison.Ordinal);
        Assert.Null(first.Body!["components"]);
        Assert.Null(second.Body!["components"]);
        Assert.Equal(6, Assert.Single(bot.Discord.CallsTo("POST", "/interactions/b1/")).Body!["type"]!.GetValue<int>());
        Assert.Single(bot.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Ratings cannot be recorded", StringComparison.Ordinal));
    }

    private Task<BotHarness> StartAsync(Dictionary<string, string?>? settings = null, TimeProvider? time = null, FakeDiscord? shared = null)
    {
        var all = new Dictionary<string, string?> { ["Feedback:DatabasePath"] = DatabasePath };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return BotHarness.StartAsync(settings: all, time: time, shared: shared);
    }

    private static async Task<RestCall> OriginalEditAsync(BotHarness bot, string interactionId)
    {
        var path = $"/webhooks/{FakeDiscord.ApplicationId}/itoken{interactionId}/messages/@original";
        await FakeDiscord.WaitUntilAsync(() => bot.Discord.CallsTo("PATCH", path).Any(), "the answer to " + interactionId);
        return bot.Discord.CallsTo("PATCH", path).Last();
    }

    private static string Content(RestCall call) => call.Body!["content"]!.GetValue<string>();

    private static (string Up, string Down) Buttons(RestCall call)
    {
        var row = Assert.Single(call.Body!["components"]!.AsArray())!.AsObject();
        Assert.Equal(1, row["type"]!.GetValue<int>());
        var buttons = row["components"]!.AsArray().Select(b => b!.AsObject()).ToList();
        Assert.Equal(["Helpful", "Not helpful"], buttons.Select(b => b["label"]!.GetValue<string>()));
        Assert.All(buttons, b => Assert.Equal(2, b["type"]!.GetValue<int>()));
        Assert.All(buttons, b => Assert.InRange(b["custom_id"]!.GetValue<string>().Length, 1, 100));
        return (buttons[0]["custom_id"]!.GetValue<string>(), buttons[1]["custom_id"]!.GetValue<string>());
    }

    private List<(string Surface, string Question)> RecordedAnswers()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT surface, question FROM answers;";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    private List<string> Voters()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT voter FROM votes;";
        using var reader = command.ExecuteReader();
        var voters = new List<string>();
        while (reader.Read())
        {
            voters.Add(reader.GetString(0));
        }

        return voters;
    }
}
