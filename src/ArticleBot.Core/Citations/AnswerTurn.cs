using ArticleBot.Abstractions;

namespace ArticleBot.Core.Citations;

/// <summary>
/// One answer turn: the passages its tools returned, numbered in the order they were first returned (only these can
/// be cited in the turn's answer), and how many tool calls it made (the answerer's fallback reasons need them; the
/// cap on tool calls is the function-invoking client's). The current turn flows with the async context, so
/// concurrent turns (several Discord channels) each see their own.
/// </summary>
public sealed class AnswerTurn
{
    private static readonly AsyncLocal<AnswerTurn?> s_current = new();

    private readonly Lock _gate = new();
    private readonly List<Passage> _passages = [];
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private int _toolCalls;
    private int _completedToolCalls;
    private string? _toolError;

    /// <summary>The turn running in this async context, if any.</summary>
    public static AnswerTurn? Current => s_current.Value;

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

    /// <summary>The HTTP status of the model server's last reply in this turn (0 before any), and its Retry-After.</summary>
    public (int Status, TimeSpan? RetryAfter) LastModelStatus { get; private set; }

    /// <summary>Records a model server reply.</summary>
    public void RecordModelStatus(int status, TimeSpan? retryAfter) => LastModelStatus = (status, retryAfter);

    /// <summary>What was wrong with the last tool call that could not be made, if any.</summary>
    public string? LastToolError => Volatile.Read(ref _toolError);

    /// <summary>Records why a tool call could not be made.</summary>
    public void RecordToolError(string message) => Volatile.Write(ref _toolError, message);

    /// <summary>Starts a turn in the current async context; dispose to end it.</summary>
    public static Scope Begin()
    {
        var previous = s_current.Value;
        var turn = new AnswerTurn();
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

    /// <summary>Counts a function invocation.</summary>
    public void CountToolCall() => Interlocked.Increment(ref _toolCalls);

    /// <summary>Counts a function invocation that completed.</summary>
    public void CountCompletedToolCall() => Interlocked.Increment(ref _completedToolCalls);

    /// <summary>Restores the previous turn when disposed.</summary>
    public readonly struct Scope(AnswerTurn turn, AnswerTurn? previous) : IDisposable
    {
        /// <summary>The turn.</summary>
        public AnswerTurn Turn => turn;

        /// <inheritdoc/>
        public void Dispose() => s_current.Value = previous;
    }
}
