using System.Text;
using System.Text.RegularExpressions;
using ArticleBot.Abstractions;
using ArticleBot.Core.Corpus;

namespace ArticleBot.Core.Answering;

/// <summary>
/// Maps the <c>[n]</c> markers of a reply to the passages returned in the same turn, never trusting the reply:
/// markers that point to nothing are removed, the rest are renumbered densely in order of appearance, and
/// each quote is checked against the seed file at its offsets before it is kept.
/// </summary>
public sealed partial class CitationResolver(ArticleCorpus corpus)
{
    /// <summary>Resolves the markers of <paramref name="reply"/>.</summary>
    public (string Text, IReadOnlyList<Citation> Citations) Resolve(string reply, TurnCitations turn)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(turn);
        var dense = new Dictionary<int, int>();
        var citations = new List<Citation>();
        var text = MarkerRegex().Replace(reply, match =>
        {
            var builder = new StringBuilder();
            foreach (var part in match.Groups["numbers"].Value.Split([',', '，', ' ', '、'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (!int.TryParse(part, out var n) || turn.Find(n) is not { } passage)
                {
                    continue;
                }

                if (!dense.TryGetValue(n, out var number))
                {
                    if (ToCitation(dense.Count + 1, passage) is not { } citation)
                    {
                        continue;
                    }

                    number = citation.N;
                    dense[n] = number;
                    citations.Add(citation);
                }

                builder.Append('[').Append(number).Append(']');
            }

            return builder.ToString();
        });

        return (CollapseSpaces(text), citations);
    }

    /// <summary>A citation for a passage, or null when its quote does not match the seed file.</summary>
    public Citation? ToCitation(int n, Passage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        return corpus.VerifyQuote(passage.Source, passage.Start, passage.End, passage.Text)
            ? new Citation(n, passage.Id, passage.Source, passage.Section, passage.Start, passage.End, passage.Text)
            : null;
    }

    private static string CollapseSpaces(string text) => DoubleSpaceRegex().Replace(text, " ").Trim();

    [GeneratedRegex(@"\[(?<numbers>\d{1,4}(?:\s*[,，、]\s*\d{1,4})*)\]")]
    private static partial Regex MarkerRegex();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex DoubleSpaceRegex();
}
