namespace ArticleBot.Discord.Bot;

/// <summary>
/// A bounded set of recent ids (events already handled, messages the bot sent): adding an id seen before
/// returns false. The oldest ids are forgotten past the capacity.
/// </summary>
public sealed class RecentIds(int capacity = 10_000)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>Adds the id; false when it was already there.</summary>
    public bool Add(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_gate)
        {
            if (!_ids.Add(id))
            {
                return false;
            }

            _order.Enqueue(id);
            if (_order.Count > capacity)
            {
                _ids.Remove(_order.Dequeue());
            }

            return true;
        }
    }

    /// <summary>True when the id is in the set.</summary>
    public bool Contains(string id)
    {
        lock (_gate)
        {
            return _ids.Contains(id);
        }
    }
}
