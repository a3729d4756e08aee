using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using ArticleBot.Mcp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ArticleBot.Mcp.Tests.Fakes;

/// <summary>
/// <c>ArticleBot mcp</c> in process: the real host (core, MCP server, stdio session) over a pair of pipes, driven line
/// by line with raw JSON-RPC, as a client (or an attacker) would write it.
/// </summary>
public sealed class McpSession : IAsyncDisposable
{
    /// <summary>One index and lexicon cache for every session of the test run (built once, then opened).</summary>
    private static readonly string s_cache = Path.Combine(Path.GetTempPath(), $"articlebot-mcp-test-cache-{Environment.ProcessId}");

    private readonly IHost _host;
    private readonly Pipe _toServer = new();
    private readonly Pipe _toClient = new();
    private readonly Stream _requests;
    private readonly StreamReader _responses;

    private McpSession(IDictionary<string, string?>? settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Corpus:CachePath"] = s_cache,
            ["Plugins:IncludeDefaultDirectory"] = "false",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(new StdioStreams(_toServer.Reader.AsStream(), _toClient.Writer.AsStream()));
        builder.AddArticleBotCore();
        builder.AddArticleBotMcpServer().WithArticleBotStdio();
        _host = builder.Build();
        _requests = _toServer.Writer.AsStream();
        _responses = new StreamReader(_toClient.Reader.AsStream(), Encoding.UTF8);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Starts a session (not yet initialized).</summary>
    public static async Task<McpSession> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var session = new McpSession(settings);
        await session._host.StartAsync(Ct).WaitAsync(TimeSpan.FromSeconds(60), Ct); // only a host that waits on something reaches it
        return session;
    }

    /// <summary>Starts a session and completes the initialize handshake.</summary>
    public static async Task<McpSession> StartInitializedAsync(IDictionary<string, string?>? settings = null)
    {
        var session = await StartAsync(settings);
        var result = await session.RequestAsync("initialize", """{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"1"}}""");
        Assert.True(result.TryGetProperty("result", out _), result.GetRawText());
        await session.SendAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");
        return session;
    }

    /// <summary>Writes one line as it is.</summary>
    public async Task SendAsync(string line)
    {
        await _requests.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"), Ct);
        await _requests.FlushAsync(Ct);
    }

    /// <summary>Writes raw bytes (for lines too long to build as strings comfortably).</summary>
    public async Task SendBytesAsync(ReadOnlyMemory<byte> bytes)
    {
        await _requests.WriteAsync(bytes, Ct);
        await _requests.FlushAsync(Ct);
    }

    /// <summary>The next message the server writes; only a hang reaches the bound.</summary>
    public async Task<JsonElement> ReceiveAsync()
    {
        var line = await _responses.ReadLineAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(60), Ct)
            ?? throw new InvalidOperationException("the server closed its output");
        using var json = JsonDocument.Parse(line);
        return json.RootElement.Clone();
    }

    /// <summary>Sends a request with a fresh id and returns its response.</summary>
    public async Task<JsonElement> RequestAsync(string method, string? parameters = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        await SendAsync($$"""{"jsonrpc":"2.0","id":{{id}},"method":"{{method}}"{{(parameters is null ? string.Empty : $",\"params\":{parameters}")}}}""");
        var response = await ReceiveAsync();
        Assert.Equal(id, response.GetProperty("id").GetInt32());
        return response;
    }

    /// <summary>Calls a tool and returns its result object (content, structuredContent, isError).</summary>
    public async Task<JsonElement> CallToolAsync(string tool, string arguments)
    {
        var response = await RequestAsync("tools/call", $$"""{"name":"{{tool}}","arguments":{{arguments}}}""");
        return response.TryGetProperty("result", out var result) ? result : throw new Xunit.Sdk.XunitException($"not a result: {response.GetRawText()}");
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _toServer.Writer.CompleteAsync(); // end of input: the session ends and stops the host
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
        _responses.Dispose();
    }

    private int _nextId;
}
