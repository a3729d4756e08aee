using System.Globalization;
using System.Text;
using ArticleBot.Training.Learning;

namespace ArticleBot.Training.Reports;

/// <summary>Out-of-fold figures for one group of questions (a set, a language, a kind, a kind of unanswerable question).</summary>
/// <param name="Group">What the group is.</param>
/// <param name="Answerable">Answerable questions.</param>
/// <param name="Unanswerable">Unanswerable questions.</param>
/// <param name="Reachable">Share of answerable ones with the answer in a retrieved sentence.</param>
/// <param name="OpenAccuracy">Share of answerable ones whose draft is right, the gate open.</param>
/// <param name="Accuracy">Share of answerable ones answered, and right.</param>
/// <param name="FirstSentence">Share answered with the answer in the first sentence.</param>
/// <param name="FalseAbstention">Share of answerable ones refused.</param>
/// <param name="Abstention">Share of unanswerable ones refused.</param>
/// <param name="Precision">Share of answers given that are right (an answer to an unanswerable question is wrong).</param>
public sealed record GroupFigures(string Group, int Answerable, int Unanswerable, double Reachable, double OpenAccuracy, double Accuracy, double FirstSentence, double FalseAbstention, double Abstention, double Precision);

/// <summary>
/// The out-of-fold figures, by set, language, kind of question and kind of unanswerable question. The tables by set,
/// language and kind are over the questions the threshold is read on (<see cref="Data.TrainingQuestion.SetsThreshold"/>:
/// the evaluation sets' mix); the table by kind of unanswerable question has every kind made.
/// </summary>
public sealed class OutOfFoldReport(IReadOnlyList<OutOfFoldOutcome> outcomes)
{
    private readonly IReadOnlyList<OutOfFoldOutcome> _mix = [.. outcomes.Where(o => o.Rows.Question.SetsThreshold)];

    /// <summary>The figures of each question set (drcd, cmrc, xquad-zh, xquad-en) and of all.</summary>
    public IReadOnlyList<GroupFigures> BySet => [.. _mix.GroupBy(o => o.Rows.Question.Set).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Figures(g.Key, [.. g])), Figures("all", _mix)];

    /// <summary>By the language the questions are asked in.</summary>
    public IReadOnlyList<GroupFigures> ByLanguage => [.. _mix.GroupBy(o => o.Rows.Question.Language).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Figures(g.Key, [.. g]))];

    /// <summary>By the kind of answer asked for.</summary>
    public IReadOnlyList<GroupFigures> ByKind => [.. _mix.GroupBy(o => o.Rows.Reading.Kind.ToString()).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Figures(g.Key, [.. g]))];

    /// <summary>Abstention by how the unanswerable question was made, per set.</summary>
    public IReadOnlyList<GroupFigures> ByUnanswerableType => [.. outcomes.Where(o => !o.Rows.Question.Answerable)
        .GroupBy(o => o.Rows.Question.Set + " " + o.Rows.Question.Type).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Figures(g.Key, [.. g]))];

    /// <summary>The figures of a group.</summary>
    public static GroupFigures Figures(string name, IReadOnlyList<OutOfFoldOutcome> group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var answerable = group.Where(o => o.Rows.Question.Answerable).ToList();
        var unanswerable = group.Where(o => !o.Rows.Question.Answerable).ToList();
        double Share(IReadOnlyCollection<OutOfFoldOutcome> set, Func<OutOfFoldOutcome, bool> predicate) => set.Count == 0 ? double.NaN : set.Count(predicate) / (double)set.Count;
        var given = group.Where(o => o.Answered).ToList();
        return new GroupFigures(
            name,
            answerable.Count,
            unanswerable.Count,
            Share(answerable, o => o.Rows.Reachable),
            Share(answerable, o => o.Correct),
            Share(answerable, o => o.Answered && o.Correct),
            Share(answerable, o => o.Answered && o.FirstCorrect),
            Share(answerable, o => !o.Answered),
            Share(unanswerable, o => !o.Answered),
            Share(given, o => o.Correct));
    }

    /// <summary>The target precisions the trade-off table shows.</summary>
    public static IReadOnlyList<double> TradeOffTargets { get; } = [0.7, 0.75, 0.78, 0.8, 0.82, 0.84, 0.86, 0.88, 0.9];

    /// <summary>Each set's figures at each of <see cref="TradeOffTargets"/>, from <paramref name="atTarget"/>.</summary>
    public static IReadOnlyList<GroupFigures> TradeOff(Func<double, IReadOnlyList<OutOfFoldOutcome>> atTarget)
    {
        ArgumentNullException.ThrowIfNull(atTarget);
        return [.. TradeOffTargets.SelectMany(t => new OutOfFoldReport(atTarget(t)).BySet.Select(f => f with { Group = string.Create(CultureInfo.InvariantCulture, $"{t:0.00} {f.Group}") }))];
    }

    /// <summary>The trade-off rows to show with the report (empty when not measured).</summary>
    public IReadOnlyList<GroupFigures> TradeOffRows { get; init; } = [];

    /// <summary>The report as Markdown tables.</summary>
    public string ToMarkdown()
    {
        var builder = new StringBuilder();
        void Table(string title, IReadOnlyList<GroupFigures> rows)
        {
            builder.Append("\n### ").Append(title).Append("\n\n");
            builder.Append("| group | answerable | unanswerable | reachable | accuracy, gate open | accuracy | first sentence | false abstention | abstention | precision |\n");
            builder.Append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            foreach (var r in rows)
            {
                builder.Append(CultureInfo.InvariantCulture, $"| {r.Group} | {r.Answerable} | {r.Unanswerable} | {F(r.Reachable)} | {F(r.OpenAccuracy)} | {F(r.Accuracy)} | {F(r.FirstSentence)} | {F(r.FalseAbstention)} | {F(r.Abstention)} | {F(r.Precision)} |\n");
            }
        }

        Table("By set", BySet);
        Table("By language", ByLanguage);
        Table("By kind of answer asked for", ByKind);
        Table("Unanswerable questions, by how they were made", ByUnanswerableType);
        if (TradeOffRows.Count > 0)
        {
            Table("Trading precision for recall: each set at other target precisions (Retrieval:TargetPrecision)", TradeOffRows);
        }

        return builder.ToString();
    }

    /// <summary>A figure with three decimals, or a dash when it does not apply.</summary>
    public static string F(double value) => double.IsNaN(value) ? "–" : value.ToString("0.000", CultureInfo.InvariantCulture);
}
