namespace ArticleBot.Core.Answering;

/// <summary>A verified citation: the quote is exactly <c>fileText[Start..End]</c> of <see cref="Source"/>.</summary>
public sealed record Citation(int N, string PassageId, string Source, string? Section, int Start, int End, string Quote);

/// <summary>An answer, the same for every backend.</summary>
/// <param name="Question">The question.</param>
/// <param name="Text">The answer with <c>[n]</c> markers that match <see cref="Citations"/>.</param>
/// <param name="Grounded">True when at least one citation was verified.</param>
/// <param name="Backend">Which answerer produced it, e.g. <c>extractive</c> or <c>OpenAI/gpt-4o-mini</c>.</param>
/// <param name="Citations">The cited passages, numbered as in the text.</param>
/// <param name="Closest">When not grounded: the closest passages found, shown as such and not as citations.</param>
public sealed record ArticleAnswer(string Question, string Text, bool Grounded, string Backend, IReadOnlyList<Citation> Citations, IReadOnlyList<Citation> Closest);
