namespace ArticleBot.TestPlugins.Dependency;

/// <summary>Something only the plugin's own folder provides.</summary>
public static class Helper
{
    /// <summary>Names the load context this assembly lives in.</summary>
    public static string Where() => System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(typeof(Helper).Assembly)?.Name ?? "?";
}
