using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace ArticleBot.Core.Plugins.Mcp;

/// <summary>
/// The MCP servers of <c>Plugins:McpServers</c> as plugins. They start lazily, in the background: the first time the
/// catalog builds a kernel (a call, <c>plugins</c>, a model's tool list, the chat or Discord loading their plugins),
/// never for the offline <c>ask</c>, <c>search</c> or <c>eval</c>, and nothing waits for them but what needs them
/// (<see cref="WhenStartedAsync"/>). Each ready server's tools are a plugin named after the server; a server still
/// starting is listed as unavailable, one restarting or given up as failed with the reason; the
/// <see cref="PluginCatalog"/> hears of every change. When the bot stops, every server (with its child processes) is
/// killed first, then waited for within the host's shutdown timeout.
/// </summary>
public sealed class McpPluginSource : IPluginSource, IHostedService, IAsyncDisposable
{
    private readonly IReadOnlyList<McpServerConnection> _connections;
    private readonly Lock _gate = new();
    private readonly Dictionary<McpServerConnection, (IReadOnlyList<ModelContextProtocol.Protocol.Tool> Tools, KernelPlugin Plugin)> _plugins = [];
    private int _stopping;

    /// <summary>Creates a connection per declared server; none starts before it is needed.</summary>
    public McpPluginSource(IOptions<McpPluginOptions> options, IOptions<PluginOptions> pluginOptions, IHostEnvironment environment, TimeProvider time, ILoggerFactory loggers, ProcessGuardLauncher? guard = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pluginOptions);
        ArgumentNullException.ThrowIfNull(environment);
        var callTimeout = TimeSpan.FromSeconds(pluginOptions.Value.CallTimeoutSeconds);
        _connections = options.Value.McpServers
            .OrderBy(s => s.Key, StringComparer.OrdinalIgnoreCase)
            .Select(s => new McpServerConnection(s.Key, s.Value, options.Value, callTimeout, environment.ContentRootPath, time, loggers, guard))
            .ToList();
        foreach (var connection in _connections)
        {
            // Not while stopping: a catalog rebuilt for each server that ends would load the plugin folders again.
            connection.Changed += () =>
            {
                if (Volatile.Read(ref _stopping) == 0)
                {
                    Changed?.Invoke();
                }
            };
        }

        if (_connections.Count > 0)
        {
            // Also on an abrupt exit (an unhandled exception elsewhere): no server outlives the bot.
            AppDomain.CurrentDomain.ProcessExit += KillAll;
        }
    }

    /// <inheritdoc/>
    public event Action? Changed;

    /// <summary>The servers.</summary>
    public IReadOnlyList<McpServerConnection> Connections => _connections;

    /// <summary>The plugins as they are now; the first call starts every server, in the background.</summary>
    public IReadOnlyList<(KernelPlugin? Plugin, PluginInfo Info)> GetPlugins()
    {
        foreach (var connection in _connections)
        {
            connection.EnsureStarted();
        }

        return _connections.Select(Describe).ToList();
    }

    /// <inheritdoc/>
    public Task WhenStartedAsync(CancellationToken cancellationToken) => Task.WhenAll(_connections.Select(c => c.WhenStartedAsync(cancellationToken)));

    /// <summary>Nothing: servers start when they are first needed, not with the host.</summary>
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Kills every server now, then waits for them to end, within the host's shutdown timeout.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _stopping, 1);
        KillAll(this, EventArgs.Empty);
        try
        {
            await DisposeAsync().AsTask().WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host's shutdown timeout: every process was killed first; what is left is bookkeeping.
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillAll;
        await Task.WhenAll(_connections.Select(c => c.DisposeAsync().AsTask()));
    }

    private void KillAll(object? sender, EventArgs e)
    {
        foreach (var connection in _connections)
        {
            connection.KillNow();
        }
    }

    private (KernelPlugin? Plugin, PluginInfo Info) Describe(McpServerConnection connection)
    {
        var name = McpToolFunctions.SafeName(connection.Name);
        var state = connection.State switch
        {
            McpServerState.Ready => PluginState.Loaded,
            McpServerState.NotStarted or McpServerState.Starting => PluginState.Unavailable,
            _ => PluginState.Failed,
        };
        var reason = connection.State switch
        {
            McpServerState.Ready => connection.Reason,
            McpServerState.NotStarted or McpServerState.Starting => "starting",
            McpServerState.Restarting => $"restarting after: {connection.Reason}",
            _ => connection.Reason,
        };
        var tools = connection.Tools;
        if (tools.Count == 0)
        {
            return (null, new PluginInfo(name, PluginKind.Mcp, state == PluginState.Loaded ? PluginState.Failed : state, state == PluginState.Loaded ? "the server offers no tools" : reason ?? "the server offers no tools", connection.Source, []));
        }

        KernelPlugin plugin;
        lock (_gate)
        {
            if (!_plugins.TryGetValue(connection, out var cached) || !ReferenceEquals(cached.Tools, tools))
            {
                cached = (tools, McpToolFunctions.CreatePlugin(name, connection));
                _plugins[connection] = cached;
            }

            plugin = cached.Plugin;
        }

        var functions = plugin.GetFunctionsMetadata().OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => new PluginFunctionInfo(
            f.Name,
            f.Description,
            f.Parameters.Select(p => new PluginParameterInfo(p.Name, TypeName(p.ParameterType), p.IsRequired, p.Description)).ToList())).ToList();
        return (plugin, new PluginInfo(name, PluginKind.Mcp, state, reason, connection.Source, functions));
    }

    private static string TypeName(Type? type) => type switch
    {
        _ when type == typeof(long) => "integer",
        _ when type == typeof(double) => "number",
        _ when type == typeof(bool) => "boolean",
        _ => "string",
    };
}
