using System.ComponentModel.DataAnnotations;

namespace ArticleBot.Core.Feedback;

/// <summary>
/// Where readers' ratings of answers are kept. Section <c>Feedback</c>:
/// <code>
/// "Feedback": { "DatabasePath": "", "BusyTimeoutSeconds": 10 }
/// </code>
/// An empty <see cref="DatabasePath"/> means <c>feedback.db</c> under <c>Corpus:CachePath</c>; with no cache path
/// either, ratings are off.
/// </summary>
public sealed class FeedbackOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Feedback";

    /// <summary>The SQLite file (relative to the content root, or absolute); empty for the default.</summary>
    public string? DatabasePath { get; set; }

    /// <summary>
    /// How long a write waits for other processes' locks before the rating is refused. Ten seconds: 20 processes
    /// rating at once on a new file, on a loaded 2-core machine, queue for more than the 2 s this used to be, and lost
    /// votes. Discord acknowledges a click before its vote is written, so the wait is never the reader's.
    /// </summary>
    [Range(1, 60)]
    public int BusyTimeoutSeconds { get; set; } = 10;
}
