using System.Text.Json.Serialization;
using ArticleBot.Abstractions;

namespace ArticleBot.Core.Claims;

/// <summary>
/// The built-in verify tool's result: the verdict line and the deciding passage a model sees, and, in process only, the
/// check behind them, so the offline composer writes its answer from that check instead of reading and checking the
/// claim a second time. Serialised, it is a plain <see cref="PassageSearchResult"/> (as <c>AnalysedSearchResult</c> is
/// for search).
/// </summary>
/// <param name="Query">The verdict line ("verify: claim => verdict").</param>
/// <param name="Passages">The deciding passage, when there is one.</param>
/// <param name="Claim">The claim as it was checked.</param>
/// <param name="Check">The check.</param>
public sealed record CheckedClaimResult(string Query, IReadOnlyList<FoundPassage> Passages, [property: JsonIgnore] string Claim, [property: JsonIgnore] ClaimCheck Check)
    : PassageSearchResult(Query, Passages);
