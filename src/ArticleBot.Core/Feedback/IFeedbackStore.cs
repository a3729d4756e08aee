using ArticleBot.Core.Answering;

namespace ArticleBot.Core.Feedback;

/// <summary>
/// Where readers' ratings of answers are kept: the answers as shown and one vote per reader and answer, the reader
/// only as a salted hash. <c>Storage:Provider</c> picks the store: an SQLite file per machine (the default) or one
/// PostgreSQL database for every process of a bot spread over machines. A store that cannot be used never stops the
/// bot: writes are refused (<see cref="VoteOutcome.Unavailable"/>) or kept for later (<see cref="VoteOutcome.Queued"/>).
/// </summary>
public interface IFeedbackStore
{
    /// <summary>Where the ratings are, for reports (a file, or a database without its password); null when ratings are off.</summary>
    string? Location { get; }

    /// <summary>Records an answer as it was shown, so readers can rate it; returns its id, or null when the store cannot be used.</summary>
    /// <param name="answer">The answer.</param>
    /// <param name="surface">Where it is shown: <c>discord</c> or <c>console</c>.</param>
    string? RecordAnswer(ArticleAnswer answer, string surface);

    /// <summary>Records one reader's vote on an answer; a second vote by the same reader replaces the first.</summary>
    /// <param name="answerId">The id <see cref="RecordAnswer"/> returned.</param>
    /// <param name="voterId">Who votes (a Discord user id, the console user); only its salted hash is stored.</param>
    /// <param name="vote">The vote.</param>
    VoteOutcome Vote(string answerId, string voterId, Vote vote);

    /// <summary>Every answer with at least one vote, the worst rated first; empty when there are no ratings yet or ratings are off.</summary>
    /// <exception cref="FeedbackUnavailableException">The ratings exist but cannot be read; the message names where and why.</exception>
    IReadOnlyList<RatedAnswer> RatedAnswers();
}

/// <summary>The ratings database exists but cannot be read; the message names the database and the cause.</summary>
public sealed class FeedbackUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
