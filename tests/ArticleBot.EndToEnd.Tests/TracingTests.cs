using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArticleBot.EndToEnd.Tests;

/// <summary>The executable exports traces over OTLP/HTTP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, and a one-shot <c>ask</c> flushes them before it exits.</summary>
public sealed class TracingTests : IAsyncDisposable
{
    private readonly WebApplication _receiver;
    private readonly ConcurrentQueue<(string Path, string? ContentType, byte[] Body)> _requests = new();

    public TracingTests()
    {
        // A fake OTLP/HTTP collector: accepts protobuf exports and records them.
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _receiver = builder.Build();
        _receiver.MapPost("/v1/{signal}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            _requests.Enqueue((context.Request.Path, context.Request.ContentType, body.ToArray()));
            context.Response.ContentType = "application/x-protobuf";
            await context.Response.Body.WriteAsync(ReadOnlyMemory<byte>.Empty);
        });
        _receiver.StartAsync().GetAwaiter().GetResult();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task Ask_WithOtlpEndpoint_ExportsItsTraceAndMetricsOnceBeforeExiting_UnderTheServiceNameOfTheEnvironment_AndWithoutItSendsNothing()
    {
        // Arrange: the standard variables, the resource ones included.
        var endpoint = _receiver.Urls.First().TrimEnd('/');
        var environment = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "newsroom-bot",
            ["OTEL_RESOURCE_ATTRIBUTES"] = "deployment.environment.name=staging-e2e,team=desk-7",
        };

        // Act
        var traced = await BotProcess.RunAsync(["ask", "英偉達的市值突破了多少？"], environment: environment, cancellationToken: Ct);
        var received = _requests.ToArray(); // what had arrived when the process exited
        var plain = await BotProcess.RunAsync(["ask", "英偉達的市值突破了多少？"], cancellationToken: Ct);

        // Assert: traces, then the metrics exactly once (not once per flush and again at disposal).
        Assert.Equal(0, traced.ExitCode);
        var traces = received.Where(r => r.Path == "/v1/traces").ToList();
        Assert.NotEmpty(traces);
        Assert.All(received, r => Assert.Equal("application/x-protobuf", r.ContentType));
        var metrics = Assert.Single(received, r => r.Path == "/v1/metrics");
        var text = string.Concat(traces.Select(r => Encoding.UTF8.GetString(r.Body))).Replace('\0', ' ');
        Assert.Contains("ArticleBot", text, StringComparison.Ordinal); // the activity source
        Assert.Contains("retrieve", text, StringComparison.Ordinal);
        foreach (var body in new[] { text, Encoding.UTF8.GetString(metrics.Body) })
        {
            // The resource comes from the environment: OTEL_SERVICE_NAME wins over the application's name.
            Assert.Contains("newsroom-bot", body, StringComparison.Ordinal);
            Assert.Contains("staging-e2e", body, StringComparison.Ordinal);
            Assert.Contains("desk-7", body, StringComparison.Ordinal);
        }

        Assert.Equal(plain.Stdout, traced.Stdout);
        Assert.Equal(received.Length, _requests.Count); // without the OTEL_* variables, nothing is sent
    }
}
