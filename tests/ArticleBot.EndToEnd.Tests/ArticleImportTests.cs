using System.Text;
using System.Text.Json;
using ArticleBot.Ingest.Tests;

namespace ArticleBot.EndToEnd.Tests;

/// <summary>
/// <c>add</c>, <c>articles</c> and <c>remove</c>, run as a user runs them, against pages served on 127.0.0.1; the
/// imported article is then answered on with citations that carry its title and URL.
/// </summary>
public sealed class ArticleImportTests : IDisposable
{
    private const string Page = """
        <!DOCTYPE html><html><head><meta charset="gb2312"><title>Harbour bridge reopens after repairs</title>
        <meta name="author" content="Ana Ruiz"></head><body><nav>Home | World | Sport</nav>
        <article><h1>Harbour bridge reopens after repairs</h1>
        <p>The harbour bridge reopened on Monday after eleven months of repairs that cost 48 million euros.</p>
        <p>Engineers replaced the main cables, which had corroded faster than the original design expected.</p>
        <p>The city council said tolls would stay at two euros for cars and fall to zero for bicycles.</p>
        <p>The mayor, José Ortiz, cut the ribbon at dawn.</p>
        </article><footer>Contact us</footer></body></html>
        """;

    private readonly string _temp = Directory.CreateTempSubdirectory("articlebot-add-").FullName;
    private readonly string _seeds;

