using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace ArticleBot.Core.Plugins.Mcp;

/// <summary>Where an MCP server is in its life.</summary>
public enum McpServerState
{
    /// <summary>Declared, not started: servers start on first use (a call, <c>plugins</c>, a model's tool list).</summary>
    NotStarted,

    /// <summary>Being started for the first time.</summary>
    Starting,

    /// <summary>Connected; its tools can be called.</summary>
    Ready,

    /// <summary>It exited, hung or misbehaved, and is being started again after a delay.</summary>
    Restarting,

    /// <summary>It could not be kept running within <see cref="McpPluginOptions.McpMaxRestarts"/>; see the reason.</summary>
    Failed,

    /// <summary>The bot is stopping.</summary>
    Stopped,
}

/// <summary>A call to an MCP server's tool failed: the server reported an error, or exited during the call.</summary>
public sealed class McpPluginException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Keeps one MCP server running: starts it on first use (a process over stdio, or a streamable HTTP URL), lists its
/// tools, and when it exits, closes the connection, floods its output or does not answer a call in time, kills it
/// (with its child processes) and starts it again after a delay that doubles each time, up to
/// <see cref="McpPluginOptions.McpMaxRestarts"/> restarts; then it is marked failed with the reason.
/// </summary>
/// <remarks>
/// Stopping kills first and waits after: the process of the session, or of an attempt still starting, is killed before
/// anything waits for the run to end, so no wait depends on what a server does. The SDK's own logging is turned down to
/// Debug (<see cref="QuietLoggerFactory"/>): a server that cannot be reached or crashes is one warning line of ours.
/// </remarks>
public sealed partial class McpServerConnection : IAsyncDisposable
{
    private static readonly TimeSpan s_maxBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_stableAfter = TimeSpan.FromMinutes(5);

    private readonly McpPluginOptions _options;
    private readonly TimeSpan _callTimeout;
    private readonly string _contentRoot;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _firstAttempt = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ProcessGuardLauncher? _guard;
    private readonly ILoggerFactory _sdkLoggers;
    private readonly Lock _starting = new();
    private Task? _loop;
    private volatile Session? _session;
    private volatile McpServerProcess? _attempt;
    private string? _lastLogged;
    private int _disposed;

