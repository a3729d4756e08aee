// ArticleBot: one question, end to end.
//
//   seeds/*.txt|*.md ─load─▶ ArticleCorpus (documents → blocks → passages with exact offsets)
//                    ─fold + analyze─▶ LucenePassageIndex (Lucene.NET, BM25; CJK bigrams, words, numbers), cached on disk
//   question (ask | search | eval | ConsoleChatService)
//     ─▶ ArticleAnswerer: an answer turn (AnswerTurn) around one IChatClient call
//          ─▶ ExtractiveChatClient asks for article_search ─▶ Kernel ─▶ CitationFilter numbers the passages
//          ─▶ ExtractiveChatClient answers from the tool result with the best sentences and [n] markers
//     ─▶ CitationResolver: [n] → passage → verified quote + offsets; grounded flag
//     ─▶ AnswerRenderer (console) | JsonOutput (--json)
using System.Text;
using ArticleBot.Cli;
using ArticleBot.Core.Plugins.Mcp;

if (args is [ProcessGuard.Verb, .. var guarded])
{
    // Not a command: the guard this executable puts between the bot and each MCP server (see ProcessGuard).
    return ProcessGuard.Run(guarded);
}

Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
Console.InputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

if (StandardOutput.Unusable() is { } why)
{
    Console.Error.WriteLine($"error: {why}, so nothing could be written; send the output somewhere (a file, a pipe, /dev/null).");
    return ExitCodes.Failure;
}

var (configurationArgs, commandArgs) = ConfigurationSwitches.Split(args);

// Before the command starts, so the methods of the start itself are compiled ahead on another core (see StartupProfile).
StartupProfile.Start(commandArgs, configurationArgs);
using var watchdog = ShutdownWatchdog.Start(ShutdownWatchdog.GraceFor(commandArgs));
var exitCode = await CommandLineApp.RunAsync(commandArgs, configurationArgs, watchdog.Stopping);

// Stopped by SIGINT or SIGTERM, gracefully or not: 130 or 143, as documented.
return watchdog.SignalExitCode ?? exitCode;
