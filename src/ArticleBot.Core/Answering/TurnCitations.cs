using ArticleBot.Abstractions;

namespace ArticleBot.Core.Answering;

/// <summary>
/// The passages a tool returned during one conversation turn, numbered in the order they were first returned.
/// Only these can be cited in the turn's answer. The current turn flows with the async context, so concurrent
/// turns (several Discord channels) each see their own.
/// </summary>
public sealed class TurnCitations
{
    private static readonly AsyncLocal<TurnCitations?> s_current = new();

    private readonly Lock _gate = new();
    private readonly List<Passage> _passages = [];
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private int _toolCalls;
    private int _completedToolCalls;

    /// <summary>The turn running in this async context, if any.</summary>
    public static TurnCitations? Current => s_current.Value;

    /// <summary>The passages returned so far, with their numbers (1-based), in number order.</summary>
    public IReadOnlyList<(int N, Passage Passage)> Passages
    {
        get
        {
            lock (_gate)
            {
                return _passages.Select((p, i) => (i + 1, p)).ToArray();
            }
        }
    }

    /// <summary>How many function invocations were asked for in this turn.</summary>
    public int ToolCalls => Volatile.Read(ref _toolCalls);

    /// <summary>How many of them ran to completion (did not throw).</summary>
    public int CompletedToolCalls => Volatile.Read(ref _completedToolCalls);

    /// <summary>Starts a turn in the current async context; dispose to end it.</summary>
    public static Scope Begin()
    {
        var previous = s_current.Value;
        var turn = new TurnCitations();
        s_current.Value = turn;
        return new Scope(turn, previous);
    }

    /// <summary>The number of a passage in this turn, assigning the next one on first sight.</summary>
    public int Register(Passage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        lock (_gate)
        {
            if (!_numbers.TryGetValue(passage.Id, out var n))
            {
                _passages.Add(passage);
                n = _passages.Count;
                _numbers[passage.Id] = n;
            }

            return n;
        }
    }

    /// <summary>The passage numbered <paramref name="n"/> in this turn, if any.</summary>
    public Passage? Find(int n)
    {
        lock (_gate)
        {
            return n >= 1 && n <= _passages.Count ? _passages[n - 1] : null;
        }
    }

    /// <summary>Counts a function invocation; returns how many there have been.</summary>
    public int CountToolCall() => Interlocked.Increment(ref _toolCalls);

    /// <summary>Counts a function invocation that completed.</summary>
    public void CountCompletedToolCall() => Interlocked.Increment(ref _completedToolCalls);

    /// <summary>Restores the previous turn when disposed.</summary>
    public readonly struct Scope(TurnCitations turn, TurnCitations? previous) : IDisposable
    {
        /// <summary>The turn.</summary>
        public TurnCitations Turn => turn;

        /// <inheritdoc/>
        public void Dispose() => s_current.Value = previous;
    }
}
