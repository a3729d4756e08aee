namespace ArticleBot.Cli;

/// <summary>Whether stdout can be written to at all, checked before any work is done.</summary>
public static class StandardOutput
{
    // The open flags' access mode (O_ACCMODE) and its read-only value (O_RDONLY), as Linux defines them.
    private const int AccessMode = 3;
    private const int ReadOnly = 0;

    /// <summary>
    /// Why stdout cannot be written (<c>ask … &gt;&amp;-</c> closed it), or null when it can or when this cannot be told.
    /// </summary>
    /// <remarks>
    /// A closed descriptor 1 does not stay closed: the runtime's first <c>open</c> or <c>pipe</c> takes the lowest free
    /// number, so by <c>Main</c> descriptor 1 is some internal file or pipe end opened for reading, and the first write
    /// fails deep in the console stream. Linux's <c>/proc/self/fdinfo/1</c> gives its access mode.
    /// </remarks>
    public static string? Unusable()
    {
        const string info = "/proc/self/fdinfo/1";
        if (!Directory.Exists("/proc/self/fdinfo"))
        {
            return null;
        }

        try
        {
            if (!File.Exists(info))
            {
                return "stdout is closed";
            }

            var flags = File.ReadLines(info).FirstOrDefault(l => l.StartsWith("flags:", StringComparison.Ordinal));
            if (flags is not null && (Convert.ToInt32(flags["flags:".Length..].Trim(), 8) & AccessMode) == ReadOnly)
            {
                return "stdout is closed (or open for reading only)";
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            // Cannot tell: carry on, and let the first write say what is wrong.
        }

        return null;
    }
}
