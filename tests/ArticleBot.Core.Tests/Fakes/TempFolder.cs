namespace ArticleBot.Core.Tests.Fakes;

/// <summary>A temporary folder for a test's files (models, caches), removed on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("articlebot-models-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
