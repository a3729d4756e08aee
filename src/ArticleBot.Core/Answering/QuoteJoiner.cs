using System.Globalization;
using System.Text;
using ArticleBot.Abstractions;

namespace ArticleBot.Core.Answering;

/// <summary>
/// Writes quoted sentences with their citation marks. Sentences that follow one another in the same passage are one
/// quote with one mark at its end (…只有一題；而在第四屆…[1]), so an answer that spans them reads as the article wrote
/// it and its citation quotes it verbatim.
/// </summary>
public static class QuoteJoiner
{
    /// <summary>The sentences, each run of adjacent ones from one passage followed by a single <c>[n]</c>.</summary>
    /// <param name="picked">The sentences in the order they are given, with their passage and its number.</param>
    /// <param name="separator">What goes between two quotes (a space in English, nothing in Chinese).</param>
    public static string Join(IReadOnlyList<(int N, Passage Passage, string Sentence)> picked, string separator = "")
    {
        ArgumentNullException.ThrowIfNull(picked);
        var builder = new StringBuilder();
        for (var i = 0; i < picked.Count; i++)
        {
            var (n, passage, sentence) = picked[i];
            builder.Append(sentence.Trim());
            var joinsNext = i + 1 < picked.Count && picked[i + 1].N == n
                && passage.Text.Contains(sentence.Trim() + picked[i + 1].Sentence.Trim(), StringComparison.Ordinal);
            if (!joinsNext)
            {
                builder.Append('[').Append(n.ToString(CultureInfo.InvariantCulture)).Append(']');
                if (i + 1 < picked.Count)
                {
                    builder.Append(separator);
                }
            }
        }

        return builder.ToString();
    }
}
