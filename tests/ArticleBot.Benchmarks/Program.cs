// Benchmarks: dotnet run -c Release --project tests/ArticleBot.Benchmarks -- --filter '*'
// (add --job short for a quick run). Results land in BenchmarkDotNet.Artifacts/.
using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(ArticleBot.Benchmarks.AnswerBenchmarks).Assembly).Run(args);
