namespace ArticleBot.Postgres.Feedback;

/// <summary>A write the database could not take when it was made, kept in memory to send when it is back.</summary>
internal abstract record PendingRating(DateTimeOffset At);

/// <summary>An answer as shown (its id is already on the buttons readers click).</summary>
internal sealed record PendingAnswer(string Id, string Question, string Answer, string Citations, string Backend, string Surface, DateTimeOffset At)
    : PendingRating(At);

/// <summary>
/// A reader's vote. The reader's id is held here, in this process's memory only, until the salt it is hashed with
/// can be read from the database; it is never written anywhere.
/// </summary>
internal sealed record PendingVote(string AnswerId, string VoterId, short Vote, DateTimeOffset At) : PendingRating(At);
