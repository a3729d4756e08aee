using System.Security.Cryptography;

namespace ArticleBot.Core.Search;

/// <summary>
/// How data derived from the corpus (the Lucene index, the English lexicon) is kept on disk, in one place: each
/// entry is named by a format version and a fingerprint of what it was built from, so a changed corpus or build
/// never reuses a stale one; and it is written beside its final name and then moved into place, so a crash mid-write
/// never leaves half an entry to be reused, and two processes writing at once both end with a whole one.
/// </summary>
internal static class FingerprintedCache
{
    /// <summary>The path of an entry: <c>{directory}/{version}-{fingerprint}{extension}</c>.</summary>
    public static string PathFor(string directory, string version, string fingerprint, string extension = "") =>
        Path.Combine(directory, $"{version}-{fingerprint}{extension}");

    /// <summary>A SHA-256 fingerprint (20 hex digits) of what <paramref name="append"/> feeds the hash.</summary>
    public static string Fingerprint(Action<IncrementalHash> append)
    {
        ArgumentNullException.ThrowIfNull(append);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        append(hash);
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..20];
    }

    /// <summary>Writes a file entry: <paramref name="write"/> gets a temporary path beside it, then it replaces the entry.</summary>
    /// <exception cref="IOException">The directory or file cannot be written.</exception>
    public static void WriteFile(string path, Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = Temporary(path);
        write(temporary);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// Writes a directory entry: <paramref name="build"/> fills a temporary directory beside it, which is then moved
    /// into place; when another process got there first, theirs is kept and this one deleted.
    /// </summary>
    /// <exception cref="IOException">The directory cannot be written.</exception>
    public static void WriteDirectory(string path, Action<string> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var temporary = Temporary(path);
        build(temporary);
        try
        {
            Directory.Move(temporary, path);
        }
        catch (IOException) when (Directory.Exists(path))
        {
            Directory.Delete(temporary, recursive: true); // another process won the race
        }
    }

    private static string Temporary(string path) => $"{path}.{Environment.ProcessId}.tmp";
}
