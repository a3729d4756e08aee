using System.Text.Json.Serialization;
using ArticleBot.Abstractions;

namespace ArticleBot.Core.Search;

/// <summary>
/// The built-in search tool's result: the numbered passages a model sees, and, in process only, the retrieval behind
/// them (the query plan and each passage's coverage), so the offline composer answers from what the search measured
/// instead of analysing the question and looking each passage up again. Serialised, it is a plain
/// <see cref="PassageSearchResult"/>: models and remote plugins never see the analysis.
/// </summary>
/// <param name="Query">The query that was searched.</param>
/// <param name="Passages">The passages, best first, numbered for citation.</param>
/// <param name="Retrieval">What the search measured: the plan and, per passage, its score and coverage.</param>
public sealed record AnalysedSearchResult(string Query, IReadOnlyList<FoundPassage> Passages, [property: JsonIgnore] Retrieval Retrieval)
    : PassageSearchResult(Query, Passages);
