using System.Text;
using Microsoft.Extensions.Logging;

namespace ArticleBot.Core.Corpus;

/// <summary>The seeds folder is missing or holds nothing to index: a configuration error (exit code 2).</summary>
public sealed class CorpusConfigurationException(string message) : Exception(message);

/// <summary>
/// Reads every <c>.txt</c>/<c>.md</c> file under the seeds folder as strict UTF-8 (with or without BOM), once: the
/// text read is the snapshot every passage, offset and quote of this run refers to. Discovery is safe on odd folders:
/// each real folder is visited once (symlink loops end), a file reached by two paths is read once, and only files
/// with content are read (a FIFO or a device, which report no length, is skipped instead of blocking or filling
/// memory), up to a size cap. The <c>guilds/</c> folder directly under the seeds folder is not read: it holds the
/// articles of single Discord servers (<see cref="GuildSeeds"/>). Each skipped file gets a warning that names it; the others still load.
/// </summary>
public sealed partial class SeedLoader(ILogger<SeedLoader> logger)
{
    /// <summary>The default cap on one seed file (<c>Corpus:MaxSeedFileBytes</c>).</summary>
    public const long DefaultMaxFileBytes = 16 * 1024 * 1024;

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Loads the documents.</summary>
    /// <param name="seedsPath">The seeds folder (absolute).</param>
    /// <param name="contentRoot">Sources are reported relative to this folder.</param>
    /// <param name="maxFileBytes">Files larger than this are skipped with a warning.</param>
    /// <param name="takenKeys">Id prefixes already used by documents loaded beside these (a server's articles beside the shared ones).</param>
    /// <param name="namedFrom">
    /// When the folder is outside the content root, sources are named from this folder (a server's articles from the
    /// seeds folder they are in: <c>seeds/guilds/…</c>); <paramref name="seedsPath"/> when null.
    /// </param>
    public IReadOnlyList<SeedDocument> Load(string seedsPath, string contentRoot, long maxFileBytes = DefaultMaxFileBytes, IEnumerable<string>? takenKeys = null, string? namedFrom = null)
    {
        if (File.Exists(seedsPath))
        {
            throw new CorpusConfigurationException(
                $"Corpus:SeedsPath: '{seedsPath}' is a file, not a folder. Set Corpus:SeedsPath to the folder that holds the article's .txt/.md files.");
        }

        if (!Directory.Exists(seedsPath))
        {
            throw new CorpusConfigurationException(
                $"Corpus:SeedsPath: the seeds folder '{seedsPath}' does not exist. Put the article's .txt/.md files there or set Corpus:SeedsPath.");
        }

        var files = Discover(seedsPath, maxFileBytes);

        var documents = new List<SeedDocument>();
        var keys = new HashSet<string>(takenKeys ?? [], StringComparer.Ordinal);
        foreach (var file in files)
        {
            string text;
            try
            {
                text = s_strictUtf8.GetString(ReadAtMost(file, maxFileBytes));
            }
            catch (DecoderFallbackException)
            {
                Log.SeedNotUtf8(logger, file);
                continue;
            }
            catch (IOException ex)
            {
                Log.SeedUnreadable(logger, file, ex.Message);
                continue;
            }
            catch (UnauthorizedAccessException ex)
            {
                Log.SeedUnreadable(logger, file, ex.Message);
                continue;
            }

            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                text = text[1..];
            }

            var (title, url) = SeedMetadata.Read(file);
            documents.Add(new SeedDocument(SourceOf(file, namedFrom ?? seedsPath, contentRoot), UniqueKey(file, seedsPath, keys), text) { Title = title, Url = url });
        }

        if (documents.Count == 0 || documents.All(d => string.IsNullOrWhiteSpace(d.Text)))
        {
            throw new CorpusConfigurationException(
                $"Corpus:SeedsPath: no readable .txt or .md article in '{seedsPath}'. Add the article there or point Corpus:SeedsPath at it.");
        }

