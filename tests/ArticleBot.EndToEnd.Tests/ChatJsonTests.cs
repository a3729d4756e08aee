using System.Text.Json;

namespace ArticleBot.EndToEnd.Tests;

public sealed class ChatJsonTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ChatJson_FollowUp_TakesItsFrameFromTheEarlierTurn()
    {
        // Arrange: 那元寶呢？ alone names no question; after 豆包是哪家公司的產品？ it asks whose product 元寶 is.
        var stdin = "豆包是哪家公司的產品？\n那元寶呢？\n";

        // Act
        var run = await BotProcess.RunAsync(["chat", "--json"], stdin, cancellationToken: Ct);

        // Assert
        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Contains("字節", first.RootElement.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal("那元寶呢？", second.RootElement.GetProperty("question").GetString());
        Assert.True(second.RootElement.GetProperty("grounded").GetBoolean());
        Assert.Matches(@"^騰訊\[\d+\]：", second.RootElement.GetProperty("answer").GetString());
        var seed = await File.ReadAllTextAsync(BotProcess.SeedFile, Ct);
        foreach (var citation in second.RootElement.GetProperty("citations").EnumerateArray())
        {
            Assert.Equal(seed[citation.GetProperty("start").GetInt32()..citation.GetProperty("end").GetInt32()], citation.GetProperty("quote").GetString());
        }
    }

    [Fact]
    public async Task ChatJson_New_StartsANewConversationAndWritesNothing()
    {
        // Arrange: after /new the follow-up has nothing to lean on.
        var stdin = "豆包是哪家公司的產品？\n/new\n那元寶呢？\n";

        // Act
        var run = await BotProcess.RunAsync(["chat", "--json"], stdin, cancellationToken: Ct);

        // Assert
        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("那元寶呢？", second.RootElement.GetProperty("question").GetString());
        // In the conversation it would name the owner first ("騰訊[1]：…"); alone it is a plain look-up of 元寶.
        Assert.DoesNotMatch(@"^騰訊\[\d+\]：", second.RootElement.GetProperty("answer").GetString());
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
