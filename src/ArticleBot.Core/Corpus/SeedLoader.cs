using System.Text;
using Microsoft.Extensions.Logging;

namespace ArticleBot.Core.Corpus;

/// <summary>The seeds folder is missing or holds nothing to index: a configuration error (exit code 2).</summary>
public sealed class CorpusConfigurationException(string message) : Exception(message);

/// <summary>
/// Reads every <c>.txt</c>/<c>.md</c> file under the seeds folder as strict UTF-8 (with or without BOM).
/// A file that is not valid UTF-8 is skipped with a warning naming it; the others still load.
/// </summary>
public sealed partial class SeedLoader(ILogger<SeedLoader> logger)
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Loads the documents.</summary>
    /// <param name="seedsPath">The seeds folder (absolute).</param>
    /// <param name="contentRoot">Sources are reported relative to this folder.</param>
    public IReadOnlyList<SeedDocument> Load(string seedsPath, string contentRoot)
    {
        if (!Directory.Exists(seedsPath))
        {
            throw new CorpusConfigurationException(
                $"Corpus:SeedsPath: the seeds folder '{seedsPath}' does not exist. Put the article's .txt/.md files there or set Corpus:SeedsPath.");
        }

        var files = Directory.EnumerateFiles(seedsPath, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();

        var documents = new List<SeedDocument>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            string text;
            try
            {
                text = s_strictUtf8.GetString(File.ReadAllBytes(file));
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

            var source = Path.GetRelativePath(contentRoot, file).Replace('\\', '/');
            documents.Add(new SeedDocument(source, UniqueKey(file, seedsPath, keys), text));
        }

        if (documents.Count == 0 || documents.All(d => string.IsNullOrWhiteSpace(d.Text)))
        {
            throw new CorpusConfigurationException(
                $"Corpus:SeedsPath: no readable .txt or .md article in '{seedsPath}'. Add the article there or point Corpus:SeedsPath at it.");
        }

        return documents;
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
    }
}
