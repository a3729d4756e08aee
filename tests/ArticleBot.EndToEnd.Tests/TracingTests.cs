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
    public async Task Ask_WithOtlpEndpoint_ExportsItsTraceBeforeExiting_AndStdoutStaysTheAnswer()
    {
        // Arrange
        var endpoint = _receiver.Urls.First().TrimEnd('/');
        var environment = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        };

        // Act
        var traced = await BotProcess.RunAsync(["ask", "英偉達的市值突破了多少？"], environment: environment, cancellationToken: Ct);
        var received = _requests.ToArray(); // what had arrived when the process exited
        var plain = await BotProcess.RunAsync(["ask", "英偉達的市值突破了多少？"], cancellationToken: Ct);

        // Assert
        Assert.Equal(0, traced.ExitCode);
        Assert.Contains(received, r => r.Path == "/v1/traces");
        Assert.All(received.Where(r => r.Path == "/v1/traces"), r => Assert.Equal("application/x-protobuf", r.ContentType));
        var text = string.Concat(received.Where(r => r.Path == "/v1/traces").Select(r => Encoding.UTF8.GetString(r.Body)));
        Assert.Contains("ArticleBot", text, StringComparison.Ordinal); // the activity source (and service) name
        Assert.Contains("retrieve", text.Replace('\0', ' '), StringComparison.Ordinal);
        Assert.Equal(plain.Stdout, traced.Stdout);
    }

    [Fact]
    public async Task Ask_WithoutOtelVariables_SendsNothing()
    {
        var run = await BotProcess.RunAsync(["ask", "騰訊"], cancellationToken: Ct);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(_requests);
    }
}
