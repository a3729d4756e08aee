using System.Text.Json;

namespace ArticleBot.Core.Corpus;

/// <summary>
/// The metadata file an imported article keeps beside its seed file: <c>name.md</c> → <c>name.meta.json</c>, a JSON
/// object whose <c>title</c> and <c>url</c> are carried by the article's citations. The seed file alone is the
/// article (passages and offsets never depend on the metadata), so a missing or damaged metadata file only loses the
/// title and URL.
/// </summary>
public static class SeedMetadata
{
    /// <summary>The suffix of a metadata file, replacing the seed file's extension.</summary>
    public const string Suffix = ".meta.json";

    /// <summary>The metadata file of <paramref name="seedFile"/>.</summary>
    public static string PathOf(string seedFile) => Path.ChangeExtension(seedFile, null) + Suffix;

    /// <summary>The title and URL in <paramref name="seedFile"/>'s metadata file, or nulls.</summary>
    public static (string? Title, string? Url) Read(string seedFile)
    {
        var path = PathOf(seedFile);
        try
        {
            if (!File.Exists(path) || new FileInfo(path).Length > 1024 * 1024)
            {
                return (null, null);
            }

            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return document.RootElement.ValueKind == JsonValueKind.Object ? (Text(document.RootElement, "title"), Text(document.RootElement, "url")) : (null, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return (null, null);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
