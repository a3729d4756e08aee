using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ArticleBot.Abstractions;
using ArticleBot.Core.ArticleTools;
using ArticleBot.Core.Claims;
using ArticleBot.Core.Search;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace ArticleBot.Core.Plugins;

/// <summary>
/// The built-in article plugin: what every answerer (offline or a model) uses to read the article.
/// </summary>
public sealed class ArticlePlugin(IArticleSearch search, IOptions<RetrievalOptions> options, ArticleToolset tools, ClaimVerifier verifier)
{
    /// <summary>The plugin's name in the kernel; tools are named <c>article_search</c> and so on.</summary>
    public const string PluginName = "article";

    /// <summary>The search function's name.</summary>
    public const string SearchFunction = "search";

    /// <summary>The outline function's name.</summary>
    public const string OutlineFunction = "outline";

    /// <summary>The summary function's name.</summary>
    public const string SummarizeFunction = "summarize";

    /// <summary>The entities function's name.</summary>
    public const string EntitiesFunction = "entities";

    /// <summary>The figures function's name.</summary>
    public const string FiguresFunction = "figures";

    /// <summary>The claim check function's name.</summary>
    public const string VerifyFunction = "verify";

    /// <summary>Searches the article.</summary>
    [KernelFunction(SearchFunction)]
    [Description("Searches the news article (Chinese, Traditional script with some Simplified) and returns the most relevant passages, numbered [n] for citation. Query in Chinese keywords, and also in the user's own words; English is understood too.")]
    public PassageSearchResult Search(
        [Description("What to look for: keywords or the whole question, in Chinese or English.")] string query,
        [Description("How many passages to return (1-20; 0 for the default)."), Range(0, 20)] int top = 0)
    {
        ArgumentNullException.ThrowIfNull(query);
        var count = top is >= 1 and <= 20 ? top : options.Value.TopK;
        if (search is ArticleSearch articles)
        {
            // The built-in search: the result carries its plan and coverage to the offline composer (one analysis per turn).
            var retrieval = articles.Retrieve(query, count);
            var passages = retrieval.Passages.Select((p, i) => new FoundPassage(i + 1, p.Passage.Id, p.Passage.Section, p.Passage.Text)).ToList();
            return new AnalysedSearchResult(query, passages, retrieval);
        }

        var found = search.Search(query, count)
            .Select((p, i) => new FoundPassage(i + 1, p.Passage.Id, p.Passage.Section, p.Passage.Text))
            .ToList();
        return new PassageSearchResult(query, found);
    }

    /// <summary>Reads one passage by id.</summary>
    [KernelFunction("get_passage")]
    [Description("Returns one passage of the article by its id (for example 'ai-race-2026#p3'), to read the text around a search hit.")]
    public FoundPassage GetPassage([Description("The passage id, as returned by search."), StringLength(200)] string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return search.GetPassage(id.Trim()) is { } passage
            ? new FoundPassage(1, passage.Id, passage.Section, passage.Text)
            : throw new ArgumentException($"there is no passage '{TextCut(id)}'; ids look like {Path.GetFileNameWithoutExtension(search.Info.Documents is [var first, ..] ? first.Source : "article")}#p3 (search returns them)");
    }

    /// <summary>Describes the corpus.</summary>
    [KernelFunction("article_info")]
    [Description("Describes the article(s): source file, byline (author), section titles, length and passage count.")]
    public ArticleInfo ArticleInfo() => search.Info;

    /// <summary>Lists the section titles.</summary>
    [KernelFunction("list_sections")]
    [Description("Lists the article's section headings in order.")]
    public IReadOnlyList<string> ListSections() => search.Info.Documents.SelectMany(d => d.Sections).ToList();

    /// <summary>The sections with their headings and first lines.</summary>
    [KernelFunction(OutlineFunction)]
    [Description("The article's structure: each section's heading (the first part has none) and its first passage, in order, numbered [n] for citation. The query field lists the headings.")]
    public PassageSearchResult Outline()
    {
        var sections = tools.Outline.Sections;
        var found = sections.Select((s, i) => Found(i, s.First)).ToList();
        var headings = string.Join("; ", sections.Select((s, i) => $"{i + 1}. {s.Heading ?? "(opening)"}"));
        return new PassageSearchResult($"outline: {sections.Count} parts: {headings}", found);
    }

