using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace ArticleBot.Core.Search;

/// <summary>
/// How data derived from the corpus (the Lucene index, the English lexicon) is kept on disk, in one place: each
/// entry is named by a format version and a fingerprint of what it was built from, so a changed corpus or build
/// never reuses a stale one; it is written beside its final name and then moved into place, so a crash mid-write
/// never leaves half an entry to be reused, and two processes writing at once both end with a whole one; and a
/// manifest of SHA-256 checksums is written last and checked on open, so an entry damaged later (truncated, edited,
/// a disk error) is found and rebuilt instead of being read.
/// </summary>
internal static class FingerprintedCache
{
    /// <summary>The checksum list inside a directory entry, and the suffix of a file entry's checksum.</summary>
    public const string ManifestName = "MANIFEST.sha256";

    private const string FileChecksumSuffix = ".sha256";
    private const string TemporarySuffix = ".tmp";

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

    /// <summary>
    /// Writes a file entry: <paramref name="write"/> gets a temporary path beside it, then it replaces the entry, and
    /// its checksum file goes last.
    /// </summary>
    /// <exception cref="IOException">The directory or file cannot be written.</exception>
    public static void WriteFile(string path, Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = Temporary(path);
        write(temporary);
        var checksum = Temporary(path + FileChecksumSuffix);
        File.WriteAllText(checksum, Checksum(temporary));
        File.Move(temporary, path, overwrite: true);
        File.Move(checksum, path + FileChecksumSuffix, overwrite: true);
    }

    /// <summary>
    /// Writes a directory entry: <paramref name="build"/> fills a temporary directory beside it, its manifest is
    /// written last, and it is moved into place; when another process got there first, theirs is kept.
    /// </summary>
    /// <exception cref="IOException">The directory cannot be written.</exception>
    public static void WriteDirectory(string path, Action<string> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var temporary = Temporary(path);
        build(temporary);
        var manifest = new StringBuilder();
        foreach (var file in Files(temporary))
        {
            manifest.Append(Checksum(Path.Combine(temporary, file))).Append("  ").Append(file).Append('\n');
        }

        File.WriteAllText(Path.Combine(temporary, ManifestName), manifest.ToString());
        try
        {
            Directory.Move(temporary, path);
        }
        catch (IOException) when (Directory.Exists(path))
        {
            Directory.Delete(temporary, recursive: true); // another process won the race
        }
    }

    /// <summary>Null when the entry matches its checksums; otherwise what is wrong with it.</summary>
    public static string? Damage(string path)
    {
        try
        {
            if (File.Exists(path))
            {
                var sidecar = path + FileChecksumSuffix;
                return !File.Exists(sidecar) ? "its checksum is missing: damaged, or written by an older version"
                    : File.ReadAllText(sidecar).Trim() != Checksum(path) ? "its checksum does not match"
                    : null;
            }

            var manifest = Path.Combine(path, ManifestName);
            if (!File.Exists(manifest))
            {
                return "its manifest is missing: damaged, or written by an older version";
            }

            var expected = File.ReadAllLines(manifest).Where(l => l.Length > 0)
                .Select(l => l.Split("  ", 2)).ToDictionary(p => p[1], p => p[0], StringComparer.Ordinal);
            var present = Files(path).ToHashSet(StringComparer.Ordinal);
            if (!present.SetEquals(expected.Keys))
            {
                return "its files are not the ones its manifest lists";
            }

            return expected.FirstOrDefault(e => Checksum(Path.Combine(path, e.Key)) != e.Value).Key is { } changed
                ? $"{changed} does not match its checksum"
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or IndexOutOfRangeException or ArgumentException)
        {
            return ex.Message;
        }
    }

    /// <summary>Deletes an entry (and a file entry's checksum), so it can be built again.</summary>
    public static void Discard(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        File.Delete(path);
        File.Delete(path + FileChecksumSuffix);
    }

    /// <summary>
    /// Deletes what killed builds left behind: temporary entries (<c>*.{pid}.tmp</c>) of processes that no longer run.
    /// A running process's build is left alone. Returns how many were removed.
    /// </summary>
    public static int CleanLeftovers(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return 0;
        }

        var removed = 0;
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos("*" + TemporarySuffix))
        {
            var parts = entry.Name.Split('.');
            if (parts.Length < 3 || !int.TryParse(parts[^2], out var pid) || IsRunning(pid))
            {
                continue;
            }

            try
            {
                if (entry is DirectoryInfo folder)
                {
                    folder.Delete(recursive: true);
                }
                else
                {
                    entry.Delete();
                }

                removed++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another process is cleaning too, or it is not ours to delete: leave it.
            }
        }

        return removed;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The files of a directory entry, relative and sorted; Lucene's write lock is not part of the data.</summary>
    private static IEnumerable<string> Files(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/'))
            .Where(f => f is not (ManifestName or "write.lock"))
            .Order(StringComparer.Ordinal);

    private static string Checksum(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static string Temporary(string path) => $"{path}.{Environment.ProcessId}{TemporarySuffix}";
}
