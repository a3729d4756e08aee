namespace ArticleBot.Training.Tests;

/// <summary>Where the repository's training data is (eval/train), found from the test's folder.</summary>
internal static class TrainingData
{
    public static string Repository { get; } = FindRepository();

    public static string Folder => Path.Combine(Repository, "eval", "train");

    private static string FindRepository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ArticleBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests run from inside the repository.");
    }
}
