using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ArticleBot.Core.Reading.Models;
using ArticleBot.Core.Text;
using ArticleBot.Training.Data;
using ArticleBot.Training.Learning;
using ArticleBot.Training.Reports;
using ArticleBot.Training.Rows;
using Spectre.Console;

namespace ArticleBot.Training;

/// <summary>The options of one training run.</summary>
/// <param name="Folds">Cross-validation folds.</param>
/// <param name="TargetPrecision">The target precision the figures are reported at.</param>
/// <param name="Output">Where the models go (null: the shipped models' folder).</param>
/// <param name="Report">Where the Markdown report goes (null: eval/train/REPORT.md).</param>
/// <param name="SlicesPerSource">Only this many slices of each source (0: all); a quick run writes no models.</param>
/// <param name="HoldOut">A fold left out of the final models too, to check the figures with <c>ArticleBot eval</c>.</param>
/// <param name="Export">Where to write the held-out fold's slices as eval sets.</param>
/// <param name="Dump">Where to write the out-of-fold mistakes.</param>
/// <param name="TopK">How many passages each question reads (<see cref="TrainingRun.TopK"/> for the shipped models).</param>
/// <param name="GateSeed">The gate's random seed, to tell a change from the fitting noise (null: the shipped models' seed).</param>
public sealed record TrainingRunOptions(int Folds, double TargetPrecision, string? Output, string? Report, int SlicesPerSource, int? HoldOut, string? Export, string? Dump = null, int TopK = TrainingRun.TopK, int? GateSeed = null)
{
    /// <summary>True when the run reads as the shipped models were made (the search depth and the gate's seed).</summary>
    public bool Shipped => TopK == TrainingRun.TopK && GateSeed is null;
}

/// <summary>The training data or the place it is run from is not what training needs; the message says what to do.</summary>
/// <param name="message">What is wrong.</param>
public sealed class TrainingDataException(string message) : Exception(message);

/// <summary>One run of the training command: data, rows, cross-validation, models, report.</summary>
public sealed class TrainingRun(TrainingRunOptions options)
{
    /// <summary>The default target precision (<c>Retrieval:TargetPrecision</c>).</summary>
    public const double DefaultTargetPrecision = Core.Search.RetrievalOptions.DefaultTargetPrecision;

    /// <summary>The search depth of the search tool (<c>Retrieval:TopK</c>'s default).</summary>
    public const int TopK = 5;

    /// <summary>The ranker's trees.</summary>
    public static TreeSettings RankerSettings { get; } = new(Trees: 300, Leaves: 24, MinLeafRows: 50, LearningRate: 0.1);

    /// <summary>
    /// The gate's trees (fewer rows: one per question), each fitted on 70 % of the rows. Out of fold this is level with
    /// fitting each on all of them; the README says why it was kept.
    /// </summary>
    public static TreeSettings GateSettings { get; } = new(Trees: 150, Leaves: 12, MinLeafRows: 40, LearningRate: 0.08, RowFraction: 0.7);

    /// <summary>The gate's trees of this run: the shipped settings, with another seed when one was given.</summary>
    private TreeSettings Gate => options.GateSeed is { } seed ? GateSettings with { Seed = seed } : GateSettings;

    /// <summary>Claims made from each article's questions (<see cref="ClaimMaker"/>): at most this many questions an article.</summary>
    public const int ClaimsPerArticle = 6;

    /// <summary>Writes every slice with the claims made from its questions (<see cref="ClaimExport"/>); returns the exit code.</summary>
    public static int WriteClaims(string folder, int folds)
    {
        var repository = RepositoryRoot();
        var sources = TrainingSources.Load(Path.Combine(repository, "eval", "train"), ExtArticles(Path.Combine(repository, "eval", "ext")));
        var slices = SlicePlanner.Plan(sources, folds);
        var written = ClaimExport.Write(folder, slices, ClaimsPerArticle);
        AnsiConsole.MarkupLineInterpolated($"{written:N0} claims of {slices.Count} slices written to {folder}.");
        return 0;
    }

    /// <summary>Runs it; returns the process exit code.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var repository = RepositoryRoot();
        var data = Path.Combine(repository, "eval", "train");
        var outputFolder = options.Output ?? Path.Combine(repository, "src", "ArticleBot.Core", "Resources", "models");
        var reportPath = options.Report ?? Path.Combine(data, "REPORT.md");
        var clock = Stopwatch.StartNew();
        var folder = ScriptFolding.Default;

