// Benchmarks: dotnet run -c Release --project tests/ArticleBot.Benchmarks -- --filter '*' --job short
//             dotnet run -c Release --project tests/ArticleBot.Benchmarks -- scale      (1 vs 1,000 articles)
//             dotnet run -c Release --project tests/ArticleBot.Benchmarks -- large-article <MB> <folder>
//                 (writes the large article of LargeArticleBenchmarks to <folder>/large.txt; bench/large-article.sh)
// BenchmarkDotNet results land in BenchmarkDotNet.Artifacts/.
using BenchmarkDotNet.Running;

if (args is ["scale"])
{
    ArticleBot.Benchmarks.ScaleReport.Run();
    return;
}

if (args is ["large-article", var megabytes, var folder])
{
    var seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "ai-race-2026.txt"));
    ArticleBot.Benchmarks.LargeArticleBenchmarks.Write(seed, int.Parse(megabytes, System.Globalization.CultureInfo.InvariantCulture), folder);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ArticleBot.Benchmarks.AnswerBenchmarks).Assembly).Run(args);
