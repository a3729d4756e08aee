using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ArticleBot.Mcp.Tests;

/// <summary>
/// <c>mcp --http</c> answers loopback names and loopback (or configured) origins only: a web page elsewhere that points
/// its own name at 127.0.0.1 (DNS rebinding) gets 403, as the MCP specification requires.
/// </summary>
public sealed class OriginGuardTests
{
    private const string Initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"1"}}}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("127.0.0.1", null, true)]
    [InlineData("localhost", null, true)]
    [InlineData("[::1]", null, true)]
    [InlineData("127.0.0.2", null, true)]
    [InlineData("::ffff:127.0.0.1", null, true)]
    [InlineData("127.0.0.1", "http://localhost:6274", true)]
    [InlineData("127.0.0.1", "http://127.0.0.1:3001", true)]
    [InlineData("127.0.0.1", "https://[::1]", true)]
    [InlineData("127.0.0.1", "https://inspector.example", true)] // configured
    [InlineData("127.0.0.1", "https://inspector.example/", true)]
    [InlineData("attacker.example", null, false)]
    [InlineData("localhost.attacker.example", null, false)]
    [InlineData("", null, false)]
    [InlineData("10.0.0.1", null, false)]
    [InlineData("127.0.0.1", "http://attacker.example", false)]
    [InlineData("127.0.0.1", "http://127.0.0.1.attacker.example", false)]
    [InlineData("127.0.0.1", "null", false)]
    [InlineData("127.0.0.1", "file://", false)]
    [InlineData("127.0.0.1", "", false)]
    public void Refusal_AllowsLoopbackHostsAndOrigins_AndConfiguredOrigins_Only(string host, string? origin, bool allowed)
    {
        var refusal = OriginGuard.Refusal(host, origin, ["https://inspector.example"]);

        Assert.Equal(allowed, refusal is null);
    }

    [Fact]
    public async Task OverHttp_AForeignHostOrOrigin_Gets403_ALoopbackOneIsServed()
    {
        // Arrange: the server as `mcp --http` wires it, on a free loopback port, with one extra allowed origin.
        await using var app = await StartAsync(new Dictionary<string, string?> { ["Mcp:AllowedOrigins:0"] = "https://inspector.example" });
        using var client = new HttpClient { BaseAddress = new Uri(Address(app)) };

        // Act
        var foreignHost = await PostAsync(client, host: "attacker.example");
        var foreignOrigin = await PostAsync(client, origin: "http://attacker.example");
        var loopbackOrigin = await PostAsync(client, origin: "http://localhost:6274");
        var allowedOrigin = await PostAsync(client, origin: "https://inspector.example");
        var program = await PostAsync(client);

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, foreignHost.Status);
        Assert.Contains("Host 'attacker.example' is not a loopback name", foreignHost.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, foreignOrigin.Status);
        Assert.Contains("Mcp:AllowedOrigins", foreignOrigin.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, loopbackOrigin.Status);
        Assert.Equal(HttpStatusCode.OK, allowedOrigin.Status);
        Assert.Equal(HttpStatusCode.OK, program.Status);
        Assert.Contains("articlebot", program.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverHttp_ABodyOverMaxRequestBytes_IsRefused()
    {
        await using var app = await StartAsync(new Dictionary<string, string?> { ["Mcp:MaxRequestBytes"] = "65536" });
        using var client = new HttpClient { BaseAddress = new Uri(Address(app)) };
        var body = """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"search","arguments":{"query":" """ + new string('騰', 100_000) + "\"}}}";

        var response = await PostAsync(client, body: body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(HttpClient client, string? host = null, string? origin = null, string body = Initialize)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        using var response = await client.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>The address Kestrel bound (port 0 asks for a free one).</summary>
    private static string Address(WebApplication app) => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

    private static async Task<WebApplication> StartAsync(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.AddRoutingCore();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Corpus:CachePath"] = Path.Combine(Path.GetTempPath(), $"articlebot-mcp-test-cache-{Environment.ProcessId}"),
            ["Plugins:IncludeDefaultDirectory"] = "false",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.AddArticleBotCore();
        builder.AddArticleBotMcpServer().WithArticleBotHttp();
        var app = builder.Build();
        app.UseMiddleware<OriginGuard>();
        app.UseRouting();
        app.MapMcp("/mcp");
        await app.StartAsync(Ct);
        return app;
    }
}
