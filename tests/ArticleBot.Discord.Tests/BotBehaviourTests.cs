using System.Text.Json.Nodes;
using ArticleBot.Discord.Tests.Fakes;
using Microsoft.Extensions.Hosting;

namespace ArticleBot.Discord.Tests;

public sealed class BotBehaviourTests
{
    /// <summary>Events handled one at a time, in the order they came: "nothing else was posted" is then certain, not timed.</summary>
    private static readonly Dictionary<string, string?> OneAtATime = new() { ["Discord:MaxConcurrentAnswers"] = "1" };

    [Fact]
    public async Task Lifecycle_IdentifiesWithIntents_RegistersTheSlashCommand()
    {
        await using var bot = await BotHarness.StartAsync();

        var connection = Assert.Single(bot.Discord.Connections);
        Assert.Equal("/gateway", connection.Path);
        Assert.Equal("?v=10&encoding=json", connection.Query);
        var identify = connection.Log.First(p => p["op"]!.GetValue<int>() == 2)["d"]!;
        Assert.Equal(4609, identify["intents"]!.GetValue<int>()); // GUILDS | GUILD_MESSAGES | DIRECT_MESSAGES
        Assert.Equal(FakeDiscord.Token, identify["token"]!.GetValue<string>());
        var register = Assert.Single(bot.Discord.CallsTo("PUT", $"/applications/{FakeDiscord.ApplicationId}/commands"));
        Assert.Equal("ask", register.Body![0]!["name"]!.GetValue<string>());
        Assert.Equal($"Bot {FakeDiscord.Token}", register.Headers["Authorization"]);
        Assert.StartsWith("DiscordBot (", register.Headers["User-Agent"], StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains(FakeDiscord.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task MessageContentIntent_IsAskedForWhenConfigured()
    {
        await using var bot = await BotHarness.StartAsync(settings: new() { ["Discord:MessageContentIntent"] = "true" });

        var identify = bot.Discord.Connections.First().Log.First(p => p["op"]!.GetValue<int>() == 2)["d"]!;
        Assert.Equal(37377, identify["intents"]!.GetValue<int>());
    }

    [Fact]
    public async Task GuildIds_RegisterCommandsPerGuild()
    {
        await using var bot = await BotHarness.StartAsync(settings: new() { ["Discord:GuildIds:0"] = "777", ["Discord:GuildIds:1"] = "778" }, waitForReady: false);

        await FakeDiscord.WaitUntilAsync(() => bot.Discord.CallsTo("PUT", "/applications/").Count() == 2, "two guild registrations");
        Assert.Single(bot.Discord.CallsTo("PUT", $"/applications/{FakeDiscord.ApplicationId}/guilds/777/commands"));
        Assert.Empty(bot.Discord.CallsTo("PUT", $"/applications/{FakeDiscord.ApplicationId}/commands"));
    }

    [Fact]
    public async Task Mention_IsAnsweredWithCitations_AsAReply_WithoutPings()
    {
        // Arrange
        await using var bot = await BotHarness.StartAsync();

        // Act
        await bot.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("m1", "c1", $"<@{FakeDiscord.BotUserId}> 英偉達的市值突破了多少？", mentionBot: true));
        await FakeDiscord.WaitUntilAsync(() => bot.MessagesIn("c1").Count == 1, "the answer");

        // Assert
        var body = bot.MessagesIn("c1")[0].Body!;
        Assert.Contains("5萬億", body["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("[1]", body["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("m1", body["message_reference"]!["message_id"]!.GetValue<string>());
        Assert.False(body["message_reference"]!["fail_if_not_exists"]!.GetValue<bool>());
        Assert.Empty(body["allowed_mentions"]!["parse"]!.AsArray());
        var embed = body["embeds"]![0]!;
        Assert.Equal("Sources", embed["title"]!.GetValue<string>());
        Assert.Contains("英偉達市值突破5萬億美元", embed["description"]!.GetValue<string>(), StringComparison.Ordinal);
        await FakeDiscord.WaitUntilAsync(() => bot.Discord.CallsTo("POST", "/channels/c1/typing").Any(), "typing shown (it runs beside the answer)");
    }

    [Fact]
    public async Task DirectMessage_IsAnswered_EvenWithoutAMention()
    {
        await using var bot = await BotHarness.StartAsync();

        await bot.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("m2", "dm1", "腾讯春节活动要分多少现金红包？", guildId: null));
        await FakeDiscord.WaitUntilAsync(() => bot.MessagesIn("dm1").Count == 1, "the DM answer");

        Assert.Contains("10億", bot.MessagesIn("dm1")[0].Body!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplyToTheBot_IsAnswered()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("m3", "c3", $"<@{FakeDiscord.BotUserId}> 千問是哪天發布的？", mentionBot: true));
        await FakeDiscord.WaitUntilAsync(() => bot.MessagesIn("c3").Count == 1, "first answer");
        var botMessageId = "1000001";

        await bot.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("m4", "c3", "英偉達的市值突破了多少？", replyTo: botMessageId));
        await FakeDiscord.WaitUntilAsync(() => bot.MessagesIn("c3").Count == 2, "answer to the reply");

        Assert.Contains("5萬億", bot.MessagesIn("c3")[1].Body!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IgnoresUnaddressedMessages_Bots_Webhooks_AndItself()
    {
        // One event at a time, in order: once the last (addressed) message is answered, the others were handled.
        await using var bot = await BotHarness.StartAsync(settings: OneAtATime);

        await bot.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("i1", "c5", "騰訊紅包？"));
        await bot.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("i2", "c5", $"<@{FakeDiscord.BotUserId}> 騰訊紅包？", mentionBot: true, bot: true));
        await bot.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("i3", "c5", $"<@{FakeDiscord.BotUserId}> 騰訊紅包？", mentionBot: true, webhookId: "w1"));
        await bot.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("i4", "c5", $"<@{FakeDiscord.BotUserId}> 騰訊紅包？", authorId: FakeDiscord.BotUserId, mentionBot: true, guildId: null));
        await bot.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("i5", "c6", $"<@{FakeDiscord.BotUserId}> 騰訊紅包？", mentionBot: true));
        await FakeDiscord.WaitUntilAsync(() => bot.MessagesIn("c6").Count == 1, "the one addressed message");

