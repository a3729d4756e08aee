using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;

namespace ArticleBot.Core.Plugins.Mcp;

/// <summary>
/// One running stdio MCP server: its stdin and (bounded) stdout for the protocol, its stderr line by line to the log
/// (long lines cut, the last words kept to explain a crash), and a kill that takes its whole process tree. On Linux it
/// runs under a <see cref="ProcessGuard"/>, so that nothing it starts outlives the bot, even a SIGKILLed one.
/// </summary>
internal sealed partial class McpServerProcess : IAsyncDisposable
{
    private const int MaxLoggedLineChars = 2000;
    private const int MaxLastWordsChars = 300;

    private readonly Process _process;
    private readonly ILogger _logger;
    private readonly string _name;
    private readonly Task _stderrPump;
    private readonly BoundedLineStream _output;
    private string? _lastWords;

    private McpServerProcess(Process process, string name, int maxMessageBytes, Action<McpMessageTooLargeException> onOverflow, ILogger logger)
    {
        _process = process;
        _name = name;
        _logger = logger;
        _output = new BoundedLineStream(process.StandardOutput.BaseStream, maxMessageBytes, onOverflow);
        Input = process.StandardInput.BaseStream;
        _stderrPump = Task.Run(PumpStderrAsync);
    }

    /// <summary>The server's stdin (we write requests).</summary>
    public Stream Input { get; }

    /// <summary>The server's stdout (we read responses), bounded (see <see cref="BoundedLineStream"/>).</summary>
    public Stream Output => _output;

    /// <summary>The server answered initialize and listed its tools: its output is bounded per message from now on.</summary>
    public void HandshakeDone() => _output.Handshaken = true;

    /// <summary>Completes when the process exits.</summary>
    public Task Exited => _process.WaitForExitAsync();

    /// <summary>Completes when the server's stderr has been read to its end (after it exits).</summary>
    public Task StderrDone => _stderrPump;

    /// <summary>The exit code, once exited.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>
    /// The last line the server wrote to stderr that is not part of a stack trace: what a crash says about itself
    /// ("Unhandled exception. System.InvalidOperationException: …", "Stack overflow."), in one line.
    /// </summary>
    public string? LastWords => Volatile.Read(ref _lastWords);

    /// <summary>Starts the server, under <paramref name="guard"/> when there is one.</summary>
    /// <exception cref="InvalidOperationException">It cannot be started; the message says why.</exception>
    public static McpServerProcess Start(string name, McpServerDeclaration declaration, string contentRoot, int maxMessageBytes, Action<McpMessageTooLargeException> onOverflow, ProcessGuardLauncher? guard, ILogger logger)
    {
        var start = new ProcessStartInfo(guard?.FileName ?? declaration.Command!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
            CreateNoWindow = true,
            WorkingDirectory = string.IsNullOrWhiteSpace(declaration.WorkingDirectory) ? contentRoot : Path.GetFullPath(declaration.WorkingDirectory, contentRoot),
        };
        foreach (var argument in guard is null ? [.. declaration.Args] : ProcessGuard.Arguments(guard, declaration.Command!, declaration.Args))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in declaration.Env)
        {
            start.Environment[key] = value;
        }

        try
        {
            var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start '{declaration.Command}'");
            return new McpServerProcess(process, name, maxMessageBytes, onOverflow, logger);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException)
        {
            throw new InvalidOperationException($"cannot start '{declaration.Command}' in {start.WorkingDirectory}: {ex.Message}", ex);
        }
    }

    /// <summary>Ends the server and every process it started.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // It exited meanwhile.
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        Kill();
        try
        {
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            await _stderrPump.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            // A process that outlives a kill is the kernel's to reap; do not hang the bot's shutdown on it.
        }

        _process.Dispose();
    }

    private async Task PumpStderrAsync()
    {
        // Read in chunks and cut long lines: a server that floods stderr costs a bounded buffer.
        var reader = _process.StandardError;
        var buffer = new char[4096];
        var line = new StringBuilder();
        try
        {
            int read;
            while ((read = await reader.ReadAsync(buffer)) > 0)
            {
                for (var i = 0; i < read; i++)
                {
                    if (buffer[i] == '\n')
                    {
                        Emit(line);
                    }
                    else if (line.Length < MaxLoggedLineChars && buffer[i] != '\r')
                    {
                        line.Append(buffer[i]);
                    }
                }
            }

            Emit(line);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The process went away.
        }
    }

    private void Emit(StringBuilder line)
    {
        if (line.Length == 0)
        {
            return;
        }

        var text = line.ToString();
        line.Clear();
        if (!IsStackTrace(text))
        {
            Volatile.Write(ref _lastWords, text.Trim().Length > MaxLastWordsChars ? text.Trim()[..MaxLastWordsChars] + "…" : text.Trim());
        }

        Log.ServerStderr(_logger, _name, text);
    }

    /// <summary>A line of a stack trace (.NET, Node, Python, Java) or its framing, which explains nothing by itself.</summary>
    internal static bool IsStackTrace(string line)
    {
        var text = line.Trim();
        return text.Length == 0
            || text.StartsWith("at ", StringComparison.Ordinal)
            || text.StartsWith("--- ", StringComparison.Ordinal)
            || text.All(c => c is '-' or '=' or '*' or '^' or '~' or ' ')
            || (text.StartsWith("Repeat", StringComparison.Ordinal) && text.EndsWith("times:", StringComparison.Ordinal))
            || text.StartsWith("File \"", StringComparison.Ordinal)
            || text.StartsWith("Traceback (most recent call last)", StringComparison.Ordinal)
            || text.StartsWith("[...", StringComparison.Ordinal);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 7101, EventName = "McpServerStderr", Level = LogLevel.Information, Message = "MCP server {Server} stderr: {Line}")]
        public static partial void ServerStderr(ILogger logger, string server, string line);
    }
}
