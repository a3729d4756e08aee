using System.ComponentModel.DataAnnotations;

namespace ArticleBot.Core.Search;

/// <summary>
/// Retrieval and abstention settings. Section <c>Retrieval</c>:
/// <code>
/// "Retrieval": { "TopK": 5, "TargetPrecision": 0.8 }
/// </code>
/// Whether the offline answerer answers or says the article does not cover the question is decided by a learned
/// gate (<c>ArticleBot.Core.Answering.Gate.AnswerGate</c>); <see cref="TargetPrecision"/> is its one setting.
/// </summary>
public sealed class RetrievalOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Retrieval";

    /// <summary>How many passages a search returns by default.</summary>
    [Range(1, 50)]
    public int TopK { get; set; } = 5;

    /// <summary>
    /// The least estimated chance (0..1) that an offline answer is right: below it the bot says the article does
    /// not cover the question. Higher answers less often and is wrong less often; lower answers more.
    /// </summary>
    [Range(0.0, 1.0)]
    public double TargetPrecision { get; set; } = DefaultTargetPrecision;

    /// <summary>The default <see cref="TargetPrecision"/>.</summary>
    public const double DefaultTargetPrecision = 0.8;

    /// <summary>
    /// Kept for compatibility: a hard floor on the share (0..1, by weight) of the question's content words that one
    /// retrieved passage must cover, applied before the gate. The gate weighs coverage itself, so the default is 0;
    /// prefer <see cref="TargetPrecision"/>.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinCoverage { get; set; }

    /// <summary>
    /// A folder with retrained reader models (<c>sentence-ranker.trees</c>, <c>answer-gate.trees</c>, written by
    /// <c>src/ArticleBot.Training</c>); empty uses the models built into the bot. A missing or damaged file falls back
    /// to the built-in model, with a warning.
    /// </summary>
    public string? ModelsPath { get; set; }
}
