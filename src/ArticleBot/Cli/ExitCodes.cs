namespace ArticleBot.Cli;

/// <summary>The process exit codes (architecture.md).</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>A failure at run time.</summary>
    public const int Failure = 1;

    /// <summary>Bad usage or bad configuration.</summary>
    public const int Usage = 2;
}
