namespace ArticleBot.Discord.Gateway;

/// <summary>
/// At most <c>limit</c> gateway sends per <c>window</c> (Discord: 120 per 60 s, heartbeats included); a send over
/// the limit waits for the oldest to leave the window instead of getting the connection closed.
/// </summary>
public sealed class SendRateLimiter(TimeProvider time, int limit = 120, TimeSpan? window = null)
{
    private readonly TimeSpan _window = window ?? TimeSpan.FromSeconds(60);
    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly Lock _gate = new();

    /// <summary>Waits until one more send is allowed, and counts it.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = time.GetUtcNow();
                while (_sent.Count > 0 && now - _sent.Peek() >= _window)
                {
                    _sent.Dequeue();
                }

                if (_sent.Count < limit)
                {
                    _sent.Enqueue(now);
                    return;
                }

                wait = _window - (now - _sent.Peek());
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>Forgets the window (a new connection has a fresh budget).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _sent.Clear();
        }
    }
}
