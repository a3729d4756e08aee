using System.Text.Json;

namespace ArticleBot.EndToEnd.Tests.Postgres;

/// <summary>
/// The built executable with <c>Storage:Provider</c> = <c>Postgres</c>: several processes rating into one database,
/// and the settings' errors. The connection string always carries <see cref="PostgresCluster.Password"/>, and no
/// output may show it.
/// </summary>
[Collection(PostgresTests.Name)]
public sealed class SharedDatabaseTests(PostgresCluster cluster)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static Dictionary<string, string> Postgres(string connectionString, params (string Key, string Value)[] more)
    {
        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Postgres",
            ["Storage__ConnectionString"] = connectionString,
            ["Logging__LogLevel__Default"] = "Trace",
        };
        foreach (var (key, value) in more)
        {
            environment[key] = value;
        }

        return environment;
    }

    [Fact]
    public async Task TwoChatProcesses_OneDatabase_FeedbackReadsBothVotes_ThePasswordNeverShown()
    {
        // Arrange: two processes at once on a new database, each rating its own answer.
        var database = await cluster.CreateDatabaseAsync(Ct);
        var environment = Postgres(database);

        // Act
        var chats = await Task.WhenAll(
            BotProcess.RunAsync([], "騰訊春節要分多少紅包？\n/bad\n", environment: environment, cancellationToken: Ct),
            BotProcess.RunAsync([], "OpenAI的廣告業務每年可能帶來多少收入？\n/good\n", environment: environment, cancellationToken: Ct));
        var lines = await BotProcess.RunAsync(["feedback", "--json"], environment: environment, cancellationToken: Ct);
        var report = await BotProcess.RunAsync(["feedback"], environment: environment, cancellationToken: Ct);

        // Assert
        Assert.All(chats, c => Assert.True(c.ExitCode == 0, c.Stderr));
        Assert.Contains("rated not helpful", chats[0].Stdout, StringComparison.Ordinal);
        Assert.Contains("rated helpful", chats[1].Stdout, StringComparison.Ordinal);
        var objects = lines.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["down", "up"], objects.Select(o => o.GetProperty("vote").GetString()));
        Assert.Equal("騰訊春節要分多少紅包？", objects[0].GetProperty("question").GetString());
        Assert.Contains("2 rated answers: 1 helpful, 1 not helpful", report.Stdout, StringComparison.Ordinal);
        Assert.Contains("postgres://articlebot@127.0.0.1:", report.Stdout, StringComparison.Ordinal);
        var everything = string.Concat(chats.Concat([lines, report]).Select(r => r.Stdout + r.Stderr));
        Assert.Contains("trce", everything, StringComparison.Ordinal); // Trace logging was on
        Assert.DoesNotContain(PostgresCluster.Password, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(Environment.UserName, lines.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectionString_FromASystemdCredential_IsUsed()
    {
        // Arrange: LoadCredential= puts the secret in a file named like the environment variable.
        var database = await cluster.CreateDatabaseAsync(Ct);
        var credentials = Directory.CreateTempSubdirectory("articlebot-credentials-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(credentials, "Storage__ConnectionString"), database, Ct);
            var environment = new Dictionary<string, string> { ["Storage__Provider"] = "Postgres", ["CREDENTIALS_DIRECTORY"] = credentials };

            // Act
            var chat = await BotProcess.RunAsync([], "英偉達的市值突破了多少？\n/good\n", environment: environment, cancellationToken: Ct);
            var lines = await BotProcess.RunAsync(["feedback", "--json"], environment: Postgres(database), cancellationToken: Ct);

            // Assert
            Assert.True(chat.ExitCode == 0, chat.Stderr);
            Assert.Contains("英偉達的市值突破了多少？", lines.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(credentials, recursive: true);
        }
    }

    [Fact]
    public async Task WrongPassword_AndMissingDatabase_ExitWith2_NamingTheSetting_NeverThePassword()
    {
        var database = await cluster.CreateDatabaseAsync(Ct);
        var name = new Npgsql.NpgsqlConnectionStringBuilder(database).Database!;

        var wrong = await BotProcess.RunAsync(["feedback"], environment: Postgres(cluster.ConnectionString(name, password: "wrong-" + PostgresCluster.Password)), cancellationToken: Ct);
        var missing = await BotProcess.RunAsync(["ask", "騰訊春節要分多少紅包？"], environment: Postgres(cluster.ConnectionString("no_such_database")), cancellationToken: Ct);

        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("error: Storage:ConnectionString", wrong.Stderr, StringComparison.Ordinal);
        Assert.Contains("password", wrong.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("error: Storage:ConnectionString names a database that does not exist", missing.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, missing.Stdout);
        foreach (var run in new[] { wrong, missing })
        {
            Assert.DoesNotContain(PostgresCluster.Password, run.Stdout + run.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        }
    }
}

/// <summary>Settings errors and a database that is down: no server needed, so these always run.</summary>
public sealed class StorageSettingsTests
{
    private const string Secret = "s3cret-Vb82-never-logged";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A loopback port nothing listens on: connections are refused at once, as by a stopped server.</summary>
    internal static int ClosedPort() => ArticleBot.Tests.Shared.RefusingPort.Number;

    // One bad connection string through the executable; every kind of bad one is checked in process
    // (tests/ArticleBot.Discord.Tests/Storage/ConnectionStringValidationTests.cs).
    [Fact]
    public async Task BadConnectionString_ExitsWith2_NamingTheSetting_NeverItsValue()
    {
        var run = await BotProcess.RunAsync(["feedback"], environment: SharedDatabaseTests.Postgres("Host=127.0.0.1;Passwrd=" + Secret), cancellationToken: Ct);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Storage:ConnectionString is not a PostgreSQL connection string", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownProvider_ExitsWith2_NamingTheSetting()
    {
        var run = await BotProcess.RunAsync(["feedback", "--Storage:Provider=Mysql"], cancellationToken: Ct);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Storage:Provider", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DatabaseDownAtStart_TheChatStillAnswers_RatingsWait_AFullQueueWarnsOnce()
    {
        // Arrange: nothing listens on the port; two ratings fit in the queue (an answer and its vote).
        var environment = SharedDatabaseTests.Postgres(
            $"Host=127.0.0.1;Port={ClosedPort()};Database=articlebot;Username=articlebot;Password={Secret}",
            ("Storage__QueueCapacity", "2"));

        // Act
        var chat = await BotProcess.RunAsync([], "騰訊春節要分多少紅包？\n/good\nOpenAI的廣告業務每年可能帶來多少收入？\n/good\n英偉達的市值突破了多少？\n/good\n", environment: environment, cancellationToken: Ct);
        var feedback = await BotProcess.RunAsync(["feedback"], environment: environment, cancellationToken: Ct);

        // Assert: answers as usual; the first rating waits, the later ones do not fit; one warning of each kind.
        Assert.Equal(0, chat.ExitCode);
        Assert.Contains("10億", chat.Stdout, StringComparison.Ordinal);
        Assert.Contains("250億美元", chat.Stdout, StringComparison.Ordinal);
        Assert.Contains("5萬億", chat.Stdout, StringComparison.Ordinal);
        Assert.Contains("kept here and sent when it is back", chat.Stdout, StringComparison.Ordinal);
        Assert.Contains("could not be recorded", chat.Stdout, StringComparison.Ordinal);
        var warnings = chat.Stderr.Split('\n').Where(l => l.StartsWith("warn", StringComparison.Ordinal)).ToList();
        Assert.Single(warnings, l => l.Contains("ratings database", StringComparison.Ordinal) && l.Contains("out of reach", StringComparison.Ordinal));
        Assert.Single(warnings, l => l.Contains("article database", StringComparison.Ordinal)); // answering on the last copy; no second warning while it retries
        Assert.Single(warnings, l => l.Contains("Storage:QueueCapacity", StringComparison.Ordinal));
        Assert.Equal(1, feedback.ExitCode);
        Assert.Contains("error: cannot read the ratings database postgres://articlebot@127.0.0.1:", feedback.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, chat.Stdout + chat.Stderr + feedback.Stdout + feedback.Stderr, StringComparison.Ordinal);
    }
}
