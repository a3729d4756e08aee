using System.Text;
using System.Text.Json;
using ArticleBot.Ingest;
using ArticleBot.Ingest.Storage;

namespace ArticleBot.Output;

/// <summary>How imported articles are shown: a line of text each, or one JSON object each.</summary>
public static class ArticleOutput
{
    /// <summary>The <c>add --json</c> / <c>articles --json</c> object of one article.</summary>
    public static string Json(StoredArticle article, string seedsFolderName)
    {
        ArgumentNullException.ThrowIfNull(article);
        return JsonSerializer.Serialize(
            new ArticleJson(
                article.Id, article.Kind, article.Title, article.Byline, article.Published, article.Url, article.FileName,
                $"{seedsFolderName}/{article.SeedPath}", article.Bytes, article.Paragraphs, article.Encoding, article.EncodingNote, article.ImportedAt),
            JsonOutput.Options);
    }

    /// <summary>The <c>add --json</c> object of a refusal: <c>{"error", "reason"}</c>.</summary>
    public static string Refusal(ImportRefusedException refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        return JsonSerializer.Serialize(new RefusalJson(refused.Message, refused.Code), JsonOutput.Options);
    }

    /// <summary>One line that says what was imported.</summary>
    public static string Added(StoredArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var builder = new StringBuilder($"Added {article.Id}: {article.Title ?? "(untitled)"}");
        builder.Append($" ({article.Kind}, {article.Paragraphs} paragraphs, {article.Bytes:N0} bytes)");
        if (article.Url is not null)
        {
            builder.Append(" from ").Append(article.Url);
        }

        return builder.ToString();
    }

    /// <summary>The <c>articles</c> listing.</summary>
    public static string List(IReadOnlyList<StoredArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        if (articles.Count == 0)
        {
            return "No imported articles. Add one with: ArticleBot add <url-or-file>";
        }

        var builder = new StringBuilder();
        foreach (var article in articles)
        {
            builder.Append(article.Id).Append("  ").Append(article.Title ?? "(untitled)").Append("  ")
                .Append(article.Url ?? article.FileName).Append("  ").Append(article.ImportedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        return builder.ToString().TrimEnd('\n');
    }

    private sealed record ArticleJson(
        string Id, string Kind, string? Title, string? Byline, DateTimeOffset? Published, string? Url, string? File, string Seed,
        long Bytes, int Paragraphs, string? Encoding, string? EncodingNote, DateTimeOffset ImportedAt);

    private sealed record RefusalJson(string Error, string Reason);
}