    /// <summary>Creates the connection; nothing starts before <see cref="EnsureStarted"/>.</summary>
    public McpServerConnection(string name, McpServerDeclaration declaration, McpPluginOptions options, TimeSpan callTimeout, string contentRoot, TimeProvider time, ILoggerFactory loggers, ProcessGuardLauncher? guard = null)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        _guard = guard;
        _sdkLoggers = new QuietLoggerFactory(loggers);
        Name = name;
        Declaration = declaration;
        _options = options;
        _callTimeout = callTimeout;
        _contentRoot = contentRoot;
        _time = time;
        _loggers = loggers;
        _logger = loggers.CreateLogger<McpServerConnection>();
    }

    /// <summary>Raised when <see cref="State"/>, <see cref="Reason"/> or <see cref="Tools"/> change.</summary>
    public event Action? Changed;

    /// <summary>The server's name in configuration.</summary>
    public string Name { get; }

    /// <summary>How it is started.</summary>
    public McpServerDeclaration Declaration { get; }

    /// <summary>Where it is in its life.</summary>
    public McpServerState State { get; private set; } = McpServerState.NotStarted;

    /// <summary>Why it is not ready, or why it was last restarted.</summary>
    public string? Reason { get; private set; }

    /// <summary>How many times it was restarted (since it last ran for five minutes).</summary>
    public int Restarts { get; private set; }

    /// <summary>Its tools, as last listed (kept while it restarts).</summary>
    public IReadOnlyList<Tool> Tools { get; private set; } = [];

    /// <summary>Where it comes from, for <c>plugins</c>.</summary>
    public string Source => Declaration.Url is { Length: > 0 } url ? url : string.Join(' ', [Declaration.Command!, .. Declaration.Args]);

    /// <summary>Starts the server in the background, once; returns at once.</summary>
    public void EnsureStarted()
    {
        if (_loop is not null || Volatile.Read(ref _disposed) == 1)
        {
            return;
        }

        lock (_starting)
        {
            if (_loop is null && Volatile.Read(ref _disposed) == 0)
            {
                State = McpServerState.Starting;
                _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
            }
        }
    }

    /// <summary>Completes once the first start is over (ready, or failed and restarting), or at once when not started.</summary>
    public Task WhenStartedAsync(CancellationToken cancellationToken) =>
        _loop is null ? Task.CompletedTask : _firstAttempt.Task.WaitAsync(cancellationToken);

    /// <summary>Starts the server; returns once it is ready or its first start failed (restarts go on in the background).</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        EnsureStarted();
        return WhenStartedAsync(cancellationToken);
    }

    /// <summary>Calls a tool, bounded by <c>Plugins:CallTimeoutSeconds</c>; a server that does not answer in time is killed.</summary>
    /// <exception cref="McpPluginException">The server is not ready, reported an error, or went away during the call.</exception>
    /// <exception cref="PluginTimeoutException">It did not answer in time.</exception>
    public async Task<CallToolResult> CallToolAsync(string tool, IReadOnlyDictionary<string, object?> arguments, CancellationToken cancellationToken)
    {
        if (_session is not { } session || State != McpServerState.Ready)
        {
            throw new McpPluginException($"MCP server {Name} is {State.ToString().ToLowerInvariant()}{(Reason is null ? string.Empty : $": {Reason}")}");
        }

        using var timeout = new CancellationTokenSource(_callTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var call = session.Client.CallToolAsync(tool, arguments, cancellationToken: linked.Token).AsTask();
        var first = await Task.WhenAny(call, session.Lost.Task);
        try
        {
            if (first == call)
            {
                return await call;
            }

            _ = call.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
            throw WentAway(session, tool, await session.Lost.Task, null);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var reason = $"{tool} did not answer within {_callTimeout.TotalSeconds:0} s (Plugins:CallTimeoutSeconds); killed";
            session.Lose(reason);
            ShowLost(session, reason);
            throw new PluginTimeoutException($"MCP server {Name}: {reason}");
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The client cancels its pending requests when the connection drops (e.g. an oversized message): not the caller's cancellation.
            await Task.WhenAny(session.Lost.Task, Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None));
            throw WentAway(session, tool, session.Lost.Task.IsCompleted ? await session.Lost.Task : "the connection was closed", ex);
        }
        catch (McpProtocolException ex)
        {
            throw new McpPluginException($"MCP server {Name} refused {tool}: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is IOException or McpException or ObjectDisposedException)
        {
            // The connection closes a moment before the exit code is known: give the reason a moment to arrive.
            await Task.WhenAny(session.Lost.Task, Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None));
            throw WentAway(session, tool, session.Lost.Task.IsCompleted ? await session.Lost.Task : ex.Message, ex);
        }
    }

    private McpPluginException WentAway(Session session, string tool, string reason, Exception? inner)
    {
        ShowLost(session, reason);
        return new McpPluginException($"MCP server {Name} went away during {tool}: {reason}", inner);
    }

    /// <summary>
    /// Shows a lost session as restarting at once, before the caller hears of the failure: the run loop gets there
    /// too, but only after the old process is disposed, and a listing asked for in between would still say ready.
    /// </summary>
    private void ShowLost(Session session, string reason)
    {
        if (ReferenceEquals(_session, session) && State == McpServerState.Ready)
        {
            Set(McpServerState.Restarting, reason, Tools);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // Kill first: then nothing the run waits for depends on the server (its stdout closes, its exit is known).
        KillNow();
        await _stopping.CancelAsync();
        _session?.Lose("the bot is stopping");
        lock (_starting)
        {
            // A start racing with the stop sees _disposed and starts nothing; one already under way ends here.
        }

        if (_loop is { } loop)
        {
            await loop.ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    /// <summary>Kills the process tree of the session and of any attempt still starting, now, without waiting.</summary>
    internal void KillNow()
    {
        _session?.Process?.Kill();
        _attempt?.Kill();
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            string reason;
            Session? session = null;
            var started = _time.GetTimestamp();
            try
            {
                session = await ConnectAsync(stopping);
                _session = session;
                Set(McpServerState.Ready, Restarts == 0 ? null : $"restarted {Restarts} time(s); last: {Reason}", session.Tools);
                _lastLogged = null;
                Log.ServerReady(_logger, Name, session.Tools.Count);
                _firstAttempt.TrySetResult();
                reason = await session.WaitForLossAsync();
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested)
            {
                reason = session?.Lost.Task.IsCompleted == true ? await session.Lost.Task : Describe(ex, session);
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                // Stopping kills the server first, so the attempt ends in whatever way its process ending causes.
                reason = "the bot is stopping";
            }

            if (session is not null && !stopping.IsCancellationRequested)
            {
                // Shown as restarting before the session is let go: disposing a server that floods or hangs can take a
                // while, and a call failing meanwhile no longer finds this session to show it lost (a listing said
                // "loaded", with no reason, until the dispose ended).
                ShowLost(session, reason);
            }

            _session = null;
            if (session is not null)
            {
                await session.DisposeAsync();
            }

            if (stopping.IsCancellationRequested)
            {
                break;
            }

            if (_time.GetElapsedTime(started) > s_stableAfter)
            {
                Restarts = 0;
            }

            Restarts++;
            if (Restarts > _options.McpMaxRestarts)
            {
                // Not "restart 6 of at most 5": there is no sixth restart.
                Log.ServerGaveUp(_logger, Name, reason, _options.McpMaxRestarts);
                Set(McpServerState.Failed, $"{reason}; gave up after {_options.McpMaxRestarts} restart(s) (Plugins:McpMaxRestarts)", Tools);
                _firstAttempt.TrySetResult();
                return;
            }

            if (reason == _lastLogged)
            {
                // The same failure again (an unreachable URL, a command that keeps failing): said once, at Warning.
                Log.ServerLostAgain(_logger, Name, reason, Restarts, _options.McpMaxRestarts);
            }
            else
            {
                Log.ServerLost(_logger, Name, reason, Restarts, _options.McpMaxRestarts);
                _lastLogged = reason;
            }

            // The delay's timer starts before anyone hears of the restart, so a test that advances a fake clock on
            // that news cannot miss it.
            var delay = TimeSpan.FromMilliseconds(_options.McpRestartDelayMilliseconds * Math.Pow(2, Restarts - 1));
            var backoff = Task.Delay(delay < s_maxBackoff ? delay : s_maxBackoff, _time, stopping);
            Set(McpServerState.Restarting, reason, Tools);
            _firstAttempt.TrySetResult();
            try
            {
                await backoff;
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        Set(McpServerState.Stopped, "the bot stopped", Tools);
        _firstAttempt.TrySetResult();
    }

    private async Task<Session> ConnectAsync(CancellationToken stopping)
    {
        var lost = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        McpServerProcess? process = null;
        IClientTransport transport;
        if (Declaration.Url is { Length: > 0 } url)
        {
            transport = new HttpClientTransport(new HttpClientTransportOptions { Endpoint = new Uri(url), Name = Name, TransportMode = HttpTransportMode.AutoDetect }, _sdkLoggers);
        }
        else
        {
            process = McpServerProcess.Start(Name, Declaration, _contentRoot, _options.McpMaxMessageBytes, e => lost.TrySetResult(e.Message), _guard, _logger);
            _attempt = process;
            transport = new StreamClientTransport(process.Input, process.Output, _sdkLoggers);
        }

        using var startTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(_options.McpStartTimeoutSeconds), _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, startTimeout.Token);

        // A start that is given up (timeout, the bot stopping) kills its process first, so no cleanup waits on it.
        using var killOnCancel = linked.Token.Register(() => process?.Kill());
        McpClient? client = null;
        try
        {
            var connect = McpClient.CreateAsync(transport, new McpClientOptions { ClientInfo = new Implementation { Name = "articlebot", Version = "1.0.0" }, TimeProvider = _time }, _sdkLoggers, linked.Token);
            var exited = process?.Exited ?? Task.Delay(Timeout.Infinite, linked.Token);
            if (await Task.WhenAny(connect, exited, lost.Task) != connect)
            {
                _ = connect.ContinueWith(t => t.Exception is null ? t.Result.DisposeAsync().AsTask() : Task.CompletedTask, TaskScheduler.Default);
                if (process is not null)
                {
                    // Its last words on stderr explain the exit: let them arrive.
                    await Task.WhenAny(process.StderrDone, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None));
                }

                throw new McpPluginException(lost.Task.IsCompleted ? await lost.Task : Exited(process));
            }

            client = await connect;
            var tools = await client.ListToolsAsync(cancellationToken: linked.Token);
            process?.HandshakeDone();
            return new Session(client, process, [.. tools.Select(t => t.ProtocolTool)], lost);
        }
        catch (OperationCanceledException) when (startTimeout.IsCancellationRequested && !stopping.IsCancellationRequested)
        {
            await DisposeQuietly(client, process);
            throw new McpPluginException($"did not start within {_options.McpStartTimeoutSeconds} s (Plugins:McpStartTimeoutSeconds); killed");
        }
        catch (Exception ex) when (process is not null && ex is not OperationCanceledException and not McpPluginException)
        {
            // A server that exits at once fails the handshake ("failed to send"): its exit code says more.
            await Task.WhenAny(process.Exited, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None));
            await Task.WhenAny(process.StderrDone, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None));
            var reason = process.ExitCode is null ? null : Exited(process);
            await DisposeQuietly(client, process);
            if (reason is null)
            {
                throw;
            }

            throw new McpPluginException(reason, ex);
        }
        catch
        {
            await DisposeQuietly(client, process);
            throw;
        }
        finally
        {
            _attempt = null;
        }
    }

    private static async Task DisposeQuietly(McpClient? client, McpServerProcess? process)
    {
        if (client is not null)
        {
            await client.DisposeAsync();
        }

        if (process is not null)
        {
            await process.DisposeAsync();
        }
    }

    /// <summary>One line: the exit code and the server's last words on stderr (never a stack trace).</summary>
    private static string Exited(McpServerProcess? process)
    {
        var code = process?.ExitCode is { } c ? $"exited with code {c}" : "closed the connection";
        return process?.LastWords is { Length: > 0 } words ? $"{code} (stderr: {words})" : code;
    }

    private string Describe(Exception exception, Session? session) => exception switch
    {
        McpPluginException or InvalidOperationException => exception.Message,
        HttpRequestException http => $"cannot reach {Declaration.Url}: {http.Message}".ReplaceLineEndings(" "),
        _ when session?.Process is { ExitCode: not null } => Exited(session.Process),
        _ => $"{exception.GetType().Name}: {exception.Message}".ReplaceLineEndings(" "),
    };

    private void Set(McpServerState state, string? reason, IReadOnlyList<Tool> tools)
    {
        State = state;
        Reason = reason;
        Tools = tools;
        Changed?.Invoke();
    }

    /// <summary>One run of the server: the client, the process and what ends it.</summary>
    private sealed class Session(McpClient client, McpServerProcess? process, IReadOnlyList<Tool> tools, TaskCompletionSource<string> lost) : IAsyncDisposable
    {
        public McpClient Client => client;

        public McpServerProcess? Process => process;

        public IReadOnlyList<Tool> Tools => tools;

        /// <summary>Completes with the reason the session ended (exit, closed connection, kill).</summary>
        public TaskCompletionSource<string> Lost => lost;

        /// <summary>Ends the session: the process is killed at once.</summary>
        public void Lose(string reason)
        {
            lost.TrySetResult(reason);
            process?.Kill();
        }

        public async Task<string> WaitForLossAsync()
        {
            var exited = process?.Exited ?? Task.Delay(Timeout.Infinite);
            var first = await Task.WhenAny(client.Completion, exited, lost.Task);
            if (first != lost.Task)
            {
                if (process is not null)
                {
                    // The connection closes a moment before the exit code (and the last of stderr) is known.
                    await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(5)));
                    await Task.WhenAny(process.StderrDone, Task.Delay(TimeSpan.FromSeconds(2)));
                }

                lost.TrySetResult(process is null ? "closed the connection" : Exited(process));
            }

            return await lost.Task;
        }

        public async ValueTask DisposeAsync() => await DisposeQuietly(client, process);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 7111, EventName = "McpServerReady", Level = LogLevel.Information, Message = "MCP server {Server} ready with {Tools} tool(s)")]
        public static partial void ServerReady(ILogger logger, string server, int tools);

        [LoggerMessage(EventId = 7112, EventName = "McpServerLost", Level = LogLevel.Warning, Message = "MCP server {Server} stopped: {Reason} (restart {Restart} of at most {MaxRestarts})")]
        public static partial void ServerLost(ILogger logger, string server, string reason, int restart, int maxRestarts);

        [LoggerMessage(EventId = 7114, EventName = "McpServerLostAgain", Level = LogLevel.Debug, Message = "MCP server {Server} stopped again: {Reason} (restart {Restart} of at most {MaxRestarts})")]
        public static partial void ServerLostAgain(ILogger logger, string server, string reason, int restart, int maxRestarts);

        [LoggerMessage(EventId = 7113, EventName = "McpServerGaveUp", Level = LogLevel.Warning, Message = "MCP server {Server} stopped: {Reason}; gave up after {MaxRestarts} restart(s) (Plugins:McpMaxRestarts)")]
        public static partial void ServerGaveUp(ILogger logger, string server, string reason, int maxRestarts);
    }
}
