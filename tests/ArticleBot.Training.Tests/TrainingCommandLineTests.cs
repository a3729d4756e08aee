using System.Diagnostics;

namespace ArticleBot.Training.Tests;

/// <summary>The training command, run as a user runs it: bad options and paths get one clear line and exit 1, never a stack trace.</summary>
public sealed class TrainingCommandLineTests
{
    private static async Task<(int Exit, string Output, string Error)> RunAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ArticleBot.Training.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }

    [Theory]
    [InlineData("--folds", "1", "--folds must be 2 to 20.")]
    [InlineData("--target", "2", "--target must be a precision above 0 and below 1")]
    [InlineData("--slices", "-1", "--slices must be 0 (all) or more.")]
    [InlineData("--hold-out", "7", "--hold-out must be a fold from 0 to 4.")]
    [InlineData("--export", "x", "--export writes the held-out fold's slices: give --hold-out too.")]
    [InlineData("--top-k", "0", "--top-k must be 1 to 20.")]
    [InlineData("--gate-seed", "many", "many")]
    public async Task BadOption_IsRefusedWithWhatToGive_BeforeAnyWork(string option, string value, string message)
    {
        var (exit, _, error) = await RunAsync(TrainingData.Repository, option, value);

        Assert.Equal(1, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutsideTheRepository_SaysWhereToRunIt_InOneLine()
    {
        var empty = Directory.CreateTempSubdirectory("articlebot-train-cwd-").FullName;
        try
        {
            var (exit, _, error) = await RunAsync(empty, "--slices", "1");

            Assert.Equal(1, exit);
            Assert.Equal("error: Run the training from the repository (a folder holding ArticleBot.sln, or below it).", error.Trim());
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Fact]
    public async Task AReportPathThatCannotBeWritten_FailsAtOnce_InOneLine()
    {
        // A file where a folder is expected: the report's folder cannot be made.
        var file = Path.GetTempFileName();
        try
        {
            var (exit, output, error) = await RunAsync(TrainingData.Repository, "--slices", "1", "--report", Path.Combine(file, "REPORT.md"));

            Assert.Equal(1, exit);
            Assert.StartsWith("error: ", error.Trim(), StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            Assert.DoesNotContain("rows:", output, StringComparison.Ordinal); // no slice was read before it failed
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Claims_WritesEverySliceWithItsClaims_WithoutTraining()
    {
        var folder = Directory.CreateTempSubdirectory("articlebot-claims-").FullName;
        try
        {
            var (exit, output, _) = await RunAsync(TrainingData.Repository, "--claims", folder);

            Assert.Equal(0, exit);
            Assert.Contains("claims of", output, StringComparison.Ordinal);
            var sets = Directory.GetFiles(folder, "*-claims.jsonl");
            Assert.NotEmpty(sets);
            var first = Path.GetFileName(sets[0])[..^"-claims.jsonl".Length];
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder, "seeds-" + first), "*.txt"));
            Assert.All(File.ReadLines(sets[0]), line => Assert.Contains("\"kind\":\"claim-", line, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task AClaimsFolderThatCannotBeMade_IsOneLine()
    {
        var file = Path.GetTempFileName(); // a file where the folder should be
        try
        {
            var (exit, _, error) = await RunAsync(TrainingData.Repository, "--claims", Path.Combine(file, "claims"));

            Assert.Equal(1, exit);
            Assert.StartsWith("error: ", error.Trim(), StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Options_AnotherSearchDepthOrGateSeed_IsAnExperiment_NotTheShippedSettings()
    {
        var shipped = new TrainingRunOptions(5, TrainingRun.DefaultTargetPrecision, null, null, 0, null, null);

        Assert.True(shipped.Shipped);
        Assert.False((shipped with { TopK = TrainingRun.TopK + 2 }).Shipped);
        Assert.False((shipped with { GateSeed = 11 }).Shipped);
    }
}
