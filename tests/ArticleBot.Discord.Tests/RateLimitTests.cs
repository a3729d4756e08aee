using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArticleBot.Discord.Rest;
using ArticleBot.Discord.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ArticleBot.Discord.Tests;

/// <summary>REST rate limits: per-route buckets keyed by hash and top-level resource, 429s honoured, never dropped.</summary>
public sealed class RateLimitTests
{
    private static readonly Dictionary<string, string> Exhausted = new()
    {
        ["X-RateLimit-Bucket"] = "shared-hash",
        ["X-RateLimit-Limit"] = "5",
        ["X-RateLimit-Remaining"] = "0",
        ["X-RateLimit-Reset-After"] = "10",
    };

    private static RateLimitInfo Info(Dictionary<string, string> headers)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        foreach (var (k, v) in headers)
        {
            response.Headers.TryAddWithoutValidation(k, v);
        }

        return RateLimitInfo.From(response.Headers);
    }

    [Fact]
    public async Task EmptyBucket_WaitsForItsReset_OtherChannelsWithTheSameHashDoNot()
    {
        // Arrange
        var time = new FakeTimeProvider();
        var limiter = new RateLimiter(time);
        using (var lease = await limiter.AcquireAsync("POST /channels/{channel}/messages", "A", CancellationToken.None))
        {
            lease.Record(Info(Exhausted), limited: false);
        }

        // Act
        var sameChannel = limiter.AcquireAsync("POST /channels/{channel}/messages", "A", CancellationToken.None);
        var otherChannel = limiter.AcquireAsync("POST /channels/{channel}/messages", "B", CancellationToken.None);

        // Assert
        // Nothing else runs here: a request that did not wait would already be complete (no real-time pause needed).
        Assert.True(otherChannel.IsCompletedSuccessfully, "channel B has its own budget");
        (await otherChannel).Dispose();
        Assert.False(sameChannel.IsCompleted, "channel A waits for its reset");
        time.Advance(TimeSpan.FromSeconds(9.9));
        Assert.False(sameChannel.IsCompleted, "channel A waits for the whole reset");
        time.Advance(TimeSpan.FromSeconds(10));
        (await sameChannel.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken)).Dispose();
    }

    [Fact]
    public async Task Global429_PausesEveryRoute()
    {
        var time = new FakeTimeProvider();
        var limiter = new RateLimiter(time);
        using (var lease = await limiter.AcquireAsync("POST /channels/{channel}/messages", "A", CancellationToken.None))
        {
            lease.Record(Info(new() { ["Retry-After"] = "3", ["X-RateLimit-Global"] = "true" }), limited: true);
        }

        var otherRoute = limiter.AcquireAsync("PUT /applications/{app}/commands", "app", CancellationToken.None);
        Assert.False(otherRoute.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2.9));
        Assert.False(otherRoute.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(3));
        (await otherRoute.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken)).Dispose();
    }

    [Fact]
    public async Task Bare429_GetsTheDefaultCooldown()
    {
        var time = new FakeTimeProvider();
        var limiter = new RateLimiter(time);
        using (var lease = await limiter.AcquireAsync("GET /gateway/bot", "-", CancellationToken.None))
        {
            lease.Record(default, limited: true);
        }

        var next = limiter.AcquireAsync("POST /channels/{channel}/messages", "A", CancellationToken.None);
        time.Advance(RateLimiter.DefaultCooldown - TimeSpan.FromMilliseconds(100));
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(200));
        (await next.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken)).Dispose();
    }

    [Fact]
    public async Task RestClient_429_IsRetriedAfterRetryAfter_NeverDropped()
    {
        // Arrange: the fake answers the first message POST with a 429 (retry_after 0.2 s).
        await using var discord = new FakeDiscord();
        var limited = 0;
        discord.RestHook = call => call.Method == "POST" && call.Path.EndsWith("/messages", StringComparison.Ordinal) && Interlocked.Increment(ref limited) == 1
            ? new RestReply(429, "{\"message\":\"You are being rate limited.\",\"retry_after\":0.2,\"global\":false}", new Dictionary<string, string> { ["X-RateLimit-Bucket"] = "b1", ["X-RateLimit-Scope"] = "user" })
            : null;
        using var http = new HttpClient();
        var client = Client(discord, http, TimeProvider.System);

        // Act
        var created = await client.CreateMessageAsync("c1", new JsonObject { ["content"] = "hi" }, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(2, discord.CallsTo("POST", "/channels/c1/messages").Count());
        Assert.False(string.IsNullOrEmpty(created.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task RestClient_HtmlBare429_CoolsDownThenSucceeds()
    {
        // Arrange: the fake stamps calls with the client's fake clock, so the cooldown is measured in fake time.
        var time = new FakeTimeProvider();
        await using var discord = new FakeDiscord { Clock = time.GetUtcNow };
        var calls = 0;
        discord.RestHook = call => Interlocked.Increment(ref calls) == 1 ? new RestReply(429, "<html>banned</html>", ContentType: "text/html") : null;
        using var http = new HttpClient();
        var client = Client(discord, http, time);

        // Act: fake time moves on in small steps until the request went through (however slow the machine is).
        var sending = client.TriggerTypingAsync("c1", TestContext.Current.CancellationToken);
        await AdvanceUntilDoneAsync(time, sending);

        // Assert: sent again once, and not before the default cooldown had passed on the client's clock.
        Assert.Equal(2, calls);
        var attempts = discord.CallsTo("POST", "/channels/c1/typing").ToArray();
        Assert.True(attempts[1].At - attempts[0].At >= RateLimiter.DefaultCooldown, $"sent again after {(attempts[1].At - attempts[0].At).TotalSeconds} s");
    }

    [Fact]
    public async Task RestClient_5xx_IsRetriedWithGrowingJitteredBackoff_OnTheClock_NeverDropped()
    {
        // Arrange: four 502s, then success.
        var time = new FakeTimeProvider();
        await using var discord = new FakeDiscord { Clock = time.GetUtcNow };
        var calls = 0;
        discord.RestHook = _ => Interlocked.Increment(ref calls) <= 4 ? new RestReply(502, "{\"message\":\"Bad Gateway\",\"code\":0}") : null;
        using var http = new HttpClient();
        var client = Client(discord, http, time);

        // Act
        var sending = client.CreateMessageAsync("c1", new JsonObject { ["content"] = "hi" }, TestContext.Current.CancellationToken);
        await AdvanceUntilDoneAsync(time, sending);

        // Assert: five attempts; each pause at least the backoff's lower bound (base × 2^n × 0.5 jitter) in fake time.
        var attempts = discord.CallsTo("POST", "/channels/c1/messages").Select(c => c.At).ToArray();
        Assert.Equal(5, attempts.Length);
        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => b - a).ToArray();
        for (var i = 0; i < gaps.Length; i++)
        {
            var lowest = DiscordRestClient.ServerErrorBaseDelay * Math.Pow(2, i) * 0.5;
            Assert.True(gaps[i] >= lowest, $"retry {i + 1} after {gaps[i].TotalMilliseconds} ms, below {lowest.TotalMilliseconds} ms");
        }

        Assert.Equal(JsonValueKind.String, (await sending).GetProperty("id").ValueKind);
    }

    /// <summary>Advances fake time in 100 ms steps until <paramref name="task"/> completes (bounded by 60 s of real time).</summary>
    private static async Task AdvanceUntilDoneAsync(FakeTimeProvider time, Task task)
    {
        var deadline = Environment.TickCount64 + 60_000;
        while (!task.IsCompleted)
        {
            Assert.True(Environment.TickCount64 < deadline, "the request never completed");
            await Task.WhenAny(task, Task.Delay(10, TestContext.Current.CancellationToken));
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        await task;
    }

    [Fact]
    public async Task RestClient_ErrorsCarryDiscordsCode()
    {
        await using var discord = new FakeDiscord();
        discord.RestHook = _ => new RestReply(403, "{\"message\":\"Missing Permissions\",\"code\":50013}");
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => Client(discord, http, TimeProvider.System).TriggerTypingAsync("c1", TestContext.Current.CancellationToken));

        Assert.Equal(50013, error.Code);
        Assert.DoesNotContain(FakeDiscord.Token, error.Message, StringComparison.Ordinal);
    }

    private static DiscordRestClient Client(FakeDiscord discord, HttpClient http, TimeProvider time)
    {
        var options = Options.Create(new DiscordOptions { Token = FakeDiscord.Token, ApiBaseUrl = discord.ApiBaseUrl });
        return new DiscordRestClient(http, new RateLimiter(time), options, time, NullLogger<DiscordRestClient>.Instance);
    }
}
