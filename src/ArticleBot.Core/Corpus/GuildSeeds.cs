namespace ArticleBot.Core.Corpus;

/// <summary>
/// Articles added in one Discord server live in <c>{seeds}/guilds/{guildId}/</c>. The shared corpus never reads that
/// folder (<see cref="SeedLoader"/> and <see cref="CorpusLoader.Fingerprint()"/> skip it), so an article a server adds
/// is answered only in that server, beside the shared seeds.
/// </summary>
public static class GuildSeeds
{
    /// <summary>The subfolder of the seeds folder that holds one folder per server.</summary>
    public const string FolderName = "guilds";

    /// <summary>True for a Discord snowflake (1 to 20 ASCII digits): the only names a server's folder may have.</summary>
    public static bool IsGuildId(string? guildId) => guildId is { Length: >= 1 and <= 20 } && guildId.All(char.IsAsciiDigit);

    /// <summary>The folder of a server's articles.</summary>
    /// <exception cref="ArgumentException"><paramref name="guildId"/> is not a snowflake (so it can never name another folder).</exception>
    public static string FolderOf(string seedsFolder, string guildId)
    {
        ArgumentNullException.ThrowIfNull(seedsFolder);
        return IsGuildId(guildId)
            ? Path.Combine(seedsFolder, FolderName, guildId)
            : throw new ArgumentException($"'{guildId}' is not a Discord server id.", nameof(guildId));
    }

    /// <summary>True when <paramref name="folder"/> is the guilds folder directly under <paramref name="root"/> (skipped by the shared corpus).</summary>
    internal static bool IsGuildsFolder(string root, string folder) =>
        string.Equals(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), FolderName, StringComparison.Ordinal)
        && string.Equals(Path.TrimEndingDirectorySeparator(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(folder)) ?? string.Empty), Path.TrimEndingDirectorySeparator(root), StringComparison.Ordinal);
}
