using System.Text.Json.Nodes;
using ArticleBot.Discord.Tests.Fakes;

namespace ArticleBot.EndToEnd.Tests;

/// <summary>
/// A hostile MCP plugin called through Discord's <c>/call</c>, on the built executable against a fake Discord: the call
/// fails with a message, the bot keeps answering mentions, and <c>/plugins</c> shows the plugin restarted.
/// </summary>
public sealed class McpDiscordIsolationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // One fault in every run (the chat tests cover the rest on every run or in the soak step); all five in the soak step.
    [Theory]
    [InlineData("exit")]
    [InlineData("overflow", Traits = ["Category", "Soak"])]
    [InlineData("thread_throws", Traits = ["Category", "Soak"])]
    [InlineData("spin", Traits = ["Category", "Soak"])]
    [InlineData("flood", Traits = ["Category", "Soak"])]
    public async Task Discord_HostileMcpPlugin_FailsItsCall_AndTheBotKeepsAnswering(string behaviour)
    {
        // Arrange
        await using var discord = new FakeDiscord();
        var server = Path.Combine(Directory.GetParent(BotProcess.OutputDirectory)!.Parent!.FullName, "ArticleBot.McpTestServer", new DirectoryInfo(BotProcess.OutputDirectory).Name, "ArticleBot.McpTestServer.dll");
        using var process = BotProcess.Start(["discord"], environment: new Dictionary<string, string>
        {
            ["Discord__Token"] = FakeDiscord.Token,
            ["Discord__ApiBaseUrl"] = discord.ApiBaseUrl,
            ["Plugins__McpServers__hostile__Command"] = "dotnet",
            ["Plugins__McpServers__hostile__Args__0"] = server,
            ["Plugins__CallTimeoutSeconds"] = "3",
            ["Plugins__McpRestartDelayMilliseconds"] = "100",
        });
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        try
        {
            await WhileRunningAsync(process, stderr, FakeDiscord.WaitUntilAsync(() => discord.CallsTo("PUT", "/applications/").Any(), "READY and command registration", 120_000));

            // Act: the hostile call, then a question, then /plugins.
            await discord.Current!.DispatchAsync("INTERACTION_CREATE", Interaction("h1", "call", ("function", $"hostile.{behaviour}")));
            await WhileRunningAsync(process, stderr, FakeDiscord.WaitUntilAsync(() => discord.CallsTo("PATCH", "/webhooks/").Any(c => c.Path.Contains("itokenh1", StringComparison.Ordinal)), "the call's result", 120_000));
            await discord.Current!.DispatchAsync("MESSAGE_CREATE", FakeDiscord.Message("m1", "c1", $"<@{FakeDiscord.BotUserId}> 英偉達的市值突破了多少？", mentionBot: true));
            await WhileRunningAsync(process, stderr, FakeDiscord.WaitUntilAsync(() => discord.CallsTo("POST", "/channels/c1/messages").Any(), "the answer", 120_000));
            await discord.Current!.DispatchAsync("INTERACTION_CREATE", Interaction("p1", "plugins"));
            await WhileRunningAsync(process, stderr, FakeDiscord.WaitUntilAsync(() => discord.CallsTo("POST", "/interactions/p1/").Any(), "the plugin list", 120_000));

            // Assert
            var result = discord.CallsTo("PATCH", "/webhooks/").First(c => c.Path.Contains("itokenh1", StringComparison.Ordinal)).Body!["content"]!.GetValue<string>();
            Assert.Contains($"hostile.{behaviour} failed:", result, StringComparison.Ordinal);
            Assert.Contains("5萬億", discord.CallsTo("POST", "/channels/c1/messages").First().Body!["content"]!.GetValue<string>(), StringComparison.Ordinal);
            var list = discord.CallsTo("POST", "/interactions/p1/").Single().Body!["data"]!["content"]!.GetValue<string>();
            var hostile = list.Split('\n').Single(l => l.StartsWith("**hostile** (mcp", StringComparison.Ordinal));
            Assert.Contains("restart", hostile, StringComparison.Ordinal);
            Assert.False(process.HasExited, "the bot must still be running");
        }
        finally
        {
            using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(CancellationToken.None);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120)); // only a hang reaches it; under a loaded run one stop took over 30 s
            await process.WaitForExitAsync(timeout.Token);
            _ = await stderr + await stdout;
        }

        Assert.Equal(143, process.ExitCode); // stopped by SIGTERM, gracefully
    }

    private static JsonObject Interaction(string id, string name, params (string Name, string Value)[] options)
    {
        var interaction = FakeDiscord.AskInteraction(id, string.Empty);
        interaction["data"] = new JsonObject
        {
            ["id"] = "cmd",
            ["name"] = name,
            ["type"] = 1,
            ["options"] = new JsonArray(options.Select(o => (JsonNode)new JsonObject { ["name"] = o.Name, ["type"] = 3, ["value"] = o.Value }).ToArray()),
        };
        return interaction;
    }

    /// <summary>Waits as <paramref name="waiting"/> does; when it times out after the bot has exited, says so, with the end of the bot's stderr.</summary>
    private static async Task WhileRunningAsync(System.Diagnostics.Process process, Task<string> stderr, Task waiting)
    {
        try
        {
            await waiting;
        }
        catch (TimeoutException ex) when (process.HasExited)
        {
            var error = await stderr;
            throw new TimeoutException($"{ex.Message}; the bot had exited with code {process.ExitCode}, its stderr ending: {error[Math.Max(0, error.Length - 3000)..]}", ex);
        }
    }
}
