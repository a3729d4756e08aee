using System.Text.Json;

namespace ArticleBot.EndToEnd.Tests;

/// <summary>Ratings in the console chat (/good, /bad), then <c>feedback</c> and <c>feedback --json</c>.</summary>
public sealed class FeedbackTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("articlebot-feedback-e2e-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Database => $"--Feedback:DatabasePath={Path.Combine(_folder, "feedback.db")}";

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ChatRatings_AreListedByFeedback_AsEvalLines_WithoutTheUser()
    {
        // Arrange: two answers, the first rated not helpful (twice: one reader, one vote), the second helpful.
        var chat = await BotProcess.RunAsync(
            [Database],
            "騰訊春節要分多少紅包？\n/bad\n/bad\nOpenAI的廣告業務每年可能帶來多少收入？\n/good\n",
            cancellationToken: Ct);

        // Act
        var report = await BotProcess.RunAsync(["feedback", Database], cancellationToken: Ct);
        var lines = await BotProcess.RunAsync(["feedback", "--json", Database], cancellationToken: Ct);

        // Assert
        Assert.Equal(0, chat.ExitCode);
        Assert.Contains("rated not helpful", chat.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, report.ExitCode);
        Assert.Contains("2 rated answers: 1 helpful, 1 not helpful", report.Stdout, StringComparison.Ordinal);
        Assert.Contains("騰訊春節要分多少紅包？  (0 up, 1 down)", report.Stdout, StringComparison.Ordinal);
        var objects = lines.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, objects.Count);
        var worst = objects[0];
        Assert.Equal("騰訊春節要分多少紅包？", worst.GetProperty("question").GetString());
        Assert.Equal("down", worst.GetProperty("vote").GetString());
        Assert.Equal("extractive", worst.GetProperty("backend").GetString());
        Assert.True(worst.GetProperty("citations").GetArrayLength() > 0);
        Assert.True(DateTimeOffset.TryParse(worst.GetProperty("at").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.Equal("up", objects[1].GetProperty("vote").GetString());
        Assert.DoesNotContain(Environment.UserName, lines.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CorruptDatabase_TheChatStillAnswers_AndSaysTheRatingFailed()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "feedback.db"), new string('x', 4096), Ct);

        var chat = await BotProcess.RunAsync([Database], "騰訊春節要分多少紅包？\n/good\n英偉達的市值突破了多少？\n", cancellationToken: Ct);

        Assert.Equal(0, chat.ExitCode);
        Assert.Contains("could not be recorded", chat.Stdout, StringComparison.Ordinal);
        Assert.Contains("5萬億", chat.Stdout, StringComparison.Ordinal);
        Assert.Single(chat.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("Ratings cannot be recorded", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Feedback_OnAFolderInsteadOfADatabase_ExitsWith1_AndWritesNothing(bool asJson)
    {
        // `feedback --json > file` used to write an empty file and exit 0, saying "No ratings yet".
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "feedback.db")).FullName;

        var run = await BotProcess.RunAsync(asJson ? ["feedback", "--json", Database] : ["feedback", Database], cancellationToken: Ct);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains($"error: the ratings database {folder} is a folder", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Soak")]
    public async Task TwentyChatsRatingAtOnce_OnANewDatabase_LoseNoVote()
    {
        // 20 processes start together on a database that does not exist yet; each rates three answers.
        const int Processes = 20;
        var runs = await Task.WhenAll(Enumerable.Range(0, Processes).Select(_ => BotProcess.RunAsync(
            [Database],
            "騰訊春節要分多少紅包？\n/good\nOpenAI的廣告業務每年可能帶來多少收入？\n/good\n英偉達的市值突破了多少？\n/good\n",
            cancellationToken: Ct)));
        var report = await BotProcess.RunAsync(["feedback", "--json", Database], cancellationToken: Ct);

        Assert.All(runs, r => Assert.Equal(0, r.ExitCode));
        Assert.All(runs, r => Assert.False(r.Stdout.Contains("could not be recorded", StringComparison.Ordinal), r.Stderr)); // stderr says why
        Assert.Equal(Processes * 3, report.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