        Assert.Empty(bot.MessagesIn("c5"));
    }

    [Fact]
    public async Task DuplicateMessageCreate_IsAnsweredOnce()
    {
        await using var bot = await BotHarness.StartAsync(settings: OneAtATime);
        var message = FakeDiscord.Message("d1", "c7", $"<@{FakeDiscord.BotUserId}> 騰訊紅包有多少？", mentionBot: true);

        await bot.DispatchAsync("MESSAGE_CREATE", message);
        await bot.DispatchAsync("MESSAGE_CREATE", (JsonObject)message.DeepClone());
        await bot.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("d2", "c7", $"<@{FakeDiscord.BotUserId}> 英偉達市值？", mentionBot: true));
        await FakeDiscord.WaitUntilAsync(() => bot.MessagesIn("c7").Any(c => c.Body!["message_reference"]!["message_id"]!.GetValue<string>() == "d2"), "the answer to d2 (events are handled in order)");

        Assert.Equal(["d1", "d2"], bot.MessagesIn("c7").Select(c => c.Body!["message_reference"]!["message_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SlashCommand_IsDeferred_ThenTheOriginalResponseEdited()
    {
        await using var bot = await BotHarness.StartAsync();

        await bot.DispatchAsync("INTERACTION_CREATE", FakeDiscord.AskInteraction("i100", "ChatGPT的週活躍用戶有多少？"));
        await FakeDiscord.WaitUntilAsync(() => bot.Discord.CallsTo("PATCH", "/webhooks/").Any(), "the edited response");

        var callback = Assert.Single(bot.Discord.CallsTo("POST", "/interactions/i100/itokeni100/callback"));
        Assert.Equal(5, callback.Body!["type"]!.GetValue<int>());
        Assert.False(callback.Headers.ContainsKey("Authorization"));
        var edit = Assert.Single(bot.Discord.CallsTo("PATCH", $"/webhooks/{FakeDiscord.ApplicationId}/itokeni100/messages/@original"));
        Assert.True(callback.At <= edit.At);
        Assert.Contains("9億", edit.Body!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(edit.Body!["message_reference"]);
        Assert.Empty(edit.Body!["allowed_mentions"]!["parse"]!.AsArray());
    }

    [Fact]
    public async Task Cooldown_AnswersWithANotice_NotSilence()
    {
        await using var bot = await BotHarness.StartAsync(settings: new() { ["Discord:UserCooldownSeconds"] = "60" });

        await bot.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("k1", "c8", $"<@{FakeDiscord.BotUserId}> 騰訊紅包？", mentionBot: true));
        await FakeDiscord.WaitUntilAsync(() => bot.MessagesIn("c8").Count == 1, "first answer");
        await bot.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("k2", "c8", $"<@{FakeDiscord.BotUserId}> 英偉達？", mentionBot: true));
        await FakeDiscord.WaitUntilAsync(() => bot.MessagesIn("c8").Count == 2, "the notice");

        Assert.Contains("Please wait", bot.MessagesIn("c8")[1].Body!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MentionOnly_GetsAHint()
    {
        await using var bot = await BotHarness.StartAsync();

        await bot.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("h1", "c9", $"<@{FakeDiscord.BotUserId}>", mentionBot: true));
        await FakeDiscord.WaitUntilAsync(() => bot.MessagesIn("c9").Count == 1, "the hint");

        Assert.Contains("Ask me about the article", bot.MessagesIn("c9")[0].Body!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplyWithoutAPing_EmptyContent_GetsAHintOncePerChannel_NeverAnAnswer()
    {
        // Without the Message Content intent, a reply that does not mention the bot arrives with empty content.
        await using var bot = await BotHarness.StartAsync(settings: OneAtATime);

        await bot.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("e1", "ce", string.Empty, replyTo: "b1"));
        await bot.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("e2", "ce", string.Empty, replyTo: "b1"));
        await bot.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("e3", "ce2", string.Empty, replyTo: "b2"));
        await bot.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("e4", "ce", $"<@{FakeDiscord.BotUserId}> 騰訊紅包？", mentionBot: true));
        await FakeDiscord.WaitUntilAsync(() => bot.MessagesIn("ce").Count == 2, "the hint and the answer to the mention (events in order)");

        var inChannel = bot.MessagesIn("ce").Select(c => c.Body!).ToList();
        Assert.Equal("e1", inChannel[0]["message_reference"]!["message_id"]!.GetValue<string>());
        Assert.Contains("/ask", inChannel[0]["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("e4", inChannel[1]["message_reference"]!["message_id"]!.GetValue<string>()); // no second hint for e2
        Assert.Single(bot.MessagesIn("ce2")); // another channel gets its own hint
        Assert.DoesNotContain(bot.Discord.Calls, c => c.Body is JsonObject body && body["embeds"] is not null && body["message_reference"]?["message_id"]?.GetValue<string>() is "e1" or "e2" or "e3");
    }

    [Fact]
    public async Task MalformedEvent_IsLoggedAndSkipped_TheBotKeepsAnswering()
    {
        await using var bot = await BotHarness.StartAsync(settings: OneAtATime);

        var broken = FakeDiscord.Message("x1", "cx", $"<@{FakeDiscord.BotUserId}> 騰訊紅包？", mentionBot: true);
        broken.Remove("author");
        await bot.DispatchAsync("MESSAGE_CREATE", broken);
        await bot.DispatchAsync("INTERACTION_CREATE", new JsonObject { ["id"] = "x2", ["type"] = 2 }); // no token
        await bot.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("x3", "cx", $"<@{FakeDiscord.BotUserId}> 騰訊紅包？", mentionBot: true));
        await FakeDiscord.WaitUntilAsync(() => bot.MessagesIn("cx").Count == 1, "the answer to the good message");

        Assert.Equal("x3", bot.MessagesIn("cx")[0].Body!["message_reference"]!["message_id"]!.GetValue<string>());
        Assert.Equal(2, bot.Logs.Lines.Count(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("failed", StringComparison.Ordinal) && l.Contains("_CREATE", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task MessageThatTriesToPing_IsDefused()
    {
        await using var bot = await BotHarness.StartAsync();

        await bot.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("p1", "c10", $"<@{FakeDiscord.BotUserId}> @everyone <@&123> 騰訊紅包？", mentionBot: true));
        await FakeDiscord.WaitUntilAsync(() => bot.MessagesIn("c10").Count == 1, "the answer");

        var content = bot.MessagesIn("c10")[0].Body!.ToJsonString();
        Assert.DoesNotContain("@everyone", content, StringComparison.Ordinal);
        Assert.DoesNotContain("<@&123>", content, StringComparison.Ordinal);
    }
}

public sealed class ShutdownTests
{
    [Fact]
    public async Task Stop_LetsAnInFlightReplyFinish_AndClosesTheGatewayWith1000()
    {
        // Arrange: the reply's REST call is held, so it is in flight when the host stops.
        await using var bot = await BotHarness.StartAsync();
        var connection = bot.Discord.Current!;
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bot.Discord.RestGate = call => call.Path == "/channels/cz/messages" ? held.Task : Task.CompletedTask;
        await bot.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("z1", "cz", $"<@{FakeDiscord.BotUserId}> 騰訊紅包有多少？", mentionBot: true));
        await FakeDiscord.WaitUntilAsync(() => bot.MessagesIn("cz").Count == 1, "the reply is on its way");
        var lifetime = (IHostApplicationLifetime)bot.Host.Services.GetService(typeof(IHostApplicationLifetime))!;

        // Act: stop, and let the reply's response come only once stopping has begun.
        var stopping = bot.Host.StopAsync(TestContext.Current.CancellationToken);
        await FakeDiscord.WaitUntilAsync(() => lifetime.ApplicationStopping.IsCancellationRequested, "stopping began");
        held.SetResult();
        await stopping;

        // Assert: the reply completed (a cancelled request's response could not be written), and the session ended cleanly.
        await FakeDiscord.WaitUntilAsync(() => bot.Discord.Answered == bot.Discord.Calls.Count, "every call answered");
        await FakeDiscord.WaitUntilAsync(() => connection.Closed, "the gateway closed");
        Assert.Equal(1000, connection.ClientCloseCode);
    }
}

public sealed class PluginCommandTests
{
    private static System.Text.Json.Nodes.JsonObject Interaction(string id, int type, string name, params (string Name, string Value)[] options)
    {
        var interaction = FakeDiscord.AskInteraction(id, string.Empty);
        interaction["type"] = type;
        interaction["data"] = new System.Text.Json.Nodes.JsonObject
        {
            ["id"] = "cmd",
            ["name"] = name,
            ["type"] = 1,
            ["options"] = new System.Text.Json.Nodes.JsonArray(options.Select(o => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject { ["name"] = o.Name, ["type"] = 3, ["value"] = o.Value, ["focused"] = true }).ToArray()),
        };
        return interaction;
    }

    [Fact]
    public async Task CommandsRegistered_IncludePluginsAndCallWithAutocomplete()
    {
        await using var bot = await BotHarness.StartAsync();

        var commands = bot.Discord.CallsTo("PUT", "/applications/").Single().Body!.AsArray();

        Assert.Equal(["ask", "plugins", "call", "article", "Ask ArticleBot", "Check against the article"], commands.Select(c => c!["name"]!.GetValue<string>()));
        Assert.True(commands[2]!["options"]![0]!["autocomplete"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Plugins_ListsThem()
    {
        await using var bot = await BotHarness.StartAsync();

        await bot.DispatchAsync("INTERACTION_CREATE", Interaction("p1", 2, "plugins"));
        await FakeDiscord.WaitUntilAsync(() => bot.Discord.CallsTo("POST", "/interactions/p1/").Any(), "the response");

        var response = bot.Discord.CallsTo("POST", "/interactions/p1/").Single().Body!;
        Assert.Equal(4, response["type"]!.GetValue<int>());
        Assert.Contains("**article** (builtin, loaded): article_info, entities, figures, get_passage, list_sections, outline, search, summarize, verify", response["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_AutocompletesTheFunction()
    {
        await using var bot = await BotHarness.StartAsync();

        await bot.DispatchAsync("INTERACTION_CREATE", Interaction("a1", 4, "call", ("function", "sear")));
        await FakeDiscord.WaitUntilAsync(() => bot.Discord.CallsTo("POST", "/interactions/a1/").Any(), "the choices");

        var response = bot.Discord.CallsTo("POST", "/interactions/a1/").Single().Body!;
        Assert.Equal(8, response["type"]!.GetValue<int>());
        Assert.Equal("article.search", response["data"]!["choices"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Call_RunsTheFunction_OrExplainsTheParameters()
    {
        await using var bot = await BotHarness.StartAsync();

        await bot.DispatchAsync("INTERACTION_CREATE", Interaction("c1", 2, "call", ("function", "article.search"), ("arguments", "query=英偉達 top=1")));
        await bot.DispatchAsync("INTERACTION_CREATE", Interaction("c2", 2, "call", ("function", "article.search"), ("arguments", "top=x")));
        await FakeDiscord.WaitUntilAsync(() => bot.Discord.CallsTo("PATCH", "/webhooks/").Count() == 2, "both results");

        var results = bot.Discord.CallsTo("PATCH", "/webhooks/").ToDictionary(c => c.Path.Split('/')[3], c => c.Body!["content"]!.GetValue<string>());
        Assert.Contains("英偉達市值突破5萬億美元", results["itokenc1"], StringComparison.Ordinal);
        Assert.Contains("missing query", results["itokenc2"], StringComparison.Ordinal);
        Assert.Contains("Usage: article.search", results["itokenc2"], StringComparison.Ordinal);
    }
}

public sealed class ReplyTrackingTests
{
    [Fact]
    public async Task ReplyToABotMessage_IsRecognisedByItsId_EvenWithoutTheReferencedMessage()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("r1", "cr", $"<@{FakeDiscord.BotUserId}> 千問是哪天發布的？", mentionBot: true));
        var discordBot = (ArticleBot.Discord.Bot.DiscordBot)bot.Host.Services.GetService(typeof(ArticleBot.Discord.Bot.DiscordBot))!;
        await FakeDiscord.WaitUntilAsync(() => discordBot.IsOwnMessage("1000001"), "the bot knows its message");

        // Discord may leave referenced_message out: only message_reference points at the bot's message.
        var reply = FakeDiscord.Message("r2", "cr", "英偉達的市值突破了多少？", replyTo: "1000001");
        reply.Remove("referenced_message");
        await bot.DispatchAsync("MESSAGE_CREATE", reply);
        await FakeDiscord.WaitUntilAsync(() => bot.MessagesIn("cr").Count == 2, "the answer to the reply");

        Assert.Contains("5萬億", bot.MessagesIn("cr")[1].Body!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
