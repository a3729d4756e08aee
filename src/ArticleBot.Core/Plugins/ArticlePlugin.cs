using System.ComponentModel;
using ArticleBot.Abstractions;
using ArticleBot.Core.Search;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace ArticleBot.Core.Plugins;

/// <summary>
/// The built-in article plugin: what every answerer (offline or a model) uses to read the article.
/// </summary>
public sealed class ArticlePlugin(IArticleSearch search, IOptions<RetrievalOptions> options)
{
    /// <summary>The plugin's name in the kernel; tools are named <c>article_search</c> and so on.</summary>
    public const string PluginName = "article";

    /// <summary>The search function's name.</summary>
    public const string SearchFunction = "search";

    /// <summary>Searches the article.</summary>
    [KernelFunction(SearchFunction)]
    [Description("Searches the news article (Chinese, Traditional script with some Simplified) and returns the most relevant passages, numbered [n] for citation. Query in Chinese keywords, and also in the user's own words; English is understood too.")]
    public PassageSearchResult Search(
        [Description("What to look for: keywords or the whole question, in Chinese or English.")] string query,
        [Description("How many passages to return (1-20).")] int top = 0)
    {
        ArgumentNullException.ThrowIfNull(query);
        var count = top is >= 1 and <= 20 ? top : options.Value.TopK;
        var found = search.Search(query, count)
            .Select((p, i) => new FoundPassage(i + 1, p.Passage.Id, p.Passage.Section, p.Passage.Text))
            .ToList();
        return new PassageSearchResult(query, found);
    }

    /// <summary>Reads one passage by id.</summary>
    [KernelFunction("get_passage")]
    [Description("Returns one passage of the article by its id (for example 'ai-race-2026#p3'), to read the text around a search hit.")]
    public FoundPassage? GetPassage([Description("The passage id, as returned by search.")] string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return search.GetPassage(id) is { } passage ? new FoundPassage(1, passage.Id, passage.Section, passage.Text) : null;
    }

    /// <summary>Describes the corpus.</summary>
    [KernelFunction("article_info")]
    [Description("Describes the article(s): source file, byline (author), section titles, length and passage count.")]
    public ArticleInfo ArticleInfo() => search.Info;

    /// <summary>Lists the section titles.</summary>
    [KernelFunction("list_sections")]
    [Description("Lists the article's section headings in order.")]
    public IReadOnlyList<string> ListSections() => search.Info.Documents.SelectMany(d => d.Sections).ToList();
}
