using System.Text.Json;

namespace ArticleBot.EndToEnd.Tests;

/// <summary>
/// `chat --json`. The conversations ask the shared <c>chat --json</c> process (<see cref="BotSessions"/>), each after a
/// <c>/new</c>; blank lines and the end of input start their own.
/// </summary>
public sealed class ChatJsonTests(BotSessions sessions)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ChatJson_FollowUp_TakesItsFrameFromTheEarlierTurn()
    {
        // Arrange: 那元寶呢？ alone names no question; after 豆包是哪家公司的產品？ it asks whose product 元寶 is.
        // Act
        var answers = await sessions.ChatJson.ExchangeAsync("豆包是哪家公司的產品？", "那元寶呢？");

        // Assert
        Assert.Equal(2, answers.Length);
        var (first, second) = (answers[0], answers[1]);
        Assert.Contains("字節", first.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal("那元寶呢？", second.GetProperty("question").GetString());
        Assert.True(second.GetProperty("grounded").GetBoolean());
        Assert.Matches(@"^騰訊\[\d+\]：", second.GetProperty("answer").GetString());
        var seed = await File.ReadAllTextAsync(BotProcess.SeedFile, Ct);
        foreach (var citation in second.GetProperty("citations").EnumerateArray())
        {
            Assert.Equal(seed[citation.GetProperty("start").GetInt32()..citation.GetProperty("end").GetInt32()], citation.GetProperty("quote").GetString());
        }
    }

    [Fact]
    public async Task ChatJson_New_StartsANewConversationAndWritesNothing()
    {
        // Arrange: after /new the follow-up has nothing to lean on. Act: the line read after /new and 那元寶呢？ is
        // that question's answer (its "question" says so), so /new wrote nothing.
        var answers = await sessions.ChatJson.ExchangeAsync("豆包是哪家公司的產品？", "/new", "那元寶呢？");

        // Assert
        Assert.Equal(2, answers.Length);
        var second = answers[1];
        Assert.Equal("那元寶呢？", second.GetProperty("question").GetString());
        // In the conversation it would name the owner first ("騰訊[1]：…"); alone it is a plain look-up of 元寶.
        Assert.DoesNotMatch(@"^騰訊\[\d+\]：", second.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task ChatJson_BlankLinesAndEndOfInput_AreHandled()
    {
        var run = await BotProcess.RunAsync(["chat", "--json"], "\n   \nWhat is this article about?\n", cancellationToken: Ct);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var answer = Assert.Single(lines);
        using var json = JsonDocument.Parse(answer);
        Assert.True(json.RootElement.GetProperty("grounded").GetBoolean());
        Assert.True(json.RootElement.GetProperty("citations").GetArrayLength() >= 3);
    }
}
