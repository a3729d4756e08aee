using Microsoft.Extensions.Logging;

namespace ArticleBot.Core.Plugins.Mcp;

/// <summary>
/// The logger factory the MCP SDK gets for plugin servers: its entries go to the bot's loggers at Debug at most. The
/// SDK logs a server that cannot be reached, or that crashes mid-handshake, as errors with stack traces, several per
/// attempt; <see cref="McpServerConnection"/> already says what happened in one warning line, with the reason.
/// </summary>
internal sealed class QuietLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new QuietLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose()
    {
        // The inner factory belongs to the host.
    }

    private sealed class QuietLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(Demote(logLevel));

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var level = Demote(logLevel);
            if (inner.IsEnabled(level))
            {
                inner.Log(level, eventId, state, exception, formatter);
            }
        }

        private static LogLevel Demote(LogLevel level) => level is LogLevel.None || level <= LogLevel.Debug ? level : LogLevel.Debug;
    }
}
