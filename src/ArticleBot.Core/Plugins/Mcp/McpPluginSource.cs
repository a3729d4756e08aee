using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace ArticleBot.Core.Plugins.Mcp;

/// <summary>
/// The MCP servers of <c>Plugins:McpServers</c> as plugins: starts them with the host (waiting for each one's first
/// start, bounded by <see cref="McpPluginOptions.McpStartTimeoutSeconds"/>), offers each ready server's tools as a
/// plugin named after the server, lists a server that is restarting or gave up as failed with the reason, tells the
/// <see cref="PluginCatalog"/> when that changes, and ends every server (with its child processes) when the bot stops.
/// </summary>
public sealed class McpPluginSource : IPluginSource, IHostedService, IAsyncDisposable
{
    private readonly IReadOnlyList<McpServerConnection> _connections;
    private readonly Lock _gate = new();
    private readonly Dictionary<McpServerConnection, (IReadOnlyList<ModelContextProtocol.Protocol.Tool> Tools, KernelPlugin Plugin)> _plugins = [];

    /// <summary>Creates a connection per declared server; none starts before <see cref="StartAsync"/>.</summary>
    public McpPluginSource(IOptions<McpPluginOptions> options, IOptions<PluginOptions> pluginOptions, IHostEnvironment environment, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pluginOptions);
        ArgumentNullException.ThrowIfNull(environment);
        var callTimeout = TimeSpan.FromSeconds(pluginOptions.Value.CallTimeoutSeconds);
        _connections = options.Value.McpServers
            .OrderBy(s => s.Key, StringComparer.OrdinalIgnoreCase)
            .Select(s => new McpServerConnection(s.Key, s.Value, options.Value, callTimeout, environment.ContentRootPath, time, loggers))
            .ToList();
        foreach (var connection in _connections)
        {
            connection.Changed += () => Changed?.Invoke();
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

    /// <inheritdoc/>
    public IReadOnlyList<(KernelPlugin? Plugin, PluginInfo Info)> GetPlugins() => _connections.Select(Describe).ToList();

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken) => Task.WhenAll(_connections.Select(c => c.StartAsync(cancellationToken)));

    /// <inheritdoc/>
    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

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
        var state = connection.State == McpServerState.Ready ? PluginState.Loaded : PluginState.Failed;
        var reason = connection.State switch
        {
            McpServerState.Ready => connection.Reason,
            McpServerState.Starting => "starting",
            McpServerState.Restarting => $"restarting after: {connection.Reason}",
            _ => connection.Reason,
        };
        var tools = connection.Tools;
        if (tools.Count == 0)
        {
            return (null, new PluginInfo(name, PluginKind.Mcp, state == PluginState.Loaded ? PluginState.Failed : state, reason ?? "the server offers no tools", connection.Source, []));
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
