using System.ComponentModel.DataAnnotations;

namespace ArticleBot.Core.Search;

/// <summary>
/// Retrieval and abstention settings. Section <c>Retrieval</c>:
/// <code>
/// "Retrieval": { "TopK": 5, "MinCoverage": 0.5 }
/// </code>
/// </summary>
public sealed class RetrievalOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Retrieval";

    /// <summary>How many passages a search returns by default.</summary>
    [Range(1, 50)]
    public int TopK { get; set; } = 5;

    /// <summary>
    /// The share (0..1, by weight) of the question's content words that one retrieved passage must cover;
    /// below it the bot says the article does not cover the question.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinCoverage { get; set; } = 0.5;
}
