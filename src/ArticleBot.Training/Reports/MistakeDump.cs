using System.Globalization;
using System.Text;
using ArticleBot.Core.Reading;
using ArticleBot.Training.Learning;

namespace ArticleBot.Training.Reports;

/// <summary>The out-of-fold mistakes in a readable form: for studying what the features miss, never for writing rules.</summary>
public static class MistakeDump
{
    /// <summary>Wrong drafts of answerable questions, and answers given to unanswerable ones.</summary>
    public static string Write(IReadOnlyList<OutOfFoldOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var builder = new StringBuilder();
        foreach (var o in outcomes.Where(o => o.Rows.Question.Answerable ? !o.Correct : o.Answered))
        {
            var q = o.Rows.Question;
            builder.Append(CultureInfo.InvariantCulture, $"## {q.Set} {q.Type} {q.Id} kind={o.Rows.Reading.Kind} gate={o.Confidence:0.00} answered={o.Answered}\n");
            builder.Append("Q: ").Append(q.Text).Append('\n');
            if (q.Answerable)
            {
                builder.Append("A: ").AppendJoin(" | ", q.Answers).Append('\n');
            }

            var ranked = DraftComposer.Ranked(o.Rows.Candidates);
            for (var i = 0; i < ranked.Count && i < 4; i++)
            {
                var index = o.Rows.Candidates.ToList().IndexOf(ranked[i]);
                builder.Append(CultureInfo.InvariantCulture, $"  {(o.Rows.Labels[index] ? '+' : '-')} {ranked[i].Probability:0.000} p{ranked[i].PassageIndex}s{ranked[i].SentenceIndex} {ranked[i].Sentence}\n");
            }

            foreach (var (candidate, i) in o.Rows.Candidates.Select((c, i) => (c, i)).Where(x => o.Rows.Labels[x.i] && ranked.IndexOf(x.c) >= 4).Take(2))
            {
                builder.Append(CultureInfo.InvariantCulture, $"  + {candidate.Probability:0.000} (rank {ranked.IndexOf(candidate) + 1}) {candidate.Sentence}\n");
            }

            builder.Append('\n');
        }

        return builder.ToString();
    }
}
