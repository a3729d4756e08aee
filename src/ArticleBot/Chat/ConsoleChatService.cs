using ArticleBot.Core.Answering;
using ArticleBot.Core.Feedback;
using ArticleBot.Core.Plugins;
using ArticleBot.Output;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace ArticleBot.Chat;

/// <summary>
/// The interactive console chat, as a hosted service: reads questions from stdin, answers with sources, keeps
/// the session's history. Commands: /help, /sources, /quit. End of input or Ctrl+C stops the host.
/// </summary>
public sealed class ConsoleChatService(ArticleAnswerer answerer, PluginCatalog plugins, PluginInvoker invoker, IFeedbackStore feedback, IOptions<AnsweringOptions> answeringOptions, IHostApplicationLifetime lifetime) : BackgroundService
{
    private const string Help = """
        Ask about the article in Chinese (Traditional or Simplified) or English.
          /sources   show the passages of the last answer in full
          /good      rate the last answer helpful; /bad: not helpful (see `feedback`)
          /plugins   list the plugins and their functions
          /call Plugin.function name=value ...   call a plugin function
          /help      show this help
          /quit      leave (Ctrl+C or end of input also work)
        """;

    private readonly ConversationHistory _history = new(answeringOptions.Value.MaxHistoryTurns, answeringOptions.Value.MaxHistoryChars);
    private ArticleAnswer? _last;
    private string? _lastRecordedId;

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interactive = !Console.IsInputRedirected && !Console.IsOutputRedirected;
        var renderer = AnswerRenderer.ForConsole();
        if (interactive)
        {
            AnsiConsole.MarkupLine("[bold]ArticleBot[/] — ask about the article; [grey]/help[/] for commands, [grey]/quit[/] to leave.");
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (interactive)
                {
                    AnsiConsole.Markup("[green]>[/] ");
                }

                var line = await ReadLineAsync(stoppingToken);
                if (line is null)
                {
                    break;
                }

                var question = QuestionText.Clean(line);
                if (question.Length == 0)
                {
                    continue;
                }

                if (question.StartsWith('/'))
                {
                    if (!await HandleCommandAsync(question, renderer, stoppingToken))
                    {
                        break;
                    }

                    continue;
                }

                try
                {
                    _last = await StreamAnswerAsync(question, renderer, stoppingToken);
                    _lastRecordedId = null;
                    await Console.Out.WriteLineAsync();
                    _history.Add(question, _last.Text);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
            }
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    private async Task<bool> HandleCommandAsync(string command, AnswerRenderer renderer, CancellationToken cancellationToken)
    {
        switch (command.Split(' ', 2)[0].ToLowerInvariant())
        {
            case "/plugins":
                await plugins.SettleAsync(cancellationToken); // MCP servers still starting: up or failed first
                await Console.Out.WriteLineAsync(PluginOutput.Text(plugins.Plugins));
                return true;
            case "/call":
                await CallAsync(command, cancellationToken);
                return true;
            case "/good" or "/bad":
                await Console.Out.WriteLineAsync(Rate(command.StartsWith("/good", StringComparison.OrdinalIgnoreCase) ? Vote.Up : Vote.Down));
                return true;
            case "/quit" or "/exit":
                return false;
            case "/help":
                await Console.Out.WriteLineAsync(Help);
                return true;
            case "/sources":
                if (_last is null)
                {
                    await Console.Out.WriteLineAsync("No answer yet.");
                }
                else
                {
                    renderer.WriteSources(_last);
                }

                return true;
            default:
                await Console.Out.WriteLineAsync($"Unknown command {command.Split(' ', 2)[0]}. Try /help.");
                return true;
        }
    }

    /// <summary>
    /// Rates the last answer. It is recorded on its first rating (answers nobody rates are not stored); the reader is
    /// this machine's user, kept only as a salted hash, so rating again changes the vote instead of adding one.
    /// </summary>
    private string Rate(Vote vote)
    {
        if (_last is null)
        {
            return "No answer to rate yet.";
        }

        _lastRecordedId ??= feedback.RecordAnswer(_last, "console");
        var outcome = _lastRecordedId is null ? VoteOutcome.Unavailable : feedback.Vote(_lastRecordedId, "console:" + Environment.UserName, vote);
        return outcome switch
        {
            VoteOutcome.Recorded => vote == Vote.Up ? "Thanks: rated helpful." : "Thanks: rated not helpful. `feedback` lists such answers.",
            VoteOutcome.Changed => "Your rating of that answer is updated.",
            VoteOutcome.Queued => "Thanks: the ratings database is out of reach, so the rating is kept here and sent when it is back.",
            _ => "The rating could not be recorded (see the log); the chat goes on.",
        };
    }

    /// <summary>"/call Plugin.function name=value ...": the result, or why the call cannot be made.</summary>
    private async Task CallAsync(string command, CancellationToken cancellationToken)
    {
        var parts = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2)
        {
            await Console.Out.WriteLineAsync("Usage: /call Plugin.function name=value ...  (see /plugins)");
            return;
        }

        try
        {
            var result = await invoker.InvokeAsync(parts[1], PluginInvoker.ParseArguments(parts.Skip(2)), cancellationToken);
            await Console.Out.WriteLineAsync(result.Result);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bad call, or a plugin that throws or hangs, fails its call; the chat goes on.
            await Console.Out.WriteLineAsync(PluginCallFailure.Describe(parts[1], ex));
        }
    }

    /// <summary>Prints the answer as it streams in, then its sources.</summary>
    private async Task<ArticleAnswer> StreamAnswerAsync(string question, AnswerRenderer renderer, CancellationToken cancellationToken)
    {
        await foreach (var update in answerer.AskStreamingAsync(question, _history.Messages(), cancellationToken))
        {
            if (update.Answer is { } answer)
            {
                renderer.EndStream(answer);
                return answer;
            }

            if (update.Restart)
            {
                renderer.WriteDelta(Environment.NewLine);
            }

            if (update.Fallback is { } reason)
            {
                renderer.WriteFallbackNotice(reason);
            }

            if (update.Text is { Length: > 0 } text)
            {
                renderer.WriteDelta(text);
            }
        }

        throw new InvalidOperationException("The answer stream ended without an answer.");
    }

    /// <summary>
    /// Reads a line, returning null at end of input or when the host stops. Console.In reads synchronously even
    /// through ReadLineAsync, so the read runs on the thread pool and is abandoned (not awaited) on shutdown.
    /// </summary>
    private static async Task<string?> ReadLineAsync(CancellationToken stoppingToken)
    {
        var read = Task.Run(Console.In.ReadLine, CancellationToken.None);
        var stopped = Task.Delay(Timeout.Infinite, stoppingToken);
        var first = await Task.WhenAny(read, stopped);
        return first == read ? await read : null;
    }
}
