namespace ArticleBot.Abstractions;

/// <summary>
/// A passage as a kernel function returns it to a model: numbered so the model can cite it as <c>[n]</c>.
/// Return these (or a <see cref="PassageSearchResult"/>) from a plugin function and the bot numbers them
/// for the current turn and accepts citations of them.
/// </summary>
/// <param name="N">The number to cite, unique within one conversation turn.</param>
/// <param name="Id">The passage id, see <see cref="Passage.Id"/>.</param>
/// <param name="Section">The section title, if any.</param>
/// <param name="Text">The passage text.</param>
public sealed record FoundPassage(int N, string Id, string? Section, string Text);

/// <summary>
/// The result of a passage search, as given to a model or a user. Not sealed: the built-in search hands the
/// offline composer what it already measured (its query plan, each passage's coverage) in a derived record that
/// serialises exactly like this one.
/// </summary>
/// <param name="Query">The query that was searched.</param>
/// <param name="Passages">The passages, best first.</param>
public record PassageSearchResult(string Query, IReadOnlyList<FoundPassage> Passages);
