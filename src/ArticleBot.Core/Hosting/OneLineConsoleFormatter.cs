using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace ArticleBot.Core.Hosting;

/// <summary>Options of <see cref="OneLineConsoleFormatter"/> (<c>Logging:Console:FormatterOptions</c>).</summary>
public sealed class OneLineConsoleFormatterOptions : ConsoleFormatterOptions
{
    /// <summary>Also print an exception's stack trace (off: the type and message only).</summary>
    public bool IncludeStackTraces { get; set; }
}

/// <summary>
/// Writes each log entry on one line, like the simple formatter's single-line mode (<c>warn: Category[id] message</c>),
/// but an exception as its type and message only: a client's bad request, a port in use or an unreachable server is
/// a line an operator can read, not a stack trace (the libraries log such exceptions in full).
/// <c>Logging:Console:FormatterOptions:IncludeStackTraces=true</c> brings the traces back for debugging.
/// </summary>
public sealed class OneLineConsoleFormatter : ConsoleFormatter, IDisposable
{
    /// <summary>The formatter's name (<c>Logging:Console:FormatterName</c>).</summary>
    public const string FormatterName = "articlebot";

    private readonly IDisposable? _reload;
    private OneLineConsoleFormatterOptions _options;

    /// <summary>Creates the formatter; it follows changes of its options.</summary>
    public OneLineConsoleFormatter(IOptionsMonitor<OneLineConsoleFormatterOptions> options)
        : base(FormatterName)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.CurrentValue;
        _reload = options.OnChange(o => _options = o);
    }

    /// <inheritdoc/>
    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        ArgumentNullException.ThrowIfNull(textWriter);
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        var line = new StringBuilder();
        if (_options.TimestampFormat is { } format)
        {
            line.Append((_options.UseUtcTimestamp ? DateTimeOffset.UtcNow : DateTimeOffset.Now).ToString(format, System.Globalization.CultureInfo.InvariantCulture));
        }

        line.Append(Level(logEntry.LogLevel)).Append(": ").Append(logEntry.Category).Append('[').Append(logEntry.EventId.Id).Append("] ");
        line.Append(OneLine(message ?? string.Empty));
        if (logEntry.Exception is { } exception)
        {
            line.Append(" (").Append(exception.GetType().Name).Append(": ").Append(OneLine(Innermost(exception).Message)).Append(')');
            if (_options.IncludeStackTraces)
            {
                line.Append(' ').Append(OneLine(exception.ToString()));
            }
        }

        textWriter.Write(line.Append(Environment.NewLine).ToString());
    }

    /// <inheritdoc/>
    public void Dispose() => _reload?.Dispose();

    private static Exception Innermost(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? Innermost(aggregate.InnerExceptions[0]) : exception;

    private static string OneLine(string text) => text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal)
        ? text.ReplaceLineEndings(" ")
        : text;

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => level.ToString().ToLowerInvariant(),
    };
}
