using System.ComponentModel;
using System.Text;
using System.Text.RegularExpressions;
using ArticleBot.Abstractions;
using Microsoft.SemanticKernel;

namespace KeyFigures;

/// <summary>
/// The article's key figures: every amount, percentage and date, with the sentence it stands in and the passage to
/// cite. Works offline; with a model, <c>figure_passages</c> hands over citable passages.
/// </summary>
/// <remarks>Signatures use only strings, numbers and ArticleBot.Abstractions types, so the plugin can be unloaded.</remarks>
public sealed partial class KeyFigures(IArticleSearch search)
{
    /// <summary>Lists the figures.</summary>
    [KernelFunction("key_figures")]
    [Description("Lists every amount, percentage and date in the article, each with its sentence and the id of the passage to cite.")]
    public string List([Description("Only figures whose sentence contains this text, e.g. 騰訊, 腾讯 or 億; either Chinese script matches (optional).")] string contains = "")
    {
        var lines = new StringBuilder();
        foreach (var (figure, sentence, passage) in Figures(contains))
        {
            lines.Append(figure).Append(" — ").Append(sentence).Append(" [").Append(passage.Id).AppendLine("]");
        }

        return lines.Length == 0 ? "No figures found." : lines.ToString().TrimEnd();
    }

    /// <summary>The passages that hold figures, numbered for citation.</summary>
    [KernelFunction("figure_passages")]
    [Description("Returns the passages that contain figures (amounts, percentages, dates), numbered [n] for citation.")]
    public PassageSearchResult Passages([Description("Only passages whose figures' sentences contain this text (optional).")] string contains = "")
    {
        var passages = Figures(contains).Select(f => f.Passage).DistinctBy(p => p.Id)
            .Select((p, i) => new FoundPassage(i + 1, p.Id, p.Section, p.Text)).ToList();
        return new PassageSearchResult(contains, passages);
    }

    private IEnumerable<(string Figure, string Sentence, Passage Passage)> Figures(string contains)
    {
        // Matching is on folded text (script, width, case), as the bot's own search does; results show the original.
        var wanted = search.Fold(contains.Trim());
        foreach (var passage in search.Passages)
        {
            foreach (var sentence in SentenceRegex().Matches(passage.Text).Select(m => m.Value.Trim()))
            {
                if (wanted.Length > 0 && !search.Fold(sentence).Contains(wanted, StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (Match figure in FigureRegex().Matches(sentence))
                {
                    yield return (figure.Value.Trim(), sentence, passage);
                }
            }
        }
    }

    [GeneratedRegex(@"[^。！？!?；;]+[。！？!?；;]?")]
    private static partial Regex SentenceRegex();

    // Dates (2月1日, 2026年, 2022年末), then amounts with units (250億美元, 1600 億, 10倍, 30-35公里, 85%).
    [GeneratedRegex(@"\d{1,2}月\d{1,2}日|\d{4}年末?|\d+(?:[.,]\d+)?(?:-\d+)?\s?(?:%|萬億美元|億美元|萬億|億|萬元|美元|倍|公里|萬|亿|万)")]
    private static partial Regex FigureRegex();
}
