using System.CommandLine;
using System.Text;
using ArticleBot.Core.Answering;
using ArticleBot.Core.Answering.Gate;
using ArticleBot.Core.Evaluation;
using ArticleBot.Core.Hosting;
using ArticleBot.Core.Language.Questions;
using ArticleBot.Core.Plugins;
using ArticleBot.Core.Search;
using ArticleBot.Core.Text;
using ArticleBot.Output;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace ArticleBot.Cli;

/// <summary>The command line of architecture.md: chat (no verb), ask, search, eval.</summary>
public static class CommandLineApp
{
    /// <summary>Usage of <c>ask</c>, printed on stderr when the question is missing or empty.</summary>
    public const string AskUsage = """
        usage: ArticleBot ask "<question>" [--json]
               ArticleBot ask --json - [--parallel N]   (one question per line on stdin, one JSON object per line out,
                                                          in order; N answered at once, default 1)
        """;

    /// <summary>Parses and runs a command line (configuration switches already removed).</summary>
    /// <param name="commandArgs">The command and its arguments.</param>
    /// <param name="configurationArgs">The <c>--Section:Key=value</c> switches.</param>
    /// <param name="stopping">Cancelled on SIGINT/SIGTERM (<see cref="ShutdownWatchdog.Stopping"/>): the command stops gracefully.</param>
    public static async Task<int> RunAsync(string[] commandArgs, string[] configurationArgs, CancellationToken stopping = default)
    {
        var root = Build(configurationArgs);
        var parse = root.Parse(commandArgs);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"error: {error.Message}");
            }

            await Console.Error.WriteLineAsync("Run 'ArticleBot --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(
                new InvocationConfiguration
                {
                    EnableDefaultExceptionHandler = false,

                    // Signals are the watchdog's alone (see ShutdownWatchdog): it cancels `stopping`, which the action
                    // gets as its token, and bounds the graceful stop.
                    ProcessTerminationTimeout = null,
                },
                stopping);
        }
        catch (InputEncodingException ex)
        {
            TryWriteError($"error: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (IOException ex)
        {
            // stdout closed early (a pipe whose reader quit) or a full disk (/dev/full): say so in one line.
            TryWriteError($"error: cannot write the output: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (UnauthorizedAccessException ex)
        {
            // A file the command was told to write that it may not, or an output descriptor that is not writable: one line, no stack trace.
            TryWriteError($"error: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug: one line for the user, the details for a report.
            TryWriteError($"error: {ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}");
            return ExitCodes.Failure;
        }
    }

    private static void TryWriteError(string message)
    {
        try
        {
            Console.Error.WriteLine(message);
        }
        catch (IOException)
        {
            // stderr is gone too: the exit code is all that is left.
        }
    }

    private static RootCommand Build(string[] configurationArgs)
    {
        var root = new RootCommand("""
            ArticleBot answers questions about the article in seeds/ and cites the passages it used.
            Without a command it starts an interactive chat. Configuration switches such as
            --Corpus:SeedsPath=other or --Retrieval:TargetPrecision=0.7 may be given with any command.
            """);
        root.Subcommands.Add(AskCommand(configurationArgs));
        root.Subcommands.Add(ChatCommand(configurationArgs));
        root.Subcommands.Add(SearchCommand(configurationArgs));
        root.Subcommands.Add(EvalCommand(configurationArgs));
        root.Subcommands.Add(PluginsCommand(configurationArgs));
        root.Subcommands.Add(CallCommand(configurationArgs));
        root.Subcommands.Add(McpCommand(configurationArgs));
        root.Subcommands.Add(FeedbackCommand(configurationArgs));
        ArticleCommands.AddTo(root, configurationArgs);
        var discord = new Command("discord", "Runs the bot in Discord until Ctrl+C or SIGTERM (needs Discord:Token).");
        discord.SetAction((_, cancellationToken) =>
        {
            AnswerDataPreload.Start();
            return BotHost.RunDiscordAsync(configurationArgs, cancellationToken);
        });
        root.Subcommands.Add(discord);
        root.SetAction((_, cancellationToken) =>
        {
            AnswerDataPreload.Start();
            return BotHost.RunChatAsync(configurationArgs, cancellationToken);
        });
        return root;
    }

    private static Command AskCommand(string[] configurationArgs)
    {
        var question = new Argument<string?>("question") { Description = "The question, or - to read one question per line from stdin.", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Write one JSON object per answer." };
        var parallel = new Option<int>("--parallel")
        {
            Description = "With -, how many questions are answered at once (default 1). Worth raising with a model, whose answers wait on the network; answers keep the input's order.",
            DefaultValueFactory = _ => 1,
        };
        var command = new Command("ask", "Answers one question (or a batch from stdin) about the article.") { question, json, parallel };
        command.SetAction((parse, cancellationToken) =>
        {
            var text = parse.GetValue(question);
            var asJson = parse.GetValue(json);
            if (text == "-")
            {
                var atOnce = parse.GetValue(parallel);
                if (atOnce is < 1 or > 256)
                {
                    Console.Error.WriteLine("error: --parallel takes a number from 1 to 256.");
                    Console.Error.WriteLine(AskUsage);
                    return Task.FromResult(ExitCodes.Usage);
                }

                AnswerDataPreload.Start();
                return BotHost.RunAsync(configurationArgs, (services, ct) => AskBatchAsync(services, asJson, atOnce, ct), cancellationToken);
            }

            if (QuestionText.Clean(text).Length == 0)
            {
                Console.Error.WriteLine("error: the question is empty.");
                Console.Error.WriteLine(AskUsage);
                return Task.FromResult(ExitCodes.Usage);
            }

            AnswerDataPreload.Start();
            return BotHost.RunAsync(configurationArgs, async (services, ct) =>
            {
                var answer = await services.GetRequiredService<ArticleAnswerer>().AskAsync(text!, null, ct);
                if (asJson)
                {
                    await Console.Out.WriteLineAsync(JsonOutput.Answer(answer));
                }
                else
                {
                    AnswerRenderer.ForConsole().Write(answer);
                }

                return ExitCodes.Success;
            }, cancellationToken);
        });
        return command;
    }

    /// <summary>One line of a batch: its answer, or why it has none.</summary>
    private sealed record BatchAnswer(string Question, ArticleAnswer? Answer, Exception? Error);

    private static async Task<int> AskBatchAsync(IServiceProvider services, bool asJson, int parallel, CancellationToken cancellationToken)
    {
        var answerer = services.GetRequiredService<ArticleAnswerer>();
        var renderer = AnswerRenderer.ForConsole();

        // JSON lines go through a buffer, flushed whenever the next read has to wait for input: each answer is out as
        // soon as its line is read, and a pipe of 10,000 questions costs one write per input buffer, not per answer.
        await using var buffered = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 64 * 1024) { AutoFlush = false };
        var stdout = asJson ? buffered : Console.Out;
        using var input = new InputLines(Console.OpenStandardInput());
        var failures = 0;
        await OrderedBatch.RunAsync(
            async ct =>
            {
                // Blank lines are skipped; null is the end of input.
                while (await input.ReadLineAsync(static () => Task.CompletedTask, ct) is { } line)
                {
                    if (QuestionText.Clean(line) is { Length: > 0 } question)
                    {
                        return question;
                    }
                }

                return null;
            },
            async (question, ct) =>
            {
                try
                {
                    return new BatchAnswer(question, await answerer.AskAsync(question, null, ct), null);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    return new BatchAnswer(question, null, ex);
                }
            },
            async result =>
            {
                if (result.Answer is null)
                {
                    // One question's failure is that question's line; the batch goes on.
                    failures++;
                    await Console.Error.WriteLineAsync($"error: could not answer \"{TextCut.AtMost(result.Question, 80)}\": {result.Error!.Message}");
                    if (asJson)
                    {
                        await stdout.WriteLineAsync(JsonOutput.Failure(result.Question, result.Error.Message));
                    }
                }
                else if (asJson)
                {
                    await stdout.WriteLineAsync(JsonOutput.Answer(result.Answer));
                }
                else
                {
                    renderer.Write(result.Answer);
                    await stdout.WriteLineAsync();
                }
            },
            () => stdout.FlushAsync(cancellationToken),
            parallel,
            cancellationToken);

        await stdout.FlushAsync(cancellationToken);
        return failures == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static Command ChatCommand(string[] configurationArgs)
    {
        var json = new Option<bool>("--json")
        {
            Description = "Machine-readable: one turn per line on stdin, all in one conversation; one 'ask --json' object per turn out. A line /new starts a new conversation.",
        };
        var command = new Command("chat", "Starts the interactive chat (the default), or with --json a machine-readable one.") { json };
        command.SetAction((parse, cancellationToken) =>
        {
            AnswerDataPreload.Start();
            return parse.GetValue(json)
                ? BotHost.RunAsync(configurationArgs, ChatJsonAsync, cancellationToken, watchSeeds: true)
                : BotHost.RunChatAsync(configurationArgs, cancellationToken);
        });
        return command;
    }

    /// <summary>
    /// <c>chat --json</c>: every line is a turn of one conversation, so a follow-up ("那阿里呢？") is answered with the
    /// earlier turns, as in the console chat and Discord. <c>/new</c> forgets them and writes nothing.
    /// </summary>
    private static async Task<int> ChatJsonAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var answerer = services.GetRequiredService<ArticleAnswerer>();
        var llm = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AnsweringOptions>>().Value;
        var history = new ConversationHistory(llm.MaxHistoryTurns, llm.MaxHistoryChars);
        await using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 64 * 1024) { AutoFlush = false };
        using var input = new InputLines(Console.OpenStandardInput());
        while (await input.ReadLineAsync(() => stdout.FlushAsync(cancellationToken), cancellationToken) is { } line)
        {
            var question = QuestionText.Clean(line);
            if (question.Length == 0)
            {
                continue;
            }

            if (string.Equals(question, "/new", StringComparison.OrdinalIgnoreCase))
            {
                history.Clear();
                continue;
            }

            var answer = await answerer.AskAsync(question, history.Messages(), cancellationToken);
            history.Add(answer.Question, answer.Text);
            await stdout.WriteLineAsync(JsonOutput.Answer(answer));
        }

        await stdout.FlushAsync(cancellationToken);
        return ExitCodes.Success;
    }

    private static Command SearchCommand(string[] configurationArgs)
    {
        var query = new Argument<string>("query") { Description = "What to search for, in Chinese or English." };
        var top = new Option<int>("--top") { Description = "How many passages to show.", DefaultValueFactory = _ => 5 };
        var json = new Option<bool>("--json") { Description = "Write a JSON object." };
        var explain = new Option<bool>("--explain") { Description = "Also show how the query was understood (stderr): its words, weights and coverage." };
        var command = new Command("search", "Shows the ranked passages for a query, without answering.") { query, top, json, explain };
        command.SetAction((parse, cancellationToken) =>
        {
            var text = parse.GetValue(query) ?? string.Empty;
            var count = parse.GetValue(top);
            if (QuestionText.Clean(text).Length == 0 || count is < 1 or > 100)
            {
                Console.Error.WriteLine(count is < 1 or > 100 ? "error: --top must be between 1 and 100." : "error: the query is empty.");
                Console.Error.WriteLine("usage: ArticleBot search \"<query>\" [--top N] [--json] [--explain]");
                return Task.FromResult(ExitCodes.Usage);
            }

            return BotHost.RunAsync(configurationArgs, async (services, _) =>
            {
                var cleaned = QuestionText.Clean(text);
                var search = services.GetRequiredService<ArticleSearch>();
                var results = search.Search(cleaned, count);
                if (parse.GetValue(explain))
                {
                    await Console.Error.WriteLineAsync(Explain(search, cleaned, count));
                }

                if (parse.GetValue(json))
                {
                    await Console.Out.WriteLineAsync(JsonOutput.Search(cleaned, results));
                }
                else
                {
                    foreach (var (result, rank) in results.Select((r, i) => (r, i + 1)))
                    {
                        await Console.Out.WriteLineAsync($"{rank}. {result.Passage.Id} §{result.Passage.Section ?? "—"} score={result.Score:F3}");
                        await Console.Out.WriteLineAsync($"   {result.Passage.Text}");
                    }

                    if (results.Count == 0)
                    {
                        await Console.Out.WriteLineAsync("No passage matches.");
                    }
                }

                return ExitCodes.Success;
            }, cancellationToken);
        });
        return command;
    }

    private static string Explain(ArticleSearch search, string query, int count)
    {
        var retrieval = search.Retrieve(query, count);
        var lines = new List<string> { $"answer type: {retrieval.Plan.AnswerType}" };
        lines.AddRange(retrieval.Plan.Groups.Select(g =>
            $"group '{g.Label}' {g.Strength} weight={g.Weight:F2} inCorpus={g.InCorpus} alternatives=[{string.Join(", ", g.Alternatives)}]"));
        lines.Add("terms: " + string.Join(" ", retrieval.Plan.Terms.Select(t => $"{t.Term}^{t.Weight:F2}")));
        lines.AddRange(retrieval.Passages.Select(p => $"{p.Passage.Id} score={p.Score:F3} coverage={p.Coverage:F2}"));
        return string.Join(Environment.NewLine, lines);
    }

    private static Command PluginsCommand(string[] configurationArgs)
    {
        var json = new Option<bool>("--json") { Description = "Write the list as JSON." };
        var command = new Command("plugins", "Lists every plugin and its functions, with its state (loaded, unavailable or failed, and why).") { json };
        command.SetAction((parse, cancellationToken) => BotHost.RunAsync(configurationArgs, async (services, ct) =>
        {
            // MCP servers start now, in the background; the listing waits for them to be up or failed.
            var catalog = services.GetRequiredService<PluginCatalog>();
            await catalog.SettleAsync(ct);
            var plugins = catalog.Plugins;
            await Console.Out.WriteLineAsync(parse.GetValue(json) ? PluginOutput.Json(plugins) : PluginOutput.Text(plugins));
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command CallCommand(string[] configurationArgs)
    {
        var function = new Argument<string>("function") { Description = "Plugin.function, e.g. KeyFigures.key_figures" };
        var arguments = new Argument<string[]>("arguments") { Description = "name=value pairs", Arity = ArgumentArity.ZeroOrMore };
        var json = new Option<bool>("--json") { Description = "Write {\"plugin\", \"function\", \"result\"} as JSON." };
        var command = new Command("call", "Invokes one plugin function directly.") { function, arguments, json };
        command.SetAction((parse, cancellationToken) => BotHost.RunAsync(configurationArgs, async (services, ct) =>
        {
            try
            {
                var pairs = PluginInvoker.ParseArguments(parse.GetValue(arguments) ?? []);
                var result = await services.GetRequiredService<PluginInvoker>().InvokeAsync(parse.GetValue(function)!, pairs, ct);
                await Console.Out.WriteLineAsync(parse.GetValue(json) ? PluginOutput.Json(result) : result.Result);
                return ExitCodes.Success;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A bad call is a usage error (2); the plugin itself failing (threw, timed out) is a run-time failure (1).
                await Console.Error.WriteLineAsync($"error: {PluginCallFailure.Describe(parse.GetValue(function)!, ex)}");
                return PluginCallFailure.IsUsageError(ex) ? ExitCodes.Usage : ExitCodes.Failure;
            }
        }, cancellationToken));
        return command;
    }

    private static Command McpCommand(string[] configurationArgs)
    {
        var http = new Option<string?>("--http") { Description = "Serve streamable HTTP at http://HOST:PORT/mcp instead of stdio (loopback only, e.g. 127.0.0.1:3001)." };
        var command = new Command("mcp", "Runs ArticleBot as a Model Context Protocol server (stdio by default): tools search, ask and the article tools; the seed articles as resources.") { http };
        command.SetAction((parse, cancellationToken) =>
        {
            AnswerDataPreload.Start();
            if (parse.GetValue(http) is not { } address)
            {
                return McpHost.RunStdioAsync(configurationArgs, cancellationToken);
            }

            if (McpHost.ParseLoopback(address, out var error) is not { } endpoint)
            {
                Console.Error.WriteLine($"error: {error}");
                Console.Error.WriteLine("usage: ArticleBot mcp [--http 127.0.0.1:PORT]");
                return Task.FromResult(ExitCodes.Usage);
            }

            return McpHost.RunHttpAsync(configurationArgs, endpoint, cancellationToken);
        });
        return command;
    }

    private static Command FeedbackCommand(string[] configurationArgs)
    {
        var json = new Option<bool>("--json") { Description = "One JSON object per rated answer (question, answer, citations, vote, backend, at), like an eval file." };
        var command = new Command("feedback", "Lists readers' ratings of answers: counts, the worst-rated questions, the answers marked not helpful.") { json };
        command.SetAction((parse, cancellationToken) => BotHost.RunAsync(configurationArgs, async (services, _) =>
        {
            var store = services.GetRequiredService<ArticleBot.Core.Feedback.IFeedbackStore>();
            IReadOnlyList<ArticleBot.Core.Feedback.RatedAnswer> rated;
            try
            {
                rated = store.RatedAnswers();
            }
            catch (ArticleBot.Core.Feedback.FeedbackUnavailableException ex)
            {
                // Not "No ratings yet": a report (or `feedback --json > file`) that looks empty would hide the problem.
                await Console.Error.WriteLineAsync($"error: {ex.Message}");
                return ExitCodes.Failure;
            }

            await Console.Out.WriteLineAsync(parse.GetValue(json) ? FeedbackOutput.JsonLines(rated) : FeedbackOutput.Report(rated, store.Location));
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command EvalCommand(string[] configurationArgs)
    {
        var file = new Argument<FileInfo>("file") { Description = "A JSONL question set (see eval/README.md)." };
        var json = new Option<bool>("--json") { Description = "Write the metrics as a JSON object." };
        var verbose = new Option<bool>("--verbose") { Description = "Also list every question with its outcome (stderr)." };
        var command = new Command("eval", "Measures retrieval and answers on a question set: hit@k, MRR, accuracy, abstention, the gate's calibration.") { file, json, verbose };
        command.SetAction((parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            IReadOnlyList<EvalItem> items;
            try
            {
                if (Directory.Exists(path.FullName))
                {
                    throw new IOException("it is a folder; give a .jsonl file of questions (see eval/README.md)");
                }

                using var reader = path.OpenText();
                items = Evaluator.Read(reader);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                Console.Error.WriteLine($"error: cannot read eval file '{path.FullName}': {ex.Message}");
                return Task.FromResult(ExitCodes.Usage);
            }

            if (items.Count == 0)
            {
                // Not a table of null metrics with exit 0: a script would take it for a result.
                Console.Error.WriteLine($"error: eval file '{path.FullName}' holds no questions (one JSON object per line; see eval/README.md).");
                return Task.FromResult(ExitCodes.Usage);
            }

            AnswerDataPreload.Start();
            return BotHost.RunAsync(configurationArgs, async (services, ct) =>
            {
                var evaluator = ActivatorUtilities.CreateInstance<Evaluator>(services);
                var report = await evaluator.RunAsync(items, ct);
                if (parse.GetValue(verbose))
                {
                    foreach (var o in report.Outcomes)
                    {
                        await Console.Error.WriteLineAsync($"{o.Item.Id} {o.Item.Lang} {o.Item.Kind} rank={o.FirstRelevantRank} correct={o.Correct} abstained={o.Abstained} gate={(o.Gate is null ? "-" : o.Gate.Score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture))} :: {o.Answer}");
                    }
                }

                await Console.Out.WriteLineAsync(parse.GetValue(json) ? EvalOutput.Json(report) : EvalOutput.Table(report));
                if (!parse.GetValue(json) && !Console.IsOutputRedirected)
                {
                    EvalCharts.Draw(Spectre.Console.AnsiConsole.Console, report);
                }

                return ExitCodes.Success;
            }, cancellationToken);
        });
        return command;
    }
}
