using System.Globalization;
using System.Text;
using System.Text.Json;
using ArticleBot.Core.Feedback;

namespace ArticleBot.Output;

/// <summary>The <c>feedback</c> command's output: a report for people, or eval-style JSON lines for tools.</summary>
public static class FeedbackOutput
{
    private const int WorstQuestions = 10;
    private const int AnswerPreview = 300;

    /// <summary>
    /// One object per rated answer, in the eval-file format: <c>question</c>, <c>answer</c>, <c>citations</c>,
    /// <c>vote</c> (<c>up</c>/<c>down</c>, the net verdict), <c>backend</c>, <c>at</c> (the last vote); plus the counts.
    /// </summary>
    public static string JsonLines(IReadOnlyList<RatedAnswer> rated)
    {
        ArgumentNullException.ThrowIfNull(rated);
        var builder = new StringBuilder();
        foreach (var r in rated)
        {
            builder.AppendLine(JsonSerializer.Serialize(new
            {
                question = r.Question,
                answer = r.Answer,
                citations = r.Citations.Select(c => new { n = c.N, passageId = c.PassageId, source = c.Source, section = c.Section, start = c.Start, end = c.End, quote = c.Quote }),
                vote = r.Verdict == Vote.Up ? "up" : "down",
                backend = r.Backend,
                at = r.LastVoteAt.ToString("O", CultureInfo.InvariantCulture),
                up = r.Up,
                down = r.Down,
                surface = r.Surface,
                id = r.Id,
            }, JsonOutput.Options));
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>Counts, the worst-rated questions, and the answers readers marked not helpful.</summary>
    public static string Report(IReadOnlyList<RatedAnswer> rated, string? location)
    {
        ArgumentNullException.ThrowIfNull(rated);
        var builder = new StringBuilder();
        if (rated.Count == 0)
        {
            return location is null
                ? "Ratings are off: set Feedback:DatabasePath or Corpus:CachePath."
                : $"No ratings yet ({location}). Readers rate answers with the Discord buttons or /good and /bad in the chat.";
        }

        builder.AppendLine(CultureInfo.InvariantCulture, $"{rated.Count} rated answers: {rated.Sum(r => r.Up)} helpful, {rated.Sum(r => r.Down)} not helpful votes ({location})");
        builder.AppendLine().AppendLine("Worst-rated questions:");
        foreach (var question in rated.GroupBy(r => r.Question, StringComparer.Ordinal)
                     .Select(g => (Question: g.Key, Up: g.Sum(r => r.Up), Down: g.Sum(r => r.Down)))
                     .Where(q => q.Down > 0)
                     .OrderBy(q => q.Up - q.Down).ThenByDescending(q => q.Down).Take(WorstQuestions))
        {
            builder.AppendLine(CultureInfo.InvariantCulture, $"  {question.Up - question.Down,3:+0;-0;0}  {question.Question}  ({question.Up} up, {question.Down} down)");
        }

        var bad = rated.Where(r => r.Verdict == Vote.Down).ToList();
        builder.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Answers marked not helpful ({bad.Count}):");
        foreach (var r in bad)
        {
            var answer = r.Answer.Length > AnswerPreview ? Core.Text.TextCut.AtMost(r.Answer, AnswerPreview) + "…" : r.Answer;
            builder.AppendLine(CultureInfo.InvariantCulture, $"- {r.Question}  ({r.Up} up, {r.Down} down; {r.Backend}, {r.Surface}, {r.LastVoteAt:yyyy-MM-dd HH:mm}Z)");
            builder.AppendLine(CultureInfo.InvariantCulture, $"    {answer.ReplaceLineEndings(" ")}");
        }

        builder.AppendLine().Append("`feedback --json` writes them as eval-style lines, to turn bad answers into test questions.");
        return builder.ToString();
    }
}
