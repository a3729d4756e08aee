using ArticleBot.Discord.Tests.Fakes;

namespace ArticleBot.EndToEnd.Tests;

/// <summary>deploy/articlebot-discord.service: what it restarts, where the token comes from, and that the bot reads it there.</summary>
public sealed class DeploymentTests : IDisposable
{
    private readonly string _credentials = Directory.CreateTempSubdirectory("articlebot-credentials-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Unit => File.ReadAllText(Path.Combine(BotProcess.RepositoryRoot, "deploy", "articlebot-discord.service"));

    public void Dispose() => Directory.Delete(_credentials, recursive: true);

    [Fact]
    public void Unit_RestartsRunTimeFailures_ButNotBadConfiguration()
    {
        var settings = Settings(Unit);

        Assert.Equal("on-failure", settings["Restart"].Single());
        Assert.Equal("2", settings["RestartPreventExitStatus"].Single()); // exit 1 (any run-time failure) restarts
        Assert.True(settings.ContainsKey("StartLimitBurst"), "a bot that keeps failing must stop restarting at some point");
        Assert.Equal("143", settings["SuccessExitStatus"].Single()); // `systemctl stop`: SIGTERM, a graceful stop, exit 143
    }

    [Fact]
    public void Unit_TakesTheTokenFromACredentialFile_NeverFromEnvironment()
    {
        var settings = Settings(Unit);

        Assert.Contains(settings["LoadCredential"], c => c.StartsWith("Discord__Token:/etc/", StringComparison.Ordinal));
        Assert.DoesNotContain(settings.GetValueOrDefault("Environment", []), e => e.Contains("Token", StringComparison.OrdinalIgnoreCase) || e.Contains("ApiKey", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Discord_ReadsItsTokenFromTheSystemdCredentialsDirectory()
    {
        // Arrange: what systemd's LoadCredential= does: a file named like the setting, in $CREDENTIALS_DIRECTORY.
        await using var discord = new FakeDiscord();
        await File.WriteAllTextAsync(Path.Combine(_credentials, "Discord__Token"), FakeDiscord.Token + "\n", Ct);
        using var process = BotProcess.Start(["discord"], environment: new Dictionary<string, string>
        {
            ["CREDENTIALS_DIRECTORY"] = _credentials,
            ["Discord__ApiBaseUrl"] = discord.ApiBaseUrl,
        });
        var stderr = process.StandardError.ReadToEndAsync(Ct);

        // Act: the fake accepts only the right token in Identify, and registers commands after READY.
        await FakeDiscord.WaitUntilAsync(() => discord.CallsTo("PUT", "/applications/").Any(), "READY with the token from the file", 30_000);
        using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(Ct);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);

        // Assert: stopped by SIGTERM, gracefully: 143 (the unit counts it as a clean stop).
        Assert.Equal(143, process.ExitCode);
        Assert.Contains(discord.CallsTo("PUT", "/applications/"), c => c.Headers.GetValueOrDefault("Authorization") == $"Bot {FakeDiscord.Token}");
        var identify = discord.Connections.First().Log.First(p => p["op"]?.GetValue<int>() == 2);
        Assert.Equal(FakeDiscord.Token, identify["d"]!["token"]!.GetValue<string>());
        Assert.DoesNotContain(FakeDiscord.Token, await stderr, StringComparison.Ordinal);
    }

    /// <summary>Every <c>Key=Value</c> line of a unit file, by key (comments skipped).</summary>
    private static Dictionary<string, List<string>> Settings(string unit) =>
        unit.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && l[0] is not ('#' or ';' or '[') && l.Contains('=', StringComparison.Ordinal))
            .GroupBy(l => l[..l.IndexOf('=', StringComparison.Ordinal)], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]).ToList(), StringComparer.Ordinal);
}
