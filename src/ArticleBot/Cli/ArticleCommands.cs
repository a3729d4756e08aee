using System.CommandLine;
using ArticleBot.Core.Corpus;
using ArticleBot.Ingest;
using ArticleBot.Ingest.Importing;
using ArticleBot.Output;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ArticleBot.Cli;

/// <summary>
/// <c>add &lt;url-or-file&gt; [--json]</c>, <c>articles [--json]</c> and <c>remove &lt;id&gt;</c>: readers' own
/// articles, kept in <c>{Corpus:SeedsPath}/imported/</c>. A running bot sees them within seconds.
/// </summary>
internal static class ArticleCommands
{
    public static void AddTo(RootCommand root, string[] configurationArgs)
    {
        root.Subcommands.Add(AddCommand(configurationArgs));
        root.Subcommands.Add(ListCommand(configurationArgs));
        root.Subcommands.Add(RemoveCommand(configurationArgs));
    }

    private static Command AddCommand(string[] configurationArgs)
    {
        var source = new Argument<string>("url-or-file") { Description = "A web page, PDF or Word link (http or https), or a .html, .pdf, .docx, .txt or .md file." };
        var json = new Option<bool>("--json") { Description = "Write the imported article (or {\"error\", \"reason\"}) as a JSON object." };
        var command = new Command("add", "Imports an article into the seeds folder (imported/), so the bot answers on it too.") { source, json };
        command.SetAction((parse, cancellationToken) => BotHost.RunAsync(configurationArgs, async (services, ct) =>
        {
            var asJson = parse.GetValue(json);
            try
            {
                var article = await services.GetRequiredService<ArticleImporter>().ImportAsync(parse.GetValue(source) ?? "", ct);
                await Console.Out.WriteLineAsync(asJson ? ArticleOutput.Json(article, SeedsFolderName(services)) : ArticleOutput.Added(article));
                return ExitCodes.Success;
            }
            catch (ImportRefusedException refused)
            {
                await Console.Error.WriteLineAsync($"error: {refused.Message}");
                if (asJson)
                {
                    await Console.Out.WriteLineAsync(ArticleOutput.Refusal(refused));
                }

                return refused.Reason == RefusalReason.BadInput ? ExitCodes.Usage : ExitCodes.Failure;
            }
        }, cancellationToken));
        return command;
    }

    private static Command ListCommand(string[] configurationArgs)
    {
        var json = new Option<bool>("--json") { Description = "One JSON object per article." };
        var command = new Command("articles", "Lists the imported articles: id, title, where it came from, when.") { json };
        command.SetAction((parse, cancellationToken) => BotHost.RunAsync(configurationArgs, async (services, _) =>
        {
            var articles = services.GetRequiredService<ArticleImporter>().List();
            if (parse.GetValue(json))
            {
                var folder = SeedsFolderName(services);
                foreach (var article in articles)
                {
                    await Console.Out.WriteLineAsync(ArticleOutput.Json(article, folder));
                }
            }
            else
            {
                await Console.Out.WriteLineAsync(ArticleOutput.List(articles));
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command RemoveCommand(string[] configurationArgs)
    {
        var id = new Argument<string>("id") { Description = "The article's id, as `ArticleBot articles` lists it." };
        var command = new Command("remove", "Removes an imported article from the seeds folder.") { id };
        command.SetAction((parse, cancellationToken) => BotHost.RunAsync(configurationArgs, async (services, _) =>
        {
            try
            {
                var removed = services.GetRequiredService<ArticleImporter>().Remove(parse.GetValue(id) ?? "");
                await Console.Out.WriteLineAsync($"Removed {removed.Id}: {removed.Title ?? "(untitled)"}");
                return ExitCodes.Success;
            }
            catch (ImportRefusedException refused)
            {
                await Console.Error.WriteLineAsync($"error: {refused.Message}");
                return ExitCodes.Failure;
            }
        }, cancellationToken));
        return command;
    }

    /// <summary>The seeds folder as sources name it (<c>seeds</c>), so the JSON's <c>seed</c> matches citations' <c>source</c>.</summary>
    private static string SeedsFolderName(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<CorpusOptions>>().Value;
        var root = services.GetRequiredService<Microsoft.Extensions.Hosting.IHostEnvironment>().ContentRootPath;
        var folder = Path.GetFullPath(options.SeedsPath, root);
        return SeedLoader.SourceOf(Path.Combine(folder, "x"), folder, root)[..^2];
    }
}
