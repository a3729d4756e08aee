// ArticleBot.Training: rebuilds the reader's models from public reading-comprehension data.
//
//   eval/train/*.json ─▶ articles, folds by article ─▶ slices (corpora of 12 or 6 articles) + unanswerable questions
//        ─▶ the bot's own index, retrieval and reader ─▶ one row per candidate sentence (features, holds the answer?)
//        ─▶ group k-fold: ranker and gate fitted on the other folds, judged on this one ─▶ out-of-fold figures
//        ─▶ final ranker and gate fitted on every fold ─▶ src/ArticleBot.Core/Resources/models/*.trees
//
// Usage (from the repository root): dotnet run -c Release --project src/ArticleBot.Training
using System.CommandLine;
using ArticleBot.Training;
using ArticleBot.Training.Data;

var folds = new Option<int>("--folds") { Description = "Folds of the cross-validation (grouped by article).", DefaultValueFactory = _ => 5 };
var target = new Option<double>("--target") { Description = "The target precision the figures are reported at (Retrieval:TargetPrecision).", DefaultValueFactory = _ => TrainingRun.DefaultTargetPrecision };
var output = new Option<string?>("--out") { Description = "Where to write the models (default: src/ArticleBot.Core/Resources/models)." };
var report = new Option<string?>("--report") { Description = "Where to write the out-of-fold report as Markdown (default: eval/train/REPORT.md)." };
var slices = new Option<int>("--slices") { Description = "Use only the first N slices of each source (a quick run; the models are not written)." };
var holdOut = new Option<int?>("--hold-out") { Description = "Leave this fold out of the final models too, and write its slices as eval sets (with --export) to check the figures with `ArticleBot eval`." };
var export = new Option<string?>("--export") { Description = "With --hold-out: the folder to write the held-out slices to (seeds folders and .jsonl question sets)." };
var claims = new Option<string?>("--claims") { Description = "Write every slice with claims made from its questions to this folder (for bench/claims-generated.sh), and stop: nothing is trained." };
var classifiers = new Option<string?>("--classifiers") { Description = "Write the classifiers CC-CEDICT names (src/ArticleBot.Core/Resources/words/figures.classifiers.txt) to this file, and stop: nothing is trained." };
var negationFree = new Option<string?>("--negation-free") { Description = "Write the words that hold a negation character and deny nothing (src/ArticleBot.Core/Resources/words/claims.words-of-no-denial.txt), as CC-CEDICT glosses them, to this file, and stop." };
var topK = new Option<int>("--top-k") { Description = "How many passages each question reads (an experiment; the shipped models read Retrieval:TopK's default).", DefaultValueFactory = _ => TrainingRun.TopK };
var gateSeed = new Option<int?>("--gate-seed") { Description = "Fit the gate with another random seed, to tell a change from the fitting noise (an experiment)." };
var dump = new Option<string?>("--dump") { Description = "Write every out-of-fold mistake (question, chosen and right sentences, probabilities) to this file, to study." };
var root = new RootCommand("Rebuilds the sentence ranker and the answer gate from eval/train, and reports their out-of-fold figures.")
{
    folds, target, output, report, slices, holdOut, export, dump, claims, classifiers, negationFree, topK, gateSeed,
};
folds.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 2 or > 20) { r.AddError("--folds must be 2 to 20."); } });
target.Validators.Add(r => { if (r.GetValueOrDefault<double>() is not (> 0 and < 1)) { r.AddError("--target must be a precision above 0 and below 1, e.g. 0.8."); } });
slices.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) { r.AddError("--slices must be 0 (all) or more."); } });
topK.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 20) { r.AddError("--top-k must be 1 to 20."); } });
root.Validators.Add(r =>
{
    if (r.GetValue(export) is not null && r.GetValue(holdOut) is null)
    {
        r.AddError("--export writes the held-out fold's slices: give --hold-out too.");
    }
});
root.SetAction(async (parse, cancellationToken) =>
{
    // Checked here, where --folds has its default (a validator sees only what was typed).
    if (parse.GetValue(holdOut) is { } fold && (fold < 0 || fold >= parse.GetValue(folds)))
    {
        await Console.Error.WriteLineAsync($"--hold-out must be a fold from 0 to {parse.GetValue(folds) - 1}.");
        return 1;
    }

    try
    {
        if (parse.GetValue(classifiers) is { } classifierFile)
        {
            var written = ClassifierList.Write(CedictEntries.ShippedDictionary(TrainingRun.RepositoryRoot()), classifierFile);
            Console.WriteLine($"{written} classifiers written to {classifierFile}.");
            return 0;
        }

        if (parse.GetValue(negationFree) is { } negationFreeFile)
        {
            var written = NegationFreeWords.Write(CedictEntries.ShippedDictionary(TrainingRun.RepositoryRoot()), negationFreeFile);
            Console.WriteLine($"{written} words written to {negationFreeFile}.");
            return 0;
        }

        if (parse.GetValue(claims) is { } claimsFolder)
        {
            return TrainingRun.WriteClaims(claimsFolder, parse.GetValue(folds));
        }

        return await new TrainingRun(new TrainingRunOptions(
            parse.GetValue(folds),
            parse.GetValue(target),
            parse.GetValue(output),
            parse.GetValue(report),
            parse.GetValue(slices),
            parse.GetValue(holdOut),
            parse.GetValue(export),
            parse.GetValue(dump),
            parse.GetValue(topK),
            parse.GetValue(gateSeed))).RunAsync(cancellationToken);
    }
    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or TrainingDataException)
    {
        // A path that cannot be written, or data that cannot be read: one line that says which, not a stack trace.
        await Console.Error.WriteLineAsync("error: " + ex.Message);
        return 1;
    }
});
return await root.Parse(args).InvokeAsync();
