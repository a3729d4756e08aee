namespace ArticleBot.Cli;

/// <summary>
/// Separates configuration switches (<c>--Llm:Provider=OpenAI</c>, <c>--Corpus:SeedsPath other</c>) from the
/// command line proper, so configuration keys never collide with command options.
/// </summary>
public static class ConfigurationSwitches
{
    /// <summary>Splits <paramref name="args"/> into configuration switches and command arguments.</summary>
    public static (string[] Configuration, string[] Command) Split(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var configuration = new List<string>();
        var command = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2 && arg.AsSpan(2).IndexOf(':') > 0)
            {
                configuration.Add(arg);
                if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Count)
                {
                    configuration.Add(args[++i]);
                }
            }
            else
            {
                command.Add(arg);
            }
        }

        return ([.. configuration], [.. command]);
    }
}
