using ArticleBot.Core.ArticleTools;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.Claims;

/// <summary>
/// Writes a verdict in the claim's language, verdict word first (對/不對, 对/不对, Yes/No), then what the article says
/// instead when it contradicts, then the deciding sentence verbatim with its citation mark.
/// </summary>
public static class ClaimAnswer
{
    /// <summary>The verdict's text; null when the claim is not covered (the caller says so in its own words).</summary>
    /// <param name="check">The verdict.</param>
    /// <param name="language">The claim's language.</param>
    /// <param name="cite">The citation mark of the deciding passage, such as <c>[1]</c>.</param>
    public static string? Write(ClaimCheck check, QuestionLanguage language, string cite)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(cite);
        if (check.Verdict == Verdict.Unreadable)
        {
            return Say(language, $"無法查核：{check.Notice}。", $"无法查核：{check.Notice}。", $"Cannot check this: {check.Notice}.");
        }

        if (check.Verdict == Verdict.NotCovered || check.Sentence is null)
        {
            return null;
        }

        var quote = check.Sentence + cite;
        var article = check.ArticleFigure;
        var claimed = check.ClaimFigure;
        if (check.Verdict == Verdict.Supported)
        {
            return article is null
                ? Say(language, $"對，文章是這樣說的{cite}：{quote}", $"对，文章是这样说的{cite}：{quote}", $"Yes — the article says so{cite}: {quote}")
                : Say(language, $"對——文章說的是{article.Text}{cite}：{quote}", $"对——文章说的是{article.Text}{cite}：{quote}",
                    $"Yes — the article says {English(check, article)} ({article.Text}){cite}: {quote}");
        }

        if (check is { Said: { } said, Claimed: { } claimedWords })
        {
            // A slot decided: the article's words in it, then the claim's.
            return Say(language, $"不對——文章說的是{said}，不是{claimedWords}{cite}：{quote}", $"不对——文章说的是{said}，不是{claimedWords}{cite}：{quote}",
                $"No — the article says {said}, not {claimedWords}{cite}: {quote}");
        }

        return check.Reason switch
        {
            ContradictionReason.Figure when article is not null => Say(language,
                $"不對——文章說的是{article.Text}，不是{claimed?.Text}{cite}：{quote}",
                $"不对——文章说的是{article.Text}，不是{claimed?.Text}{cite}：{quote}",
                $"No — the article says {English(check, article)} ({article.Text}){(claimed is null ? string.Empty : $", not {EnglishFacts.Figure(claimed)}")}{cite}: {quote}"),
            ContradictionReason.Subject when check.ArticleSubject is { } other => Say(language,
                $"不對——文章說的是{other.Name}，不是{check.ClaimSubject?.Name}{cite}：{quote}",
                $"不对——文章说的是{other.Name}，不是{check.ClaimSubject?.Name}{cite}：{quote}",
                $"No — the article says it of {other.English}{(other.English == other.Name ? string.Empty : $" ({other.Name})")}, not {check.ClaimSubject?.English}{cite}: {quote}"),
            ContradictionReason.Value => Say(language, $"不對——文章的說法不同{cite}：{quote}", $"不对——文章的说法不同{cite}：{quote}", $"No — the article says otherwise{cite}: {quote}"),
            _ => Say(language, $"不對——文章的說法相反{cite}：{quote}", $"不对——文章的说法相反{cite}：{quote}", $"No — the article says otherwise{cite}: {quote}"),
        };
    }

    /// <summary>The verdict in a word or two, in English, for machine interfaces (the verify tool's query field).</summary>
    public static string Summary(ClaimCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return check.Verdict switch
        {
            Verdict.Supported => check.ArticleFigure is { } f ? $"supported: the article says {English(check, f)} ({f.Text})" : "supported",
            Verdict.Contradicted => check.Reason switch
            {
                _ when check.Said is not null => $"contradicted: the article says {check.Said}, not {check.Claimed}",
                ContradictionReason.Figure => $"contradicted: the article says {check.ArticleFigure?.Text} ({(check.ArticleFigure is { } a ? English(check, a) : string.Empty)})",
                ContradictionReason.Subject => $"contradicted: the article says it of {check.ArticleSubject?.Name} ({check.ArticleSubject?.English}), not {check.ClaimSubject?.Name}",
                ContradictionReason.Value => "contradicted: the article gives another value",
                _ => "contradicted: the article says otherwise",
            },
            Verdict.Unreadable => $"cannot check: {check.Notice}",
            _ => "not covered: the article does not say",
        };
    }

    private static string English(ClaimCheck check, ArticleBot.Core.ArticleTools.FigureMention figure)
    {
        var text = EnglishFacts.Figure(figure, check.Sentence is null ? null : ArticleFigures.MeasureOf(check.Sentence, figure));
        return figure.Qualifier.Length > 0 ? text : check.ArticleComparator switch
        {
            Comparator.More => "more than " + text,
            Comparator.AtLeast => "at least " + text,
            Comparator.Max => "up to " + text,
            Comparator.About => "about " + text,
            _ => text,
        };
    }

    private static string Say(QuestionLanguage language, string traditional, string simplified, string english) => language switch
    {
        QuestionLanguage.ChineseTraditional => traditional,
        QuestionLanguage.ChineseSimplified => simplified,
        _ => english,
    };
}
