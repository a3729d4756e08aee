using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ArticleBot.Abstractions;
using ArticleBot.Core.Answering;
using ArticleBot.Core.Citations;

namespace ArticleBot.Output;

/// <summary>The JSON contracts of architecture.md; one object per line.</summary>
public static class JsonOutput
{
    /// <summary>camelCase, compact, Chinese written as is (still valid JSON; HTML-safety is not needed on a terminal).</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The <c>ask --json</c> object.</summary>
    public static string Answer(ArticleAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return JsonSerializer.Serialize(
            new AnswerJson(answer.Question, answer.Text, answer.Grounded, answer.Backend, answer.Citations.Select(ToJson).ToList(), answer.Closest.Select(ToJson).ToList(), answer.Fallback),
            Options);
    }

    /// <summary>A batch line for a question that could not be answered: <c>{"question", "error"}</c>.</summary>
    public static string Failure(string question, string error) =>
        JsonSerializer.Serialize(new FailureJson(question, error), Options);

    /// <summary>The <c>search --json</c> object.</summary>
    public static string Search(string query, IReadOnlyList<ScoredPassage> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var rows = results.Select((r, i) => new SearchResultJson(i + 1, r.Passage.Id, Math.Round(r.Score, 4), r.Passage.Source, r.Passage.Section, r.Passage.Start, r.Passage.End, r.Passage.Text));
        return JsonSerializer.Serialize(new SearchJson(query, rows.ToList()), Options);
    }

    private static CitationJson ToJson(Citation c) => new(c.N, c.PassageId, c.Source, c.Section, c.Start, c.End, c.Quote, c.Title, c.Url);

    private sealed record AnswerJson(string Question, string Answer, bool Grounded, string Backend, IReadOnlyList<CitationJson> Citations, IReadOnlyList<CitationJson> Closest, string? Fallback);

    /// <summary>A citation; <c>title</c> and <c>url</c> appear only for imported articles that have them.</summary>
    private sealed record CitationJson(
        int N, string PassageId, string Source, string? Section, int Start, int End, string Quote,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Title,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Url);

    private sealed record FailureJson(string Question, string Error);

    private sealed record SearchJson(string Query, IReadOnlyList<SearchResultJson> Results);

    private sealed record SearchResultJson(int Rank, string PassageId, double Score, string Source, string? Section, int Start, int End, string Text);
}
