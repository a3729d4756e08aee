using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;

namespace ArticleBot.Core.Plugins.Mcp;

/// <summary>
/// One running stdio MCP server: its stdin and (bounded) stdout for the protocol, its stderr line by line to the log
/// (long lines cut, the last few kept to explain a crash), and a kill that takes its whole process tree.
/// </summary>
internal sealed partial class McpServerProcess : IAsyncDisposable
{
    private const int MaxLoggedLineChars = 2000;
    private const int KeptLines = 5;

    private readonly Process _process;
    private readonly ILogger _logger;
    private readonly string _name;
    private readonly Queue<string> _lastLines = new();
    private readonly Task _stderrPump;

    private McpServerProcess(Process process, string name, int maxMessageBytes, Action<McpMessageTooLargeException> onOverflow, ILogger logger)
    {
        _process = process;
        _name = name;
        _logger = logger;
        Output = new BoundedLineStream(process.StandardOutput.BaseStream, maxMessageBytes, onOverflow);
        Input = process.StandardInput.BaseStream;
        _stderrPump = Task.Run(PumpStderrAsync);
    }

    /// <summary>The server's stdin (we write requests).</summary>
    public Stream Input { get; }

    /// <summary>The server's stdout (we read responses), bounded per message.</summary>
    public Stream Output { get; }

    /// <summary>Completes when the process exits.</summary>
    public Task Exited => _process.WaitForExitAsync();

    /// <summary>Completes when the server's stderr has been read to its end (after it exits).</summary>
    public Task StderrDone => _stderrPump;

    /// <summary>The exit code, once exited.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>The last lines the server wrote to stderr (to explain a crash).</summary>
    public string LastStderr
    {
        get
        {
            lock (_lastLines)
            {
                return string.Join(" | ", _lastLines);
            }
        }
    }

    /// <summary>Starts the server.</summary>
    /// <exception cref="InvalidOperationException">It cannot be started; the message says why.</exception>
    public static McpServerProcess Start(string name, McpServerDeclaration declaration, string contentRoot, int maxMessageBytes, Action<McpMessageTooLargeException> onOverflow, ILogger logger)
    {
        var start = new ProcessStartInfo(declaration.Command!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
            CreateNoWindow = true,
            WorkingDirectory = string.IsNullOrWhiteSpace(declaration.WorkingDirectory) ? contentRoot : Path.GetFullPath(declaration.WorkingDirectory, contentRoot),
        };
        foreach (var argument in declaration.Args)
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
        lock (_lastLines)
        {
            _lastLines.Enqueue(text);
            while (_lastLines.Count > KeptLines)
            {
                _lastLines.Dequeue();
            }
        }

        Log.ServerStderr(_logger, _name, text);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 7101, EventName = "McpServerStderr", Level = LogLevel.Information, Message = "MCP server {Server} stderr: {Line}")]
        public static partial void ServerStderr(ILogger logger, string server, string line);
    }
}
