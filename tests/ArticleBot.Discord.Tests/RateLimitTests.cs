using System.Net;
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
        Assert.True(otherChannel.IsCompletedSuccessfully, "channel B has its own budget");
        (await otherChannel).Dispose();
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.False(sameChannel.IsCompleted, "channel A waits for its reset");
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
        await Task.Delay(50, TestContext.Current.CancellationToken);
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
        await Task.Delay(50, TestContext.Current.CancellationToken);
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
        await using var discord = new FakeDiscord();
        var calls = 0;
        discord.RestHook = call => Interlocked.Increment(ref calls) == 1 ? new RestReply(429, "<html>banned</html>", ContentType: "text/html") : null;
        var time = new FakeTimeProvider();
        using var http = new HttpClient();
        var client = Client(discord, http, time);

        var sending = client.TriggerTypingAsync("c1", TestContext.Current.CancellationToken);
        await FakeDiscord.WaitUntilAsync(() => calls == 1, "the 429");
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.False(sending.IsCompleted);
        time.Advance(RateLimiter.DefaultCooldown);
        await sending.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Equal(2, calls);
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
        return new DiscordRestClient(http, new RateLimiter(time), options, NullLogger<DiscordRestClient>.Instance);
    }
}
