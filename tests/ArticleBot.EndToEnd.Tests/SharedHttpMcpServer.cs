using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

[assembly: AssemblyFixture(typeof(ArticleBot.EndToEnd.Tests.SharedHttpMcpServer))]

namespace ArticleBot.EndToEnd.Tests;

/// <summary>
/// One <c>ArticleBot mcp --http</c> on loopback for the tests that connect to it by URL (<see cref="McpHttpTests"/>,
/// <see cref="McpUrlPluginTests"/>): nothing they do changes its state, and a start is about a second of CPU. Started on
/// first use, on [::ffff:127.0.0.1] (127.0.0.1 written as IPv6, which must be served on 127.0.0.1).
/// </summary>
public sealed class SharedHttpMcpServer : IAsyncDisposable
{
    private readonly Lazy<Task<int>> _port;
    private readonly StringBuilder _stderr = new();
    private Process? _process;

    public SharedHttpMcpServer() => _port = new(StartAsync);

    /// <summary>The port it listens on, once it says so.</summary>
    public Task<int> PortAsync() => _port.Value;

    /// <summary>What it wrote to stderr so far.</summary>
    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync(CancellationToken.None);
            process.Dispose();
        }
    }

    private async Task<int> StartAsync()
    {
        var port = FreePort();
        var process = _process = BotProcess.Start(["mcp", "--http", $"[::ffff:127.0.0.1]:{port}"]);
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (_stderr)
            {
                _stderr.AppendLine(e.Data);
            }

            if (e.Data?.Contains("MCP server listening", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult();
            }
        };
        process.BeginErrorReadLine();

        // Bounded: only a server that never starts reaches it.
        await listening.Task.WaitAsync(TimeSpan.FromSeconds(120));
        return port;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
