using System.Diagnostics;
using System.Text.Json;

namespace ArticleBot.EndToEnd.Tests.Postgres;

/// <summary>
/// Two bot processes, as on two machines (each its own seeds folder), on one database: an article imported by one is
/// answered by the other, which has never seen the file.
/// </summary>
[Collection(PostgresTests.Name)]
public sealed class SharedArticlesTests(PostgresCluster cluster) : IDisposable
{
    private const string Article = """
        The harbour bridge reopened on Monday after eleven months of repairs that cost 48 million euros.

        Engineers replaced the main cables, which had corroded faster than the original design expected.

        The city council said tolls would stay at two euros for cars and fall to zero for bicycles.
        """;

    private readonly string _temp = Directory.CreateTempSubdirectory("articlebot-shared-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    /// <summary>One machine's settings: its own seeds folder (the shared article only) and cache.</summary>
    private string[] Machine(string name)
    {
        var seeds = Path.Combine(_temp, name, "seeds");
        Directory.CreateDirectory(seeds);
        File.Copy(BotProcess.SeedFile, Path.Combine(seeds, "ai-race-2026.txt"));
        return [$"--Corpus:SeedsPath={seeds}", $"--Corpus:CachePath={Path.Combine(_temp, name, "cache")}"];
    }

    [Fact]
    public async Task AnArticleImportedOnOneMachine_IsAnsweredOnTheOther_WithinSeconds()
    {
        // Arrange: machine b runs a chat; machine a will import a file b does not have.
        var database = await cluster.CreateDatabaseAsync(Ct);
        var environment = SharedDatabaseTests.Postgres(database, ("Logging__LogLevel__Default", "Information"));
        var a = Machine("a");
        var b = Machine("b");
        var file = Path.Combine(_temp, "harbour-bridge.txt");
        await File.WriteAllTextAsync(file, Article, Ct);
        using var chat = BotProcess.Start(["chat", "--json", .. b], environment: environment);
        var stderr = new System.Text.StringBuilder();
        chat.ErrorDataReceived += (_, e) => { lock (stderr) { stderr.AppendLine(e.Data); } };
        chat.BeginErrorReadLine();
        const string Question = "How much did the harbour bridge repairs cost?";
        async Task<JsonDocument> AskAsync()
        {
            await chat.StandardInput.WriteLineAsync(Question);
            await chat.StandardInput.FlushAsync(Ct);
            var line = await chat.StandardOutput.ReadLineAsync(Ct) ?? throw new InvalidOperationException("the chat ended: " + stderr);
            return JsonDocument.Parse(line);
        }

        static bool CitesImported(JsonDocument answer) =>
            answer.RootElement.GetProperty("grounded").GetBoolean()
            && answer.RootElement.GetProperty("citations").EnumerateArray().Any(c =>
                c.GetProperty("source").GetString()!.Contains("/imported/", StringComparison.Ordinal)
                && c.GetProperty("quote").GetString()!.Contains("48 million euros", StringComparison.Ordinal));

        try
        {
            using (var first = await AskAsync())
            {
                Assert.False(CitesImported(first));
            }

            // Act: machine a imports; machine b is asked again until its answer cites the article.
            var add = await BotProcess.RunAsync(["add", file, "--json", .. a], environment: environment, cancellationToken: Ct);
            Assert.True(add.ExitCode == 0, add.Stderr);
            var added = Stopwatch.StartNew();
            var answered = false;
            var asked = 0;
            // The 5 s target is measured and reported, not asserted: a loaded machine is slower, and only a hang reaches this bound.
            while (!answered && added.Elapsed < TimeSpan.FromSeconds(60))
            {
                using var answer = await AskAsync();
                answered = CitesImported(answer);
                asked++;
            }

            var latency = added.Elapsed;
            var report = $"article imported by one process (`add`), answered by another (`chat --json`) on one PostgreSQL: first answer citing it {latency.TotalMilliseconds:F0} ms after `add` exited ({asked} questions)";
            TestContext.Current.TestOutputHelper?.WriteLine(report);
            await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "shared-import-latency.txt"), report + "\n", Ct);

            // Assert
            lock (stderr)
            {
                Assert.True(answered, $"not answered within {latency.TotalSeconds:F0} s of the add; b's log: {stderr}");
            }

            using var imported = JsonDocument.Parse(add.Stdout);
            var id = imported.RootElement.GetProperty("id").GetString()!;
            var copy = Path.Combine(b[0]["--Corpus:SeedsPath=".Length..], "imported", id + ".md");
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(a[0]["--Corpus:SeedsPath=".Length..], "imported", id + ".md"), Ct), await File.ReadAllTextAsync(copy, Ct));
        }
        finally
        {
            chat.StandardInput.Close();
            if (!chat.WaitForExit(TimeSpan.FromSeconds(20)))
            {
                chat.Kill(entireProcessTree: true);
            }
        }

        lock (stderr)
        {
            Assert.DoesNotContain(PostgresCluster.Password, stderr.ToString(), StringComparison.Ordinal);
        }
    }
}
