namespace ArticleBot.Core;

/// <summary>Opens the data files embedded in this assembly (OpenCC tables, CC-CEDICT, prompts).</summary>
internal static class EmbeddedResources
{
    public static Stream Open(string name)
    {
        var fullName = "ArticleBot.Resources." + name;
        return typeof(EmbeddedResources).Assembly.GetManifestResourceStream(fullName)
            ?? throw new InvalidOperationException($"Embedded resource '{fullName}' is missing from the build.");
    }
}
