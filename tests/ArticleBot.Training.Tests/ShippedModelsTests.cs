using ArticleBot.Core.Reading.Models;

namespace ArticleBot.Training.Tests;

/// <summary>
/// The shipped models are exactly what the training command produces from the repository's data: the whole training
/// runs (several minutes, so it is a soak test: .ci/run runs it, plain <c>dotnet test</c> does not) and its files are
/// compared byte for byte with those in src/ArticleBot.Core/Resources/models and with eval/train/REPORT.md.
/// </summary>
[Trait("Category", "Soak")]
public sealed class ShippedModelsTests
{
    [Fact]
    public async Task Training_FromTheRepositorysData_ReproducesTheShippedModelsAndReport()
    {
        var output = Directory.CreateTempSubdirectory("articlebot-retrain-").FullName;
        try
        {
            var report = Path.Combine(output, "REPORT.md");
            var previous = Directory.GetCurrentDirectory();
            Directory.SetCurrentDirectory(TrainingData.Repository);
            int exit;
            try
            {
                exit = await new TrainingRun(new TrainingRunOptions(5, TrainingRun.DefaultTargetPrecision, output, report, 0, null, null)).RunAsync(TestContext.Current.CancellationToken);
            }
            finally
            {
                Directory.SetCurrentDirectory(previous);
            }

            Assert.Equal(0, exit);
            var shipped = Path.Combine(TrainingData.Repository, "src", "ArticleBot.Core", "Resources", "models");
            foreach (var file in new[] { ReadingModels.RankerFile, ReadingModels.GateFile, Core.Claims.ClaimSupport.File, Core.Claims.SlotRefutation.File })
            {
                Assert.True(File.ReadAllText(Path.Combine(shipped, file)) == File.ReadAllText(Path.Combine(output, file)), $"{file} differs from what the training produces: retrain and commit");
            }

            Assert.Equal(File.ReadAllText(Path.Combine(TrainingData.Folder, "REPORT.md")), File.ReadAllText(report));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
