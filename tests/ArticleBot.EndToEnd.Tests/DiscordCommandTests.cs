using ArticleBot.Discord.Tests.Fakes;

namespace ArticleBot.EndToEnd.Tests;

/// <summary><c>ArticleBot discord</c>, configured like a user would, against a fake Discord on 127.0.0.1.</summary>
public sealed class DiscordCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Discord_WithoutToken_ExitsWith2_SayingHowToSetIt()
    {
        var run = await BotProcess.RunAsync(["discord"], cancellationToken: Ct);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Discord:Token", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("user-secrets", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discord_AnswersAMention_ThenStopsCleanlyOnSigterm_WithoutLeakingTheToken()
    {
        // Arrange
        await using var discord = new FakeDiscord();
        using var process = BotProcess.Start(["discord"], environment: new Dictionary<string, string>
        {
            ["Discord__Token"] = FakeDiscord.Token,
            ["Discord__ApiBaseUrl"] = discord.ApiBaseUrl,
            ["Logging__LogLevel__Default"] = "Trace",
            ["Logging__LogLevel__ArticleBot"] = "Trace",
        });
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        await FakeDiscord.WaitUntilAsync(() => discord.CallsTo("PUT", "/applications/").Any(), "READY and command registration", 30_000);

        // Act
        await discord.Current!.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("e1", "c1", $"<@{FakeDiscord.BotUserId}> 英偉達的市值突破了多少？", mentionBot: true));
        await FakeDiscord.WaitUntilAsync(() => discord.CallsTo("POST", "/channels/c1/messages").Any(), "the answer", 30_000);
        using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(Ct);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);

        // Assert
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("5萬億", discord.CallsTo("POST", "/channels/c1/messages").First().Body!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        var logs = await stderr + await stdout;
        Assert.Contains("READY", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeDiscord.Token, logs, StringComparison.Ordinal);
        Assert.Equal(1000, discord.Connections.First().ClientCloseCode);
    }

    [Fact]
    public async Task Discord_DisallowedIntents_StopsWithExit1_AndAClearMessage()
    {
        await using var discord = new FakeDiscord();
        discord.GatewayScript = async c =>
        {
            await c.SendAsync(new System.Text.Json.Nodes.JsonObject { ["op"] = 10, ["d"] = new System.Text.Json.Nodes.JsonObject { ["heartbeat_interval"] = 41250 } });
            await c.ReceiveAsync(TimeSpan.FromSeconds(10));
            await c.CloseAsync(4014);
        };

        var run = await BotProcess.RunAsync(["discord"], environment: new Dictionary<string, string>
        {
            ["Discord__Token"] = FakeDiscord.Token,
            ["Discord__ApiBaseUrl"] = discord.ApiBaseUrl,
            ["Discord__MessageContentIntent"] = "true",
        }, cancellationToken: Ct);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("4014", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Message Content", run.Stderr, StringComparison.Ordinal);
        Assert.Single(discord.Connections);
    }
}
