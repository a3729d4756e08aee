using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ArticleBot.Core.Tests.Fakes;

/// <summary>A logger provider that keeps every entry, with its level, for a test to read.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    /// <summary>The entries logged, in order.</summary>
    public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider.Entries.Enqueue((logLevel, formatter(state, exception)));
    }
}