        // The folders written to at the end are made now, so a path that cannot be written fails before minutes of work.
        foreach (var path in new[] { reportPath, options.Dump }.OfType<string>())
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        }

        Directory.CreateDirectory(outputFolder);

        var excluded = ExtArticles(Path.Combine(repository, "eval", "ext"));
        var sources = TrainingSources.Load(data, excluded);
        var planned = SlicePlanner.Plan(sources, options.Folds);
        // A quick run takes slices from every fold, so each fold still has others to learn from.
        var used = options.SlicesPerSource > 0
            ? [.. planned.GroupBy(s => s.Source).SelectMany(g => g.OrderBy(s => s.Id.EndsWith("-s0", StringComparison.Ordinal) ? 0 : 1).ThenBy(s => s.Fold).Take(options.SlicesPerSource))]
            : planned;
        var maker = new UnanswerableMaker(planned, folder);
        var builder = new RowBuilder(folder, options.TopK);
        var rows = new List<QuestionRows>[used.Count];

        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var building = context.AddTask($"rows: {used.Count} slices", maxValue: used.Count);
                await Parallel.ForEachAsync(Enumerable.Range(0, used.Count), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, (i, _) =>
                {
                    var slice = used[i];
                    var questions = slice.Articles.SelectMany(a => a.Questions).Concat(maker.Make(slice)).ToList();
                    var built = builder.Build(slice, questions);
                    var (copy, cut) = maker.CutAnswers(slice);
                    if (cut.Count > 0)
                    {
                        built.AddRange(builder.Build(copy, cut));
                    }

                    rows[i] = built;
                    building.Increment(1);
                    return ValueTask.CompletedTask;
                });
                building.Description = $"rows: {rows.Sum(r => r.Count):N0} questions, {rows.Sum(r => r.Sum(q => q.Candidates.Count)):N0} candidate sentences";
            });

        var all = rows.SelectMany(r => r).ToList();
        var training = options.HoldOut is { } held ? all.Where(r => r.Fold != held).ToList() : all;
        TrainingResult? result = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn())
            .StartAsync(context =>
            {
                var steps = (2 * options.Folds) + 2;
                var fitting = context.AddTask($"trees: {steps} fits", maxValue: steps);
                result = ReaderTraining.Run(all, options.Folds, RankerSettings, Gate, options.TargetPrecision, Comments(sources, used, all), step =>
                {
                    fitting.Description = "trees: " + step;
                    fitting.Increment(1);
                });
                fitting.Description = "trees: done";
                return Task.CompletedTask;
            });

        var claims = await TrainClaimsAsync(used, cancellationToken);
        var report = new OutOfFoldReport(result!.Outcomes) { TradeOffRows = OutOfFoldReport.TradeOff(result.AtTarget) };
        if (options.Dump is { } dumpPath)
        {
            await File.WriteAllTextAsync(dumpPath, MistakeDump.Write(result.Outcomes), cancellationToken);
        }

        Render(report);
        Console.Out.Write(ClaimReport.ToMarkdown(claims));
        var elapsed = clock.Elapsed;
        AnsiConsole.MarkupLineInterpolated($"[grey]{all.Count:N0} questions in {used.Count} slices, {options.Folds} folds; {elapsed.TotalSeconds:0} s[/]");

        if (options.SlicesPerSource > 0)
        {
            AnsiConsole.MarkupLine("[yellow]A quick run (--slices): the models and the report are not written.[/]");
            return 0;
        }

        if (options.HoldOut is { } fold)
        {
            // Models for the check: fitted without the held-out fold (their figures on it are the out-of-fold ones above).
            var check = ReaderTraining.Run(training, options.Folds, RankerSettings, Gate, options.TargetPrecision, ["held-out check: fold " + fold.ToString(CultureInfo.InvariantCulture) + " left out"]);
            Directory.CreateDirectory(outputFolder);
            await File.WriteAllTextAsync(Path.Combine(outputFolder, ReadingModels.RankerFile), check.Ranker.Write(), cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(outputFolder, ReadingModels.GateFile), check.Gate.Write(), cancellationToken);
            var heldOutFigures = new OutOfFoldReport([.. result.Outcomes.Where(o => o.Rows.Fold == fold)]);
            AnsiConsole.MarkupLineInterpolated($"[grey]Fold {fold}'s own out-of-fold figures (what `eval` should reproduce):[/]");
            Render(heldOutFigures);
            if (options.Export is { } exportFolder)
            {
                SliceExport.Write(exportFolder, used.Where(s => s.Fold == fold).ToList(), rows.SelectMany(r => r).Where(r => r.Fold == fold).ToList());
                AnsiConsole.MarkupLineInterpolated($"Held-out slices written to {exportFolder}; models without fold {fold} to {outputFolder}.");
            }

            return 0;
        }

        Directory.CreateDirectory(outputFolder);
        await File.WriteAllTextAsync(Path.Combine(outputFolder, ReadingModels.RankerFile), result.Ranker.Write(), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(outputFolder, ReadingModels.GateFile), result.Gate.Write(), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(outputFolder, Core.Claims.ClaimSupport.File), claims.Model.Write(), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(outputFolder, Core.Claims.SlotRefutation.File), claims.Refutation.Write(), cancellationToken);
        await File.WriteAllTextAsync(reportPath, ReportText(report, all.Count, used.Count) + ClaimReport.ToMarkdown(claims), cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"Models written to {outputFolder}; report to {reportPath}.");
        return 0;
    }

    /// <summary>The claim support model: the claims made from each slice's questions, checked, then cross-validated by article.</summary>
    private async Task<ClaimTrainingResult> TrainClaimsAsync(IReadOnlyList<Slice> slices, CancellationToken cancellationToken)
    {
        var builder = new ClaimRowBuilder(ScriptFolding.Default, ClaimsPerArticle);
        var rows = new List<ClaimRow>[slices.Count];
        ClaimTrainingResult? result = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var checking = context.AddTask($"claims: {slices.Count} slices", maxValue: slices.Count + options.Folds + 1);
                await Parallel.ForEachAsync(Enumerable.Range(0, slices.Count), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, (i, _) =>
                {
                    rows[i] = builder.Build(slices[i]);
                    checking.Increment(1);
                    return ValueTask.CompletedTask;
                });
                var all = rows.SelectMany(r => r).ToList();
                checking.Description = $"claims: {all.Count:N0} checked";
                result = ClaimTraining.Run(all, options.Folds, ClaimComments(all), RefutationComments(all), step =>
                {
                    checking.Description = "claims: " + step;
                    checking.Increment(1);
                });
            });
        return result!;
    }

    private IReadOnlyList<string> ClaimComments(IReadOnlyList<ClaimRow> rows) =>
    [
        "Fitted by src/ArticleBot.Training (ML.NET FastTree binary, Platt-scaled; one thread, fixed seed) on claims made from",
        "  the questions of eval/train (ClaimMaker: a question's answer put in its question word's place, or another figure,",
        "  or another answer of the same question word from the same article), checked by the bot's own verifier.",
        "  Sources and licences as the reader's models: eval/train/README.md. This model is a work of the project.",
        string.Create(CultureInfo.InvariantCulture, $"  {rows.Count} claims, {rows.Count(r => r.Decides)} reached the support decision; {options.Folds} folds by article."),
        "  The curve: out-of-fold precision of \"supported\" at thresholds 1/40 ... 39/40. Figures: eval/train/REPORT.md.",
    ];

    private IReadOnlyList<string> RefutationComments(IReadOnlyList<ClaimRow> rows) =>
    [
        "Fitted by src/ArticleBot.Training (ML.NET FastTree binary, Platt-scaled; one thread, fixed seed) on the same made claims",
        "  as claim-support.trees, each whose best sentence leaves one slot of it filled with other words: a claim made false",
        "  (another figure, person or thing in its answer's place) against a true one (the answer, or its words said another way).",
        "  Sources and licences as the reader's models: eval/train/README.md. This model is a work of the project.",
        string.Create(CultureInfo.InvariantCulture, $"  {rows.Count} claims, {rows.Count(r => r.Check.SlotFeatures is not null)} with one slot filled otherwise; {options.Folds} folds by article."),
        "  The curve: out-of-fold precision of \"refuted\" at thresholds 1/40 ... 39/40, on the claims the rule does not contradict. Figures: eval/train/REPORT.md.",
    ];

    private string ReportText(OutOfFoldReport report, int questions, int slices)
    {
        var builder = new StringBuilder();
        builder.Append("# Out-of-fold figures of the reader's models\n\n");
        builder.Append(CultureInfo.InvariantCulture, $"Written by `dotnet run -c Release --project src/ArticleBot.Training` (do not edit by hand). {questions:N0} questions on {slices} slices of eval/train, ");
        builder.Append(CultureInfo.InvariantCulture, $"{options.Folds} folds grouped by article: every figure is of a ranker and a gate that never saw the article, at the target precision {options.TargetPrecision:0.00} ");
        builder.Append("with the threshold read off the other folds. ");
        if (!options.Shipped)
        {
            builder.Append(CultureInfo.InvariantCulture, $"**An experiment, not the shipped models' settings:** {options.TopK} passages a question, gate seed {Gate.Seed}. ");
        }

        builder.Append("Unanswerable questions are made as `UnanswerableMaker` describes; the tables by set, language and kind leave out the `cut-answer` ones, which do not set the threshold (their abstention is in the table by how they were made). Accuracy: answered, citing a passage that holds the answer, and holding it.\n");
        builder.Append(report.ToMarkdown());
        return builder.ToString();
    }

    private static void Render(OutOfFoldReport report)
    {
        if (Console.IsOutputRedirected)
        {
            // Plain text for logs and pipes: the Markdown tables.
            Console.Out.Write(report.ToMarkdown());
            return;
        }

        foreach (var (title, rows) in new[] { ("by set", report.BySet), ("by language", report.ByLanguage), ("by kind asked for", report.ByKind), ("unanswerable, by how made", report.ByUnanswerableType), ("at other target precisions", report.TradeOffRows) })
        {
            var table = new Table().Title($"out of fold, {title}").AddColumns("group", "ans", "unans", "reach", "open acc", "accuracy", "first", "false abst", "abstention", "precision");
            foreach (var r in rows)
            {
                table.AddRow(r.Group, r.Answerable.ToString(CultureInfo.InvariantCulture), r.Unanswerable.ToString(CultureInfo.InvariantCulture), OutOfFoldReport.F(r.Reachable), OutOfFoldReport.F(r.OpenAccuracy),
                    OutOfFoldReport.F(r.Accuracy), OutOfFoldReport.F(r.FirstSentence), OutOfFoldReport.F(r.FalseAbstention), OutOfFoldReport.F(r.Abstention), OutOfFoldReport.F(r.Precision));
            }

            AnsiConsole.Write(table);
        }
    }

    private IReadOnlyList<string> Comments(IReadOnlyList<TrainingSource> sources, IReadOnlyList<Slice> slices, IReadOnlyList<QuestionRows> rows) =>
    [
        "Fitted by src/ArticleBot.Training (ML.NET FastTree: LambdaMART ranking for the ranker, Platt-scaled; binary for the gate; one thread, fixed seed)",
        "  on eval/train, with the bot's own retrieval and reader:",
        "  DRCD test (Delta Research Center; CC BY-SA 3.0), CMRC 2018 dev and trial (Cui et al.; CC BY-SA 4.0),",
        "  XQuAD articles 12-47 in Chinese and English (DeepMind, from SQuAD v1.1; CC BY-SA 4.0). Article texts from Wikipedia.",
        "  The articles of eval/ext are left out. See eval/train/README.md for sources and licences; this model is a work of the project.",
        string.Create(CultureInfo.InvariantCulture, $"  {sources.Sum(s => s.Articles.Count)} articles, {slices.Count} slices, {rows.Count} questions ({rows.Count(r => !r.Question.Answerable)} unanswerable, made), {rows.Sum(r => r.Candidates.Count)} candidate sentences; {options.Folds} folds by article."),
        "  Out-of-fold figures: eval/train/REPORT.md.",
    ];

    /// <summary>The articles the development sets in eval/ext were cut from, as training keys (drcd:1176, xquad:Force).</summary>
    private static HashSet<string> ExtArticles(string ext)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var drcd = Path.Combine(ext, "drcd-test.jsonl");
        if (File.Exists(drcd))
        {
            foreach (var line in File.ReadLines(drcd).Where(l => l.Length > 0))
            {
                var id = JsonDocument.Parse(line).RootElement.GetProperty("id").GetString() ?? string.Empty;
                keys.Add("drcd:" + id.Split('-')[0]);
            }
        }

        var manifest = Path.Combine(ext, "manifest.tsv");
        if (File.Exists(manifest))
        {
            foreach (var fields in File.ReadLines(manifest).Skip(1).Select(l => l.Split('\t')).Where(f => f.Length >= 6 && f[2].StartsWith("xquad", StringComparison.Ordinal)))
            {
                keys.Add("xquad:" + fields[5]);
            }
        }

        return keys;
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ArticleBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new TrainingDataException("Run the training from the repository (a folder holding ArticleBot.sln, or below it).");
    }
}
