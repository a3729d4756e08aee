namespace ArticleBot.Cli;

/// <summary>
/// Finds the settings file, <c>appsettings.json</c>, and the content root: the folder its relative paths are resolved
/// from (<c>Corpus:SeedsPath</c>, <c>Corpus:CachePath</c>, <c>Plugins:Directories</c>, an MCP server's working
/// directory, …). That folder is the settings file's own. The file is the current directory's when it has one (the
/// repository root, for <c>dotnet run --project src/ArticleBot</c>), otherwise the one beside the executable.
/// <para>
/// The build copies <c>appsettings.json</c> beside the executable and writes <see cref="SourceNote"/> next to it,
/// naming the file it copied. While that file exists, the executable reads it and resolves paths from its folder, so
/// the build output started from any folder behaves as <c>dotnet run</c> in the clone does: a path such as
/// <c>artifacts/bin/McpWordCount/debug/McpWordCount.dll</c> means the same thing. A published folder has no note,
/// and its own <c>appsettings.json</c> and paths are used.
/// </para>
/// </summary>
public static class ContentRoot
{
    /// <summary>The settings file name.</summary>
    public const string SettingsFile = "appsettings.json";

    /// <summary>Written by the build beside the copied settings file: the full path of the file it was copied from.</summary>
    public const string SourceNote = "appsettings.json.source";

    /// <summary>Resolves the content root: the folder of the settings file in use (see the type's remarks).</summary>
    public static string Resolve(string? currentDirectory = null, string? baseDirectory = null)
    {
        var current = currentDirectory ?? Directory.GetCurrentDirectory();
        var folder = File.Exists(Path.Combine(current, SettingsFile)) ? current : baseDirectory ?? AppContext.BaseDirectory;
        return CopiedFrom(folder) ?? folder;
    }

    /// <summary>The folder of the file a build copied into <paramref name="folder"/>, while it still exists.</summary>
    private static string? CopiedFrom(string folder)
    {
        var note = Path.Combine(folder, SourceNote);
        if (!File.Exists(Path.Combine(folder, SettingsFile)) || !File.Exists(note))
        {
            return null;
        }

        try
        {
            var source = File.ReadAllText(note).Trim();
            return Path.IsPathFullyQualified(source) && Path.GetFileName(source) == SettingsFile && File.Exists(source)
                ? Path.GetDirectoryName(source)
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // an unreadable note: the copy beside it is used
        }
    }
}