    /// <summary>An extractive summary.</summary>
    [KernelFunction(SummarizeFunction)]
    [Description("An extractive summary of the whole article: its most central sentences, at least one from every section, in order. Returns the passages holding them, numbered [n]; the query field lists the chosen sentences. Use for 'summarize', 'what is it about', the main points, or (section='last') the author's conclusion.")]
    public PassageSearchResult Summarize(
        [Description("How many sentences (1-20; 0 for the default of 6)."), Range(0, 20)] int sentences = 0,
        [Description("'last' for the closing section only (the conclusion); empty for the whole article."), StringLength(20)] string section = "")
    {
        var last = string.Equals(section?.Trim(), "last", StringComparison.OrdinalIgnoreCase);
        if (!last && !string.IsNullOrWhiteSpace(section))
        {
            throw new ArgumentException($"section '{TextCut(section)}' is not 'last' (the closing section) or empty (the whole article)");
        }

        var summary = tools.Summarizer.Summarize(sentences <= 0 ? ArticleSummarizer.DefaultLength : sentences, last);
        var passages = summary.Select(s => s.Passage).DistinctBy(p => p.Id).Select((p, i) => Found(i, p)).ToList();
        return new PassageSearchResult($"summary ({summary.Count} sentences, quote them and cite their passages): " + string.Join(" | ", summary.Select(s => s.Sentence)), passages);
    }

    /// <summary>People, organisations, products and places.</summary>
    [KernelFunction(EntitiesFunction)]
    [Description("The people, organisations (companies), products and places the article names, most mentioned first, with how often each is mentioned; the passages are each one's first mention, numbered [n]. Filter by kind and by country (ISO code such as CN or US, where known).")]
    public PassageSearchResult Entities(
        [Description("person, organization, product or place; empty for all."), StringLength(20)] string kind = "",
        [Description("A country code such as CN or US; empty for any."), StringLength(2)] string country = "")
    {
        EntityKind? parsed = Enum.TryParse<EntityKind>(kind?.Trim(), ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : kind?.Trim().ToUpperInvariant() switch
        {
            "COMPANY" or "COMPANIES" or "ORGANISATION" or "ORG" => EntityKind.Organization,
            "PEOPLE" or "PERSONS" => EntityKind.Person,
            null or "" => null,
            _ => throw new ArgumentException($"kind '{TextCut(kind)}' is not one of person, organization, product, place (or empty for all)"),
        };
        if (!string.IsNullOrWhiteSpace(country) && !country.Trim().All(char.IsAsciiLetter))
        {
            throw new ArgumentException($"country '{TextCut(country)}' is not a two-letter country code such as CN or US (or empty for any)");
        }

        var listed = tools.Entities.Find(parsed, string.IsNullOrWhiteSpace(country) ? null : country.Trim()).Take(20).ToList();
        var passages = listed.Select(e => e.Passages[0]).DistinctBy(p => p.Id).Select((p, i) => Found(i, p)).ToList();
        var names = string.Join("; ", listed.Select(e => $"{e.Name} ({e.English}, {e.Kind.ToString().ToLowerInvariant()}{(e.Country is null ? string.Empty : ", " + e.Country)}) x{e.Count}"));
        return new PassageSearchResult($"entities: {names}", passages);
    }

    /// <summary>Amounts, percentages and dates.</summary>
    [KernelFunction(FiguresFunction)]
    [Description("The amounts, percentages and dates of the article, each with its sentence and what it measures, in order; the passages hold them, numbered [n]. The query field lists each figure with its English reading.")]
    public PassageSearchResult Figures([Description("amount, percent, date or count; empty for all."), StringLength(20)] string kind = "")
    {
        FigureKind? parsed = string.IsNullOrWhiteSpace(kind) ? null
            : Enum.TryParse<FigureKind>(kind.Trim(), ignoreCase: true, out var k) && Enum.IsDefined(k) ? k
            : throw new ArgumentException($"kind '{TextCut(kind)}' is not one of {string.Join(", ", Enum.GetNames<FigureKind>().Select(n => n.ToLowerInvariant()))} (or empty for all)");
        var listed = tools.Figures.Find(parsed).Take(30).ToList();
        var passages = listed.Select(f => f.Passage).DistinctBy(p => p.Id).Select((p, i) => Found(i, p)).ToList();
        var text = string.Join("; ", listed.Select(f => $"{f.Mention.Text} = {EnglishFacts.Figure(f.Mention, f.Measure)} ({f.Measure})"));
        return new PassageSearchResult($"figures: {text}", passages);
    }

    /// <summary>Checks a claim.</summary>
    [KernelFunction(VerifyFunction)]
    [Description("Checks a claim (or a yes/no question) against the article. The query field gives the verdict: supported, contradicted (with the article's own figure or date) or not covered; the passage that decides it is numbered [n]. Answer yes/no from the verdict and cite the passage.")]
    public PassageSearchResult Verify([Description("The claim, as a statement or a yes/no question, in Chinese or English.")] string claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var check = verifier.Verify(claim);
        var verdict = ClaimAnswer.Summary(check);
        var passages = check.Passage is { } passage ? [Found(0, passage)] : new List<FoundPassage>();
        return new CheckedClaimResult($"verify: {claim} => {verdict}", passages, claim, check);
    }

    private static FoundPassage Found(int index, Passage passage) => new(index + 1, passage.Id, passage.Section, passage.Text);

    /// <summary>A value quoted back in an error, cut short.</summary>
    private static string TextCut(string? value) => value is { Length: > 40 } ? value[..40] + "…" : value ?? string.Empty;
}
