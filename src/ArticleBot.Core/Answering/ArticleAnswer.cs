using ArticleBot.Core.Citations;

namespace ArticleBot.Core.Answering;

/// <summary>An answer, the same for every backend.</summary>
/// <param name="Question">The question.</param>
/// <param name="Text">The answer with <c>[n]</c> markers that match <see cref="Citations"/>.</param>
/// <param name="Grounded">True when at least one citation was verified.</param>
/// <param name="Backend">Which answerer produced it, e.g. <c>extractive</c> or <c>OpenAI/gpt-4o-mini</c>.</param>
/// <param name="Citations">The cited passages, numbered as in the text.</param>
/// <param name="Closest">When not grounded: the closest passages found, shown as such and not as citations.</param>
/// <param name="Fallback">When the model failed and the extractive answerer stood in: why.</param>
public sealed record ArticleAnswer(
    string Question,
    string Text,
    bool Grounded,
    string Backend,
    IReadOnlyList<Citation> Citations,
    IReadOnlyList<Citation> Closest,
    string? Fallback = null);

/// <summary>A piece of a streamed answer: text as it arrives, then the complete answer.</summary>
/// <param name="Text">Text to append to what was shown, already with final citation numbers.</param>
/// <param name="Answer">Set on the last update only: the complete answer with its citations.</param>
/// <param name="Restart">True when what was shown so far must be discarded (the model failed mid-answer).</param>
/// <param name="Fallback">Set when the text that follows is the extractive stand-in: why the model's answer was dropped.</param>
public sealed record AnswerUpdate(string? Text, ArticleAnswer? Answer = null, bool Restart = false, string? Fallback = null);
