using ArticleBot.Core.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ArticleBot.Core.Tests.Hosting;

/// <summary>Logs on stderr are one line each; an exception is its type and message, not a stack trace.</summary>
public sealed class OneLineConsoleFormatterTests
{
    [Fact]
    public void Exception_IsWrittenAsItsTypeAndMessage_OnTheEntrysLine()
    {
        // Arrange: a library logging a client's bad request with the exception it threw.
        var exception = Thrown(new InvalidOperationException("Unknown tool 'nope'.\nTools: ask, search."));

        // Act
        var text = Write(new OneLineConsoleFormatterOptions(), "Request handler failed", exception);

        // Assert
        Assert.Equal("warn: ModelContextProtocol.Server.McpServer[42] Request handler failed (InvalidOperationException: Unknown tool 'nope'. Tools: ask, search.)" + Environment.NewLine, text);
    }

    [Fact]
    public void IncludeStackTraces_BringsTheTraceBack_StillOnOneLine()
    {
        var text = Write(new OneLineConsoleFormatterOptions { IncludeStackTraces = true }, "failed", Thrown(new InvalidOperationException("boom")));

        Assert.Contains(nameof(Thrown), text, StringComparison.Ordinal);
        Assert.Single(text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    private static string Write(OneLineConsoleFormatterOptions options, string message, Exception exception)
    {
        using var formatter = new OneLineConsoleFormatter(new StaticMonitor(options));
        using var writer = new StringWriter();
        var entry = new LogEntry<string>(LogLevel.Warning, "ModelContextProtocol.Server.McpServer", new EventId(42), message, exception, (state, _) => state);
        formatter.Write(entry, null, writer);
        return writer.ToString();
    }

    private static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception caught)
        {
            return caught;
        }
    }

    private sealed class StaticMonitor(OneLineConsoleFormatterOptions value) : IOptionsMonitor<OneLineConsoleFormatterOptions>
    {
        public OneLineConsoleFormatterOptions CurrentValue => value;

        public OneLineConsoleFormatterOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<OneLineConsoleFormatterOptions, string?> listener) => null;
    }
}
