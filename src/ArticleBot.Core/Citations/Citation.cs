namespace ArticleBot.Core.Citations;

/// <summary>A verified citation: the quote is exactly <c>fileText[Start..End]</c> of <see cref="Source"/>.</summary>
/// <remarks><see cref="Title"/> and <see cref="Url"/> are set for an imported article (a web page's title and address).</remarks>
public sealed record Citation(int N, string PassageId, string Source, string? Section, int Start, int End, string Quote, string? Title = null, string? Url = null);
