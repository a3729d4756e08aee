using System.ComponentModel.DataAnnotations;

namespace ArticleBot.Core.Answering;

/// <summary>
/// How far one answer may go, whatever answers it. Section <c>Answering</c>:
/// <code>
/// "Answering": { "MaxQuestionChars": 4000, "MaxHistoryTurns": 6, "MaxHistoryChars": 6000, "MaxToolCallsPerTurn": 4 }
/// </code>
/// The same keys under <c>Llm</c> (where they used to live) still work; <c>Answering</c> wins when both are set.
/// </summary>
public sealed class AnsweringOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Answering";

    /// <summary>The section these settings used to be in, still read.</summary>
    public const string LegacySectionName = "Llm";

    /// <summary>
    /// The longest question answered, in characters: longer ones are cut (console) or refused with a notice
    /// (Discord), so nobody can spend the model budget on a 100 KB prompt.
    /// </summary>
    [Range(16, 100_000)]
    public int MaxQuestionChars { get; set; } = QuestionText.MaxLength;

    /// <summary>How many earlier question/answer pairs of a conversation are sent with a question.</summary>
    [Range(0, 50)]
    public int MaxHistoryTurns { get; set; } = 6;

    /// <summary>A character budget for that history; the oldest turns are dropped first.</summary>
    [Range(0, 200_000)]
    public int MaxHistoryChars { get; set; } = 6000;

    /// <summary>
    /// How many rounds of tool calls one turn may make before the model is stopped (enforced by <see cref="ToolCapFilter"/>).
    /// </summary>
    [Range(1, 20)]
    public int MaxToolCallsPerTurn { get; set; } = 4;
}
