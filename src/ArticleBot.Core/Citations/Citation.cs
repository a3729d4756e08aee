namespace ArticleBot.Core.Citations;

/// <summary>A verified citation: the quote is exactly <c>fileText[Start..End]</c> of <see cref="Source"/>.</summary>
public sealed record Citation(int N, string PassageId, string Source, string? Section, int Start, int End, string Quote);
