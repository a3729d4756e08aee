namespace ArticleBot.EndToEnd.Tests.Postgres;

/// <summary>
/// With the SQLite default, the executable never loads Npgsql (nor ArticleBot.Postgres): the PostgreSQL option costs
/// the default's cold start nothing. Checked in the running process's memory map (Linux), after it answered and rated.
/// </summary>
public sealed class NpgsqlLoadTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("articlebot-npgsql-load-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Npgsql_IsLoadedOnlyWhenStorageProviderIsPostgres(bool postgres)
    {
        Assert.SkipUnless(File.Exists("/proc/self/maps"), "needs Linux's /proc/<pid>/maps to see which assemblies a process mapped");
        var environment = postgres
            ? SharedDatabaseTests.Postgres($"Host=127.0.0.1;Port={StorageSettingsTests.ClosedPort()};Database=x;Username=x;Password=x")
            : new Dictionary<string, string> { ["Feedback__DatabasePath"] = Path.Combine(_folder, "feedback.db") };

        // Arrange: a chat that answered and rated, waiting for the next line.
        using var process = BotProcess.Start([], environment: environment);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        await process.StandardInput.WriteAsync("騰訊春節要分多少紅包？\n/good\n".AsMemory(), Ct);
        await process.StandardInput.FlushAsync(Ct);
        string? line;
        while ((line = await process.StandardOutput.ReadLineAsync(Ct)) is not null && !line.Contains("Thanks", StringComparison.Ordinal))
        {
        }

        // Act
        var maps = await File.ReadAllTextAsync($"/proc/{process.Id}/maps", Ct);
        process.StandardInput.Close();
        await process.WaitForExitAsync(Ct);

        // Assert
        Assert.True(line is not null, await stderr);
        Assert.Contains("ArticleBot.Core.dll", maps, StringComparison.Ordinal);
        Assert.Equal(postgres, maps.Contains("Npgsql.dll", StringComparison.Ordinal));
        Assert.Equal(postgres, maps.Contains("ArticleBot.Postgres.dll", StringComparison.Ordinal));
    }
}
