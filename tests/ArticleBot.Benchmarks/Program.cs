// Benchmarks: dotnet run -c Release --project tests/ArticleBot.Benchmarks -- --filter '*' --job short
//             dotnet run -c Release --project tests/ArticleBot.Benchmarks -- scale      (1 vs 1,000 articles)
// BenchmarkDotNet results land in BenchmarkDotNet.Artifacts/.
using BenchmarkDotNet.Running;

if (args is ["scale"])
{
    ArticleBot.Benchmarks.ScaleReport.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ArticleBot.Benchmarks.AnswerBenchmarks).Assembly).Run(args);
