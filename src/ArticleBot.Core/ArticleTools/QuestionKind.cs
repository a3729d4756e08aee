using System.Text.RegularExpressions;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.ArticleTools;

/// <summary>What a reader asks for.</summary>
public enum QuestionKind
{
    /// <summary>A single fact (the default).</summary>
    Fact,

    /// <summary>The gist of the whole article.</summary>
    Summary,

    /// <summary>Its structure: sections and headings.</summary>
    Outline,

    /// <summary>A list of named things or figures.</summary>
    List,

    /// <summary>Two named things side by side.</summary>
    Compare,

    /// <summary>A yes/no question or a claim to check.</summary>
    Verify,

    /// <summary>The author's (or someone's) view or conclusion.</summary>
    Opinion,

    /// <summary>Why or how.</summary>
    Why,
}

/// <summary>A question's kind, with what a list asks for (entities of a kind and country, or figures of a kind).</summary>
public sealed record QuestionIntent(QuestionKind Kind, EntityKind? EntityKind = null, string? Country = null, bool Figures = false, FigureKind? FigureKind = null, bool Conclusion = false);

/// <summary>
/// Recognises what kind of question is asked, in Traditional or Simplified Chinese or English, from cue words
/// (folded text, so one list serves both scripts). Not tied to any article.
/// </summary>
public static partial class QuestionClassifier
{
    private static readonly string[] s_summary = WordLists.Load("question-kind.summary");
    private static readonly string[] s_outline = WordLists.Load("question-kind.outline");
    private static readonly string[] s_outlineAlways = WordLists.Load("question-kind.outline-always");
    private static readonly string[] s_summaryAlways = WordLists.Load("question-kind.summary-always");
    private static readonly string[] s_mentioned = WordLists.Load("question-kind.mentioned");
    private static readonly string[] s_structure = WordLists.Load("question-kind.structure");
    private static readonly string[] s_article = WordLists.Load("question-kind.article");
    private static readonly string[] s_list = WordLists.Load("question-kind.list");
    private static readonly string[] s_compare = WordLists.Load("question-kind.compare");
    private static readonly string[] s_opinion = WordLists.Load("question-kind.opinion");
    private static readonly string[] s_why = WordLists.Load("question-kind.why");
    private static readonly string[] s_notWhy = WordLists.Load("question-kind.not-why");
    private static readonly string[] s_whWords = WordLists.Load("question-kind.wh-words");
    private static readonly string[] s_chineseYesNo = WordLists.Load("question-kind.chinese-yes-no");

    /// <summary>Recognises the question's kind.</summary>
    public static QuestionIntent Classify(string question, ScriptFolding folder)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(folder);
        var folded = " " + folder.Fold(question).Trim() + " ";
        bool Has(string[] cues) => cues.Any(c => folded.Contains(c, StringComparison.Ordinal));

        // Summaries, outlines and lists are of the article: "该政策的主要内容" or "分娩可分为几个产程" ask a fact of it.
        var ofArticle = Has(s_article) || Bare(folded);
        if (((Has(s_outline) && ofArticle) || Has(s_outlineAlways) || (Has(s_structure) && Has(s_article))) && !Has(s_compare))
        {
            return new QuestionIntent(QuestionKind.Outline);
        }

        if ((Has(s_summary) && ofArticle) || Has(s_summaryAlways))
        {
            return new QuestionIntent(QuestionKind.Summary);
        }

        if (Has(s_list) && (Has(s_mentioned) || ofArticle) && ListTarget(folded) is { } list)
        {
            return list;
        }

        if (Has(s_compare))
        {
            return new QuestionIntent(QuestionKind.Compare);
        }

        if (IsYesNo(folded))
        {
            return new QuestionIntent(QuestionKind.Verify);
        }

        if (Has(s_opinion))
        {
            var conclusion = folded.Contains("结论", StringComparison.Ordinal) || folded.Contains("conclu", StringComparison.Ordinal);
            return new QuestionIntent(QuestionKind.Opinion, Conclusion: conclusion);
        }

        if (Has(s_why) && !Has(s_notWhy))
        {
            return new QuestionIntent(QuestionKind.Why);
        }

