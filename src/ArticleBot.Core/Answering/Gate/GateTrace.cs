namespace ArticleBot.Core.Answering.Gate;

/// <summary>
/// Collects the gate's decisions made in one async context, for evaluation: <c>eval</c> begins a trace around
/// each question, then reads the score its answer got (for the calibration table and for fitting the gate).
/// Outside a trace nothing is recorded.
/// </summary>
public sealed class GateTrace : IDisposable
{
    private static readonly AsyncLocal<GateTrace?> s_current = new();
    private readonly GateTrace? _outer;
    private readonly List<GateDecision> _decisions = [];
    private readonly Lock _lock = new();

    private GateTrace(GateTrace? outer) => _outer = outer;

    /// <summary>Starts a trace in this async context.</summary>
    public static GateTrace Begin()
    {
        var trace = new GateTrace(s_current.Value);
        s_current.Value = trace;
        return trace;
    }

    /// <summary>The decisions recorded so far, in order.</summary>
    public IReadOnlyList<GateDecision> Decisions
    {
        get
        {
            lock (_lock)
            {
                return [.. _decisions];
            }
        }
    }

    /// <summary>Records a decision in the current trace, if any.</summary>
    public static void Record(GateDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (s_current.Value is { } trace)
        {
            lock (trace._lock)
            {
                trace._decisions.Add(decision);
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose() => s_current.Value = _outer;
}
