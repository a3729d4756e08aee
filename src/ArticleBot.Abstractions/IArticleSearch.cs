namespace ArticleBot.Abstractions;

/// <summary>
/// Searches and reads the article corpus. Registered in the host's services, so plugin constructors can take it.
/// Matching folds Traditional/Simplified script, width and case, and expands English queries with Chinese words.
/// </summary>
public interface IArticleSearch
{
    /// <summary>Facts about the loaded corpus.</summary>
    ArticleInfo Info { get; }

    /// <summary>Every passage, in document order.</summary>
    IReadOnlyList<Passage> Passages { get; }

    /// <summary>Ranks passages for a query in Chinese (either script) or English.</summary>
    /// <param name="query">The query; may be a whole question.</param>
    /// <param name="top">How many passages to return at most.</param>
    /// <returns>The best passages, best first; empty when nothing matches.</returns>
    IReadOnlyList<ScoredPassage> Search(string query, int top = 5);

    /// <summary>
    /// Folds text the way the index and questions are folded: Traditional → Simplified script, full-width → ASCII,
    /// lower case. Compare folded text with folded text (a plugin argument 腾讯 then matches the article's 騰訊), and
    /// show users the original.
    /// </summary>
    /// <param name="text">Any text.</param>
    /// <returns>The folded text; it may differ in length from <paramref name="text"/>.</returns>
    string Fold(string text);

    /// <summary>Finds a passage by id.</summary>
    /// <param name="id">A passage id such as <c>ai-race-2026#p3</c>.</param>
    /// <returns>The passage, or <see langword="null"/> when there is none with that id.</returns>
    Passage? GetPassage(string id);
}

/// <summary>Facts about the corpus.</summary>
/// <param name="Documents">The seed documents.</param>
/// <param name="PassageCount">How many passages they were chunked into.</param>
public sealed record ArticleInfo(IReadOnlyList<DocumentInfo> Documents, int PassageCount);

/// <summary>One seed document.</summary>
/// <param name="Source">Path relative to the content root.</param>
/// <param name="Byline">The author line, if the document has one.</param>
/// <param name="Sections">Section titles in order.</param>
/// <param name="Characters">Length of the text in UTF-16 code units.</param>
public sealed record DocumentInfo(string Source, string? Byline, IReadOnlyList<string> Sections, int Characters);
