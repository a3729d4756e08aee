using ArticleBot.Discord.Model;

namespace ArticleBot.Discord.Gateway;

/// <summary>
/// Discord's session start limit, on the injected clock: shards identify in <c>max_concurrency</c> buckets
/// (<c>shard_id % max_concurrency</c>), one identify per bucket per 5 s; when <c>remaining</c> is 0, identifies
/// wait for <c>reset_after</c>. Resumes do not count. The limit is per bot token; this class keeps it for the shards
/// of one process (across processes, see the README's sharding section).
/// </summary>
public sealed class IdentifyLimiter(TimeProvider time)
{
    /// <summary>One identify per bucket per this window.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly Dictionary<int, DateTimeOffset> _nextAllowed = [];
    private int _maxConcurrency = 1;
    private int? _remaining;
    private DateTimeOffset _resetAt;

    /// <summary>Identifies per 5 s, from the last <c>GET /gateway/bot</c>.</summary>
    public int MaxConcurrency => _maxConcurrency;

    /// <summary>Takes the limit Discord announced.</summary>
    public void Configure(SessionStartLimit? limit)
    {
        if (limit is null)
        {
            return;
        }

        lock (_gate)
        {
            _maxConcurrency = Math.Max(1, limit.MaxConcurrency);
            _remaining = Math.Max(0, limit.Remaining);
            _resetAt = time.GetUtcNow() + TimeSpan.FromMilliseconds(Math.Max(0, limit.ResetAfterMs));
        }
    }

    /// <summary>Waits until <paramref name="shardId"/> may identify, and counts the identify.</summary>
    public async Task WaitAsync(int shardId, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = time.GetUtcNow();
                if (_remaining == 0 && now < _resetAt)
                {
                    wait = _resetAt - now;
                }
                else
                {
                    if (_remaining == 0)
                    {
                        _remaining = null; // the budget was reset; Discord tells the new one on the next GET /gateway/bot
                    }

                    var bucket = shardId % _maxConcurrency;
                    var next = _nextAllowed.GetValueOrDefault(bucket, DateTimeOffset.MinValue);
                    if (now >= next)
                    {
                        _nextAllowed[bucket] = now + Window;
                        if (_remaining > 0)
                        {
                            _remaining--;
                        }

                        return;
                    }

                    wait = next - now;
                }
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }
}