        return new QuestionIntent(QuestionKind.Fact);
    }

    /// <summary>A question with nothing but its cue ("總結一下", "Summarize.", "TL;DR"): it can only be about the article.</summary>
    private static bool Bare(string folded)
    {
        var letters = folded.Count(c => char.IsLetter(c));
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return folded.Any(CharClass.IsHan) ? letters <= 8 : words <= 3;
    }

    /// <summary>What a list question lists; null when it names nothing listable.</summary>
    private static QuestionIntent? ListTarget(string folded)
    {
        bool Has(params string[] cues) => cues.Any(c => folded.Contains(c, StringComparison.Ordinal));
        string? country = Has("中国", "国内", "本土", "国产", "chinese", "china") ? "CN"
            : Has("美国", "硅谷", "american", " us ", "u.s.", "united states") ? "US" : null;

        if (Has("金额", "钱", "amount", "money", "sum"))
        {
            return new QuestionIntent(QuestionKind.List, Figures: true, FigureKind: FigureKind.Amount);
        }

        if (Has("百分比", "比例", "percent", "percentage", "share"))
        {
            return new QuestionIntent(QuestionKind.List, Figures: true, FigureKind: FigureKind.Percent);
        }

        if (Has("日期", "时间点", "哪些时间", "date"))
        {
            return new QuestionIntent(QuestionKind.List, Figures: true, FigureKind: FigureKind.Date);
        }

        if (Has("数字", "数据", "数值", "figure", "number", "statistic"))
        {
            return new QuestionIntent(QuestionKind.List, Figures: true);
        }

        if (Has("公司", "企业", "厂", "机构", "组织", "compan", "organi", "firm", "corporat"))
        {
            return new QuestionIntent(QuestionKind.List, EntityKind.Organization, country);
        }

        if (Has("产品", "应用", "app", "工具", "服务", "product", "chatbot", "model", "service", "tool"))
        {
            return new QuestionIntent(QuestionKind.List, EntityKind.Product, country);
        }

        if (Has("人物", "哪些人", "什么人", "谁", "people", "person", "persons", "who ", "individual"))
        {
            return new QuestionIntent(QuestionKind.List, EntityKind.Person, country);
        }

        if (Has("地方", "国家", "城市", "地区", "place", "countr", "cities", "city", "region"))
        {
            return new QuestionIntent(QuestionKind.List, EntityKind.Place, country);
        }

        return null;
    }

    private static bool IsYesNo(string folded)
    {
        var trimmed = folded.Trim().TrimEnd('?', '？', '!', '！', '。', '.', ' ');
        if (trimmed.StartsWith("is it true", StringComparison.Ordinal) || trimmed.StartsWith("is it correct", StringComparison.Ordinal)
            || trimmed.StartsWith("true or false", StringComparison.Ordinal))
        {
            return true;
        }

        if (EnglishYesNoRegex().IsMatch(trimmed) || EnglishYesNoRegex().IsMatch(WithoutArticleLeadIn(trimmed)))
        {
            return true;
        }

        if (!trimmed.Any(CharClass.IsHan))
        {
            return false;
        }

        var yesNo = s_chineseYesNo.Any(c => trimmed.EndsWith(c.TrimEnd('？'), StringComparison.Ordinal))
            || trimmed.Contains("对吗", StringComparison.Ordinal) || trimmed.Contains("是否", StringComparison.Ordinal);
        var body = trimmed.Replace("是不是", string.Empty, StringComparison.Ordinal);
        return yesNo && (TaggedClaim(trimmed) || !s_whWords.Any(w => body.Contains(w, StringComparison.Ordinal)));
    }

    /// <summary>
    /// A statement with a yes/no tag after a comma (…，對嗎; folded, the comma is ASCII): it asserts what comes before the
    /// tag, so a question word inside it is part of the claim (比賽拼的是哪支球隊的後勁更足，對嗎), not a question of its own.
    /// One that opens with a question word (誰贏得了比賽，對嗎) still asks it.
    /// </summary>
    private static bool TaggedClaim(string trimmed) =>
        s_chineseYesNo.Select(c => c.TrimEnd('？')).Where(c => c.Length > 1).Any(tag => trimmed.EndsWith("," + tag, StringComparison.Ordinal))
        && !s_whWords.Any(w => trimmed.StartsWith(w, StringComparison.Ordinal));

    /// <summary>
    /// The question after a lead-in that names the article, set off by a comma ("according to the article, has …"):
    /// the lead-in frames the question, it does not make it a question of another kind. The text itself when it has none.
    /// </summary>
    private static string WithoutArticleLeadIn(string folded)
    {
        var comma = folded.IndexOf(',', StringComparison.Ordinal);
        return comma > 0 && s_article.Any(a => ContainsWord(folded[..comma], a)) ? folded[(comma + 1)..].TrimStart() : folded;
    }

    private static bool ContainsWord(string text, string word) =>
        Regex.IsMatch(text, $@"(?<![a-z]){Regex.Escape(word)}(?![a-z])", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"^(is|are|was|were|does|do|did|has|have|had|can|could|will|would|should)\s+(?!there\s+any\s+)\S+")]
    private static partial Regex EnglishYesNoRegex();
}
