namespace ArticleBot.Core;

/// <summary>
/// The word lists the analysers use (question cues, name suffixes, common surnames, …), read from the data files
/// embedded from <c>Resources/words/</c> rather than written in code: one entry a line, exactly as written (a trailing
/// space is part of the entry), blank lines and lines starting with <c>#</c> skipped. Each file is read once.
/// </summary>
internal static class WordLists
{
    /// <summary>The entries of <c>Resources/words/{name}.txt</c>, in file order.</summary>
    /// <exception cref="InvalidOperationException">The list is missing from the build.</exception>
    public static string[] Load(string name)
    {
        using var reader = new StreamReader(EmbeddedResources.Open($"words/{name}.txt"));
        var entries = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                entries.Add(line);
            }
        }

        return [.. entries];
    }
}