        return documents;
    }

    /// <summary>
    /// The seed files under <paramref name="root"/>, in path order: each real folder visited once, each real file
    /// listed once, only files with content and within the cap.
    /// </summary>
    private List<string> Discover(string root, long maxFileBytes)
    {
        var files = new List<string>();
        var seenFolders = new HashSet<string>(StringComparer.Ordinal);
        var seenFiles = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([root]);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            if (!seenFolders.Add(RealPath(new DirectoryInfo(folder))))
            {
                Log.FolderSeenBefore(logger, folder);
                continue;
            }

            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(folder).EnumerateFileSystemInfos().OrderByDescending(e => e.FullName, StringComparer.Ordinal).ToList();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Log.SeedUnreadable(logger, folder, ex.Message);
                continue;
            }

            foreach (var entry in entries)
            {
                if (entry is DirectoryInfo)
                {
                    // The servers' own articles (guilds/) are not shared: each is read only for its server.
                    if (!GuildSeeds.IsGuildsFolder(root, entry.FullName))
                    {
                        pending.Push(entry.FullName);
                    }
                }
                else if (entry.Name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || entry.Name.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
                {
                    AddFile(entry.FullName, maxFileBytes, seenFiles, files);
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private void AddFile(string file, long maxFileBytes, HashSet<string> seen, List<string> files)
    {
        try
        {
            var info = new FileInfo(file);
            var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo;
            if (target is null || !target.Exists)
            {
                Log.SeedSkipped(logger, file, "a link to nothing");
            }
            else if (!seen.Add(target.FullName))
            {
                Log.SeedSkipped(logger, file, $"the same file as one already read ({target.FullName})");
            }
            else if (target.Length == 0)
            {
                // A FIFO, a socket or a device reports no length; reading one would block or never end.
                Log.SeedSkipped(logger, file, "empty, or not a regular file (a FIFO or a device)");
            }
            else if (target.Length > maxFileBytes)
            {
                Log.SeedSkipped(logger, file, $"{target.Length:N0} bytes is over Corpus:MaxSeedFileBytes ({maxFileBytes:N0})");
            }
            else
            {
                files.Add(file);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.SeedUnreadable(logger, file, ex.Message);
        }
    }

    /// <summary>A folder's path with every link resolved, so two ways to one folder are seen as one.</summary>
    private static string RealPath(DirectoryInfo folder)
    {
        try
        {
            var resolved = folder.LinkTarget is null ? folder : folder.ResolveLinkTarget(returnFinalTarget: true) ?? folder;
            var parent = Directory.GetParent(resolved.FullName);
            return parent is null ? resolved.FullName : Path.Combine(RealPath(parent), resolved.Name);
        }
        catch (IOException)
        {
            return folder.FullName; // a link loop that cannot be resolved: its own path stands for it
        }
    }

    /// <summary>Reads a file, never more than the cap (its length may have grown since it was checked).</summary>
    private static byte[] ReadAtMost(string file, long maxFileBytes)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxFileBytes)
            {
                throw new IOException($"it grew over Corpus:MaxSeedFileBytes ({maxFileBytes:N0}) while it was read");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// How a seed file is named to users: its path from the content root (<c>seeds/ai-race-2026.txt</c>); for a seeds
    /// folder outside it, the path from the folder's parent (<c>articles/ai-race-2026.txt</c>), not a climb of
    /// <c>../../..</c> that shows the machine's layout and names nothing.
    /// </summary>
    public static string SourceOf(string file, string seedsPath, string contentRoot)
    {
        var relative = Path.GetRelativePath(contentRoot, file);
        if (relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            relative = Path.Combine(Path.GetFileName(Path.TrimEndingDirectorySeparator(seedsPath)), Path.GetRelativePath(seedsPath, file));
        }

        return relative.Replace('\\', '/');
    }

    /// <summary>A passage-id prefix from the file name ("ai-race-2026"), made unique with the folder when needed.</summary>
    private static string UniqueKey(string file, string seedsPath, HashSet<string> used)
    {
        var key = Slug(Path.GetFileNameWithoutExtension(file));
        if (!used.Add(key))
        {
            var relative = Path.GetRelativePath(seedsPath, file);
            key = Slug(Path.ChangeExtension(relative, null) ?? relative);
            var n = 2;
            var candidate = key;
            while (!used.Add(candidate))
            {
                candidate = $"{key}-{n++}";
            }

            key = candidate;
        }

        return key;
    }

    private static string Slug(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : '-');
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "doc" : slug;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1001, EventName = "SeedNotUtf8", Level = LogLevel.Warning,
            Message = "Skipping seed file {File}: it is not valid UTF-8. Convert it to UTF-8 to have it indexed.")]
        public static partial void SeedNotUtf8(ILogger logger, string file);

        [LoggerMessage(EventId = 1002, EventName = "SeedUnreadable", Level = LogLevel.Warning,
            Message = "Skipping seed file {File}: {Reason}")]
        public static partial void SeedUnreadable(ILogger logger, string file, string reason);

        [LoggerMessage(EventId = 1003, EventName = "SeedSkipped", Level = LogLevel.Warning, Message = "Skipping seed file {File}: {Reason}")]
        public static partial void SeedSkipped(ILogger logger, string file, string reason);

        [LoggerMessage(EventId = 1004, EventName = "SeedFolderSeenBefore", Level = LogLevel.Warning,
            Message = "Skipping seed folder {Folder}: it is a folder already read (a symbolic link loop or a second link to it)")]
        public static partial void FolderSeenBefore(ILogger logger, string folder);
    }
}
