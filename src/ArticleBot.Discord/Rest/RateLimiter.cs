using System.Collections.Concurrent;

namespace ArticleBot.Discord.Rest;

/// <summary>
/// Discord's REST rate limits, learnt from the headers (never hard-coded). Requests are grouped into buckets:
/// the bucket hash Discord returns for a route, plus the route's top-level resource (channel, guild, webhook),
/// so two channels sharing a hash do not share a budget. Requests of one bucket go one at a time and wait when the
/// bucket is empty; a global 429 pauses every route. Nothing is dropped: a limited request waits and is sent later.
/// </summary>
public sealed class RateLimiter(TimeProvider time)
{
    /// <summary>How long to pause after a 429 that says nothing (a Cloudflare ban has no JSON and no headers).</summary>
    public static readonly TimeSpan DefaultCooldown = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, string> _hashes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private long _globalUntilTicks;

    /// <summary>Waits for a turn in the request's bucket. Dispose the lease when the response has been recorded.</summary>
    public async Task<Lease> AcquireAsync(string route, string majorParameter, CancellationToken cancellationToken)
    {
        var bucket = BucketFor(route, majorParameter);
        await bucket.Gate.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var now = time.GetUtcNow();
                var global = new DateTimeOffset(Interlocked.Read(ref _globalUntilTicks), TimeSpan.Zero);
                var wait = Max(global - now, bucket.Remaining == 0 ? bucket.ResetAt - now : TimeSpan.Zero);
                if (wait <= TimeSpan.Zero)
                {
                    return new Lease(this, bucket, route, majorParameter);
                }

                await Task.Delay(wait, time, cancellationToken);
                if (bucket.Remaining == 0 && time.GetUtcNow() >= bucket.ResetAt)
                {
                    bucket.Remaining = null; // the window reset; the next response tells the new budget
                }
            }
        }
        catch
        {
            bucket.Gate.Release();
            throw;
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private Bucket BucketFor(string route, string majorParameter)
    {
        var hash = _hashes.TryGetValue(route, out var known) ? known : route;
        return _buckets.GetOrAdd($"{hash}:{majorParameter}", _ => new Bucket());
    }

    private void Record(Bucket bucket, string route, string majorParameter, RateLimitInfo info, bool limited, bool globalBody)
    {
        var now = time.GetUtcNow();
        if (limited)
        {
            var retryAfter = info.RetryAfter ?? info.ResetAfter ?? DefaultCooldown;
            var noInformation = info.RetryAfter is null && info.ResetAfter is null && info.Bucket is null;
            if (info.Global || globalBody || noInformation)
            {
                // A global limit (or a bare 429, e.g. from Cloudflare) pauses every route.
                var until = (now + retryAfter).UtcTicks;
                long current;
                do
                {
                    current = Interlocked.Read(ref _globalUntilTicks);
                }
                while (until > current && Interlocked.CompareExchange(ref _globalUntilTicks, until, current) != current);
            }
            else
            {
                bucket.Remaining = 0;
                bucket.ResetAt = now + retryAfter;
            }
        }
        else if (info.Remaining is { } remaining)
        {
            bucket.Remaining = remaining;
            bucket.ResetAt = now + (info.ResetAfter ?? TimeSpan.Zero);
        }

        if (info.Bucket is { } hash && _hashes.TryAdd(route, hash))
        {
            // From now on this route shares the bucket named by its hash (per top-level resource);
            // carry over what this response said about it.
            var shared = _buckets.GetOrAdd($"{hash}:{majorParameter}", _ => new Bucket());
            if (!ReferenceEquals(shared, bucket))
            {
                shared.Remaining = bucket.Remaining;
                shared.ResetAt = bucket.ResetAt;
            }
        }
    }

    /// <summary>A turn in a bucket; report the response, then dispose.</summary>
    public sealed class Lease(RateLimiter limiter, Bucket bucket, string route, string majorParameter) : IDisposable
    {
        private int _released;

        /// <summary>Learns from a response's headers; <paramref name="limited"/> for a 429.</summary>
        public void Record(RateLimitInfo info, bool limited, bool globalBody = false) =>
            limiter.Record(bucket, route, majorParameter, info, limited, globalBody);

        /// <inheritdoc/>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                bucket.Gate.Release();
            }
        }
    }

    /// <summary>One bucket's state.</summary>
    public sealed class Bucket
    {
        internal SemaphoreSlim Gate { get; } = new(1, 1);

        internal int? Remaining { get; set; }

        internal DateTimeOffset ResetAt { get; set; }
    }
}
