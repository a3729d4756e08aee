using System.Text;
using ArticleBot.Core.Language.Segmentation;
using ArticleBot.Core.Search;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.Reading;

/// <summary>
/// The Chinese character pairs of a question's content (stop words and question words removed), to measure how
/// much of the question's wording a passage or sentence shares. Unlike the query plan's words, a pair is kept
/// even when the corpus lacks it: a question about 九龍灣 in a corpus that has 九, 龍 and 灣 but never 九龍 is
/// about something the article does not name.
/// </summary>
public static class QuestionBigrams
{
    /// <summary>The content bigrams of a folded question, without repeats.</summary>
    public static IReadOnlyList<string> Of(string foldedQuestion)
    {
        var content = Content(foldedQuestion);
        var result = new List<string>();
        for (var i = 0; i + 1 < content.Length; i++)
        {
            if (CharClass.IsHan(content[i]) && CharClass.IsHan(content[i + 1]))
            {
                var bigram = content.Substring(i, 2);
                if (!result.Contains(bigram, StringComparer.Ordinal))
                {
                    result.Add(bigram);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The longest chain of adjacent content bigrams of the question that the corpus never writes (九龍灣: 九龍 and 龍灣
    /// → 2). One unseen pair is often a paraphrase's seam; a chain of them is a name or term the article lacks.
    /// </summary>
    public static int LongestUnseenChain(string foldedQuestion, Func<string, bool> inCorpus)
    {
        ArgumentNullException.ThrowIfNull(inCorpus);
        var content = Content(foldedQuestion);
        int longest = 0, current = 0;
        for (var i = 0; i + 1 < content.Length; i++)
        {
            current = CharClass.IsHan(content[i]) && CharClass.IsHan(content[i + 1]) && !inCorpus(content.Substring(i, 2)) ? current + 1 : 0;
            longest = Math.Max(longest, current);
        }

        return longest;
    }

    /// <summary>
    /// The character pairs of the question's first content phrase of two or more characters: in Chinese questions,
    /// usually what the question is about (九龍灣 in 九龍灣屬於哪一個港), asked before what is asked of it.
    /// </summary>
    public static IReadOnlyList<string> OfLead(string foldedQuestion)
    {
        var lead = LeadPhrase(foldedQuestion);
        return [.. Enumerable.Range(0, Math.Max(0, lead.Length - 1)).Select(k => lead.Substring(k, 2)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The question's first content phrase of two or more Chinese characters; empty when it has none.</summary>
    public static string LeadPhrase(string foldedQuestion)
    {
        var content = Content(foldedQuestion);
        for (var i = 0; i < content.Length; i++)
        {
            var end = i;
            while (end < content.Length && CharClass.IsHan(content[end]))
            {
                end++;
            }

            if (end - i >= 2)
            {
                return content[i..end];
            }

            i = end;
        }

        return string.Empty;
    }

    /// <summary>The folded question without its stop words and question words (each replaced by a space).</summary>
    public static string Content(string foldedQuestion)
    {
        ArgumentNullException.ThrowIfNull(foldedQuestion);
        var builder = new StringBuilder(foldedQuestion);
        foreach (var stop in StopWords.Chinese)
        {
            builder.Replace(stop, " ");
        }

        return builder.ToString();
    }

    /// <summary>The share of <paramref name="bigrams"/> that occur in a folded text; 1 when there are none (English questions).</summary>
    public static double ShareIn(IReadOnlyList<string> bigrams, string foldedText)
    {
        ArgumentNullException.ThrowIfNull(bigrams);
        ArgumentNullException.ThrowIfNull(foldedText);
        return bigrams.Count == 0 ? 1 : bigrams.Count(b => foldedText.Contains(b, StringComparison.Ordinal)) / (double)bigrams.Count;
    }
}