    public ArticleImportTests()
    {
        _seeds = Path.Combine(_temp, "seeds");
        Directory.CreateDirectory(_seeds);
        File.Copy(BotProcess.SeedFile, Path.Combine(_seeds, "ai-race-2026.txt"));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string[] Settings(bool allowPrivate = true) =>
        [$"--Corpus:SeedsPath={_seeds}", $"--Corpus:CachePath={Path.Combine(_temp, "cache")}", $"--Ingest:AllowPrivateAddresses={allowPrivate}"];

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public async Task An_added_web_page_is_listed_answered_with_its_title_and_url_and_removed()
    {
        using var server = new PageServer();
        server.Serve("/bridge.html", PageResponse.Ok("text/html", Encoding.UTF8.GetBytes(Page))); // meta says gb2312, the bytes are UTF-8
        var url = server.Url("/bridge.html").AbsoluteUri;

        var add = await BotProcess.RunAsync(["add", url, "--json", .. Settings()], cancellationToken: Ct);
        Assert.True(add.ExitCode == 0, add.Stderr);
        using var added = JsonDocument.Parse(add.Stdout);
        var id = added.RootElement.GetProperty("id").GetString()!;
        Assert.Equal("Harbour bridge reopens after repairs", added.RootElement.GetProperty("title").GetString());
        Assert.Equal("Ana Ruiz", added.RootElement.GetProperty("byline").GetString());
        Assert.Equal(url, added.RootElement.GetProperty("url").GetString());
        Assert.Equal("utf-8", added.RootElement.GetProperty("encoding").GetString());
        Assert.Contains("José Ortiz", File.ReadAllText(Path.Combine(_seeds, "imported", id + ".md")), StringComparison.Ordinal);

        var list = await BotProcess.RunAsync(["articles", "--json", .. Settings()], cancellationToken: Ct);
        Assert.Equal(0, list.ExitCode);
        using var listed = JsonDocument.Parse(Assert.Single(list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(id, listed.RootElement.GetProperty("id").GetString());

        var ask = await BotProcess.RunAsync(["ask", "--json", "How much did the bridge repairs cost?", .. Settings()], cancellationToken: Ct);
        Assert.True(ask.ExitCode == 0, ask.Stderr);
        using var answer = JsonDocument.Parse(ask.Stdout);
        Assert.True(answer.RootElement.GetProperty("grounded").GetBoolean(), ask.Stdout);
        var citation = answer.RootElement.GetProperty("citations").EnumerateArray().First(c => c.GetProperty("passageId").GetString()!.StartsWith(id, StringComparison.Ordinal));
        Assert.Contains("48 million euros", citation.GetProperty("quote").GetString(), StringComparison.Ordinal);
        Assert.Equal("Harbour bridge reopens after repairs", citation.GetProperty("title").GetString());
        Assert.Equal(url, citation.GetProperty("url").GetString());
        var seedText = File.ReadAllText(Path.Combine(_seeds, "imported", id + ".md"));
        Assert.Equal(citation.GetProperty("quote").GetString(), seedText[citation.GetProperty("start").GetInt32()..citation.GetProperty("end").GetInt32()]);

        var remove = await BotProcess.RunAsync(["remove", id, .. Settings()], cancellationToken: Ct);
        Assert.Equal(0, remove.ExitCode);
        Assert.Contains(id, remove.Stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(_seeds, "imported")));
    }

    [Fact]
    public async Task An_article_added_while_a_chat_runs_is_answered_in_that_chat_within_5_seconds()
    {
        using var server = new PageServer();
        server.Serve("/bridge.html", PageResponse.Ok("text/html; charset=utf-8", Encoding.UTF8.GetBytes(Page)));
        using var chat = BotProcess.Start(["chat", "--json", .. Settings()]);
        const string Question = "How much did the harbour bridge repairs cost?";
        async Task<JsonDocument> AskAsync()
        {
            await chat.StandardInput.WriteLineAsync(Question);
            await chat.StandardInput.FlushAsync(Ct);
            var line = await chat.StandardOutput.ReadLineAsync(Ct) ?? throw new InvalidOperationException("the chat ended: " + await chat.StandardError.ReadToEndAsync(Ct));
            return JsonDocument.Parse(line);
        }

        static bool CitesImported(JsonDocument answer) =>
            answer.RootElement.GetProperty("grounded").GetBoolean()
            && answer.RootElement.GetProperty("citations").EnumerateArray().Any(c => c.GetProperty("source").GetString()!.Contains("/imported/", StringComparison.Ordinal));

        try
        {
            using (var first = await AskAsync())
            {
                Assert.False(CitesImported(first));
            }

            var add = await BotProcess.RunAsync(["add", server.Url("/bridge.html").AbsoluteUri, .. Settings()], cancellationToken: Ct);
            Assert.True(add.ExitCode == 0, add.Stderr);
            var added = System.Diagnostics.Stopwatch.StartNew();
            var answered = false;
            // The 5 s target is measured (bench/import.sh reports this run's figure), not asserted: a loaded machine is
            // slower, and only a hang reaches this bound.
            while (!answered && added.Elapsed < TimeSpan.FromSeconds(120))
            {
                using var answer = await AskAsync();
                answered = CitesImported(answer);
            }

            var latency = added.Elapsed;
            await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "live-reload-latency.txt"),
                $"article added while `chat --json` runs: first answer citing it {latency.TotalMilliseconds:F0} ms after `add` exited\n", Ct);
            Assert.True(answered, $"not answered within {latency.TotalSeconds:F0} s of the add");
        }
        finally
        {
            chat.StandardInput.Close();
            if (!chat.WaitForExit(TimeSpan.FromSeconds(20)))
            {
                chat.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task Loopback_is_refused_unless_allowed_and_nothing_is_written()
    {
        using var server = new PageServer();
        server.Serve("/bridge.html", PageResponse.Html(Page));

        var add = await BotProcess.RunAsync(["add", server.Url("/bridge.html").AbsoluteUri, "--json", .. Settings(allowPrivate: false)], cancellationToken: Ct);

        Assert.Equal(1, add.ExitCode);
        Assert.Contains("loopback", add.Stderr, StringComparison.Ordinal);
        Assert.Contains("Ingest:AllowPrivateAddresses", add.Stderr, StringComparison.Ordinal);
        using var refusal = JsonDocument.Parse(add.Stdout);
        Assert.Equal("private-address", refusal.RootElement.GetProperty("reason").GetString());
        Assert.Empty(server.Requests);
        Assert.Equal(["ai-race-2026.txt"], Directory.GetFileSystemEntries(_seeds).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_local_markdown_file_is_added_and_a_missing_one_is_a_usage_error()
    {
        var file = Path.Combine(_temp, "notes.md");
        await File.WriteAllTextAsync(file, "# Field notes\n\nThe survey counted 312 nesting pairs on the island.\n", Ct);

        var add = await BotProcess.RunAsync(["add", file, .. Settings()], cancellationToken: Ct);
        var missing = await BotProcess.RunAsync(["add", Path.Combine(_temp, "nope.md"), .. Settings()], cancellationToken: Ct);
        var unknown = await BotProcess.RunAsync(["remove", "no-such-id", .. Settings()], cancellationToken: Ct);

        Assert.True(add.ExitCode == 0, add.Stderr);
        Assert.StartsWith("Added field-notes-", add.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("No such file", missing.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("no-such-id", unknown.Stderr, StringComparison.Ordinal);
    }
}
