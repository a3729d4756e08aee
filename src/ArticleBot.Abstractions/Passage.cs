namespace ArticleBot.Abstractions;

/// <summary>What a passage is, in the structure of its article.</summary>
public enum PassageKind
{
    /// <summary>Body text under a section heading (or before the first one).</summary>
    Body,

    /// <summary>The author line at the top of the article.</summary>
    Byline,

    /// <summary>A figure caption.</summary>
    Caption,

    /// <summary>The publishing platform's disclaimer at the end.</summary>
    Disclaimer,
}

/// <summary>
/// A retrievable piece of a seed document. <see cref="Text"/> is always exactly
/// <c>fileText[Start..End]</c> of <see cref="Source"/>, so quotes can be verified.
/// </summary>
/// <param name="Id">Stable id, e.g. <c>ai-race-2026#p12</c>.</param>
/// <param name="Source">The seed file's path relative to the content root, with forward slashes.</param>
/// <param name="Section">The title of the section the passage sits in, or <see langword="null"/> before the first heading.</param>
/// <param name="Kind">The passage's role in the article.</param>
/// <param name="Start">Start offset in UTF-16 code units into the file's text.</param>
/// <param name="End">End offset (exclusive).</param>
/// <param name="Text">The passage text, verbatim.</param>
public sealed record Passage(string Id, string Source, string? Section, PassageKind Kind, int Start, int End, string Text);

/// <summary>A passage found by a search, with its relevance score.</summary>
/// <param name="Passage">The passage.</param>
/// <param name="Score">BM25 relevance; higher is better. Only comparable within one search.</param>
public sealed record ScoredPassage(Passage Passage, double Score);
