using ArticleBot.Core.Answering;
using ArticleBot.Core.Citations;

namespace ArticleBot.Core.Feedback;

/// <summary>A reader's rating of one answer.</summary>
public enum Vote
{
    /// <summary>Not helpful.</summary>
    Down = -1,

    /// <summary>Helpful.</summary>
    Up = 1,
}

/// <summary>What happened to a rating.</summary>
public enum VoteOutcome
{
    /// <summary>A first vote by this reader on this answer.</summary>
    Recorded,

    /// <summary>This reader had voted on this answer before; the new vote replaces the old one.</summary>
    Changed,

    /// <summary>No answer with that id was recorded.</summary>
    UnknownAnswer,

    /// <summary>The ratings store is off or cannot be used (the reason was logged).</summary>
    Unavailable,

    /// <summary>The shared ratings database cannot be reached now: the vote waits in this process and is sent when it is back.</summary>
    Queued,
}

/// <summary>An answer readers rated, with its votes; the shape of <c>feedback --json</c>.</summary>
/// <param name="Id">The answer's id (as carried by its rating buttons).</param>
/// <param name="Question">The question.</param>
/// <param name="Answer">The answer text.</param>
/// <param name="Citations">Its verified citations.</param>
/// <param name="Backend">Which answerer produced it.</param>
/// <param name="Surface">Where it was shown: <c>discord</c> or <c>console</c>.</param>
/// <param name="Up">Readers who found it helpful.</param>
/// <param name="Down">Readers who did not.</param>
/// <param name="LastVoteAt">When the latest vote came.</param>
public sealed record RatedAnswer(
    string Id,
    string Question,
    string Answer,
    IReadOnlyList<Citation> Citations,
    string Backend,
    string Surface,
    int Up,
    int Down,
    DateTimeOffset LastVoteAt)
{
    /// <summary>The net verdict: <see cref="Vote.Down"/> unless more readers found it helpful than not.</summary>
    public Vote Verdict => Up > Down ? Vote.Up : Vote.Down;
}
