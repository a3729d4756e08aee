using System.Diagnostics;
using System.Text;
using System.Text.Json;

[assembly: AssemblyFixture(typeof(ArticleBot.EndToEnd.Tests.BotSessions))]

namespace ArticleBot.EndToEnd.Tests;

/// <summary>
/// Long-running machine-interface processes (<c>ask --json -</c>, <c>chat --json</c>) that the tests which only need
/// answers share, instead of each starting the executable (most of a start is JIT: about 1 s of CPU). The tests of
/// what is specific to a start (arguments, exit codes, end of input, stderr) still start their own process.
/// </summary>
public sealed class BotSessions : IAsyncDisposable
{
    /// <summary>One <c>ask --json -</c>: each line is a question, answered with one JSON line.</summary>
    public BotSession AskJson { get; } = new(["ask", "--json", "-"], reset: null);

    /// <summary>One <c>chat --json</c>: every exchange starts with <c>/new</c>, so no test sees another's conversation.</summary>
    public BotSession ChatJson { get; } = new(["chat", "--json"], reset: "/new");

    public async ValueTask DisposeAsync()
    {
        await AskJson.DisposeAsync();
        await ChatJson.DisposeAsync();
    }
}

/// <summary>
/// A bot process driven line by line through a pipe, started on first use. Exchanges take turns; each answer has its
/// own time bound, and a process that failed an exchange (no answer, a line that is not JSON, an exit) is discarded, so
/// the next exchange starts a fresh one: one test's failure cannot leak into another's answers.
/// </summary>
public sealed class BotSession(IReadOnlyList<string> args, string? reset) : IAsyncDisposable
{
    /// <summary>Only a hang reaches it (the answer then never comes, whatever the wait).</summary>
    private static readonly TimeSpan s_answerBound = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _turn = new(1, 1);
    private Process? _process;
    private StringBuilder _stderr = new();

    /// <summary>
    /// Sends <paramref name="lines"/> one at a time and returns the answers: a line starting with '/' is a command that
    /// must write nothing (the next line read answers the next question), any other line is answered by one JSON line,
    /// read before the next line is sent, whose "question" must be that line (when it has no characters the bot drops),
    /// so a stray line fails the exchange that reads it instead of shifting every later answer.
    /// </summary>
    public async Task<JsonElement[]> ExchangeAsync(params string[] lines)
    {
        var ct = TestContext.Current.CancellationToken;
        await _turn.WaitAsync(ct);
        try
        {
            var process = _process ??= Start();
            try
            {
                if (reset is not null)
                {
                    await WriteLineAsync(process, reset, ct);
                }

                var answers = new List<JsonElement>();
                foreach (var line in lines)
                {
                    await WriteLineAsync(process, line, ct);
                    if (line.StartsWith('/'))
                    {
                        continue;
                    }

                    var watch = Stopwatch.StartNew();
                    string? answer;
                    try
                    {
                        answer = await process.StandardOutput.ReadLineAsync(ct).AsTask().WaitAsync(s_answerBound, ct);
                    }
                    catch (TimeoutException)
                    {
                        throw new Xunit.Sdk.XunitException($"no answer to \"{line}\" within {s_answerBound.TotalSeconds:0} s while stdin stayed open: the answer was held back; stderr: {Stderr()}");
                    }

                    // Reported, not asserted (the first exchange includes the bot's start-up).
                    TestContext.Current.TestOutputHelper?.WriteLine($"\"{line}\": answered {watch.Elapsed.TotalMilliseconds:0} ms after the line was sent");
                    _ = answer ?? throw new Xunit.Sdk.XunitException($"ArticleBot {string.Join(' ', args)} ended its output before answering \"{line}\"; stderr: {Stderr()}");
                    using var json = JsonDocument.Parse(answer);
                    var echoed = json.RootElement.GetProperty("question").GetString();
                    if (!HasInvisibleCharacters(line) && echoed != line)
                    {
                        // A line an earlier exchange left unread: this answer is not for this question.
                        throw new Xunit.Sdk.XunitException($"the line read for \"{line}\" answers \"{echoed}\": the process is out of step");
                    }

                    answers.Add(json.RootElement.Clone());
                }

                return [.. answers];
            }
            catch
            {
                Discard();
                throw;
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            // The end of input ends the process cleanly, as after a batch read from a file.
            process.StandardInput.Close();
            try
            {
                await process.WaitForExitAsync().WaitAsync(s_answerBound);
                if (process.ExitCode != 0)
                {
                    throw new Xunit.Sdk.XunitException($"ArticleBot {string.Join(' ', args)} exited with {process.ExitCode} at the end of its input; stderr: {Stderr()}");
                }
            }
            finally
            {
                Discard();
            }
        }

        _turn.Dispose();
    }

    private Process Start()
    {
        var process = BotProcess.Start(args);
        var stderr = _stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Control and format characters, which the bot drops from the question it echoes.</summary>
    private static bool HasInvisibleCharacters(string line) =>
        line.Any(c => char.IsControl(c) || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format);

    private static async Task WriteLineAsync(Process process, string line, CancellationToken ct)
    {
        await process.StandardInput.WriteLineAsync(line.AsMemory(), ct);
        await process.StandardInput.FlushAsync(ct);
    }

    private string Stderr()
    {
        lock (_stderr)
        {
            return _stderr.ToString();
        }
    }

    private void Discard()
    {
        if (_process is { } process)
        {
            _process = null;
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
        }
    }
}
