namespace ArticleBot.Cli;

/// <summary>
/// Finds the folder that holds <c>appsettings.json</c> and <c>seeds/</c>: the current directory when it has
/// an <c>appsettings.json</c> (the repository root, for <c>dotnet run --project src/ArticleBot</c>), otherwise the
/// executable's folder, where the build copies both.
/// </summary>
public static class ContentRoot
{
    /// <summary>The settings file name.</summary>
    public const string SettingsFile = "appsettings.json";

    /// <summary>Resolves the content root.</summary>
    public static string Resolve(string? currentDirectory = null, string? baseDirectory = null)
    {
        var current = currentDirectory ?? Directory.GetCurrentDirectory();
        if (File.Exists(Path.Combine(current, SettingsFile)))
        {
            return current;
        }

        return baseDirectory ?? AppContext.BaseDirectory;
    }
}
