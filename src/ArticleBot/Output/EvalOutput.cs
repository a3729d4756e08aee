using System.Globalization;
using System.Text;
using System.Text.Json;
using ArticleBot.Core.Answering.Gate;
using ArticleBot.Core.Evaluation;

namespace ArticleBot.Output;

/// <summary>Renders an eval report as a table or as JSON.</summary>
public static class EvalOutput
{
    /// <summary>A fixed-width table, one row per language and one overall.</summary>
    public static string Table(EvalReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var builder = new StringBuilder();
        builder.AppendLine("lang      n  ans  hit@1  hit@3  hit@5  mrr@10  accuracy  first-sent  cite-prec  abstain  false-abst  quotes");
        foreach (var m in report.ByLanguage.Append(report.Overall))
        {
            builder.AppendLine(CultureInfo.InvariantCulture,
                $"{m.Language,-7} {m.Questions,3} {m.Answerable,4}  {F(m.HitAt1)}  {F(m.HitAt3)}  {F(m.HitAt5)}  {F(m.MrrAt10),6}  {F(m.AnswerAccuracy),8}  {F(m.FirstSentenceAccuracy),10}  {F(m.CitationPrecision),9}  {F(m.Abstention),7}  {F(m.FalseAbstention),10}  {F(m.QuoteFidelity),6}");
        }

        if (report.Calibration is { } calibration && calibration.Any(b => b.Count > 0))
        {
            builder.AppendLine().AppendLine("answer gate calibration (answers given, by estimated chance of being right):").AppendLine(CalibrationTable(calibration));
        }

        if (report.ByKind.Count > 0)
        {
            builder.AppendLine();
            builder.AppendLine("kind          n  right  accuracy");
            foreach (var k in report.ByKind)
            {
                builder.AppendLine(CultureInfo.InvariantCulture, $"{k.Kind,-10} {k.Questions,4} {k.Correct,6}  {F(k.Accuracy),8}");
            }
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>The gate's calibration: per score bin, how many answers and the share right.</summary>
    public static string CalibrationTable(IReadOnlyList<CalibrationBin> bins)
    {
        ArgumentNullException.ThrowIfNull(bins);
        var builder = new StringBuilder("score       n  right");
        foreach (var bin in bins.Where(b => b.Count > 0))
        {
            builder.AppendLine().Append(CultureInfo.InvariantCulture, $"{bin.From:0.0}-{bin.To:0.0}  {bin.Count,4}  {F(bin.ShareRight)}");
        }

        return builder.ToString();
    }

    /// <summary>The report as one JSON object: <c>{"overall": {...}, "byLanguage": [...]}</c>.</summary>
    public static string Json(EvalReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var calibration = (report.Calibration ?? []).Where(b => b.Count > 0).Select(b => new { from = b.From, to = b.To, count = b.Count, shareRight = R(b.ShareRight) });
        return JsonSerializer.Serialize(
            new
            {
                overall = Round(report.Overall),
                byLanguage = report.ByLanguage.Select(Round),
                byKind = report.ByKind.Select(k => new { kind = k.Kind, questions = k.Questions, correct = k.Correct, accuracy = R(k.Accuracy) }),
                gateCalibration = calibration,
            },
            JsonOutput.Options);
    }

    private static object Round(EvalMetrics m) => new
    {
        language = m.Language,
        questions = m.Questions,
        answerable = m.Answerable,
        hitAt1 = R(m.HitAt1),
        hitAt3 = R(m.HitAt3),
        hitAt5 = R(m.HitAt5),
        mrrAt10 = R(m.MrrAt10),
        answerAccuracy = R(m.AnswerAccuracy),
        citationPrecision = R(m.CitationPrecision),
        abstention = R(m.Abstention),
        falseAbstention = R(m.FalseAbstention),
        quoteFidelity = R(m.QuoteFidelity),
        firstSentenceAccuracy = R(m.FirstSentenceAccuracy),
    };

    private static double? R(double value) => double.IsNaN(value) ? null : Math.Round(value, 4);

    /// <summary>A metric with three decimals, or an en dash where it does not apply (no question it could be measured on).</summary>
    private static string F(double value) => double.IsNaN(value) ? "    –" : value.ToString("0.000", CultureInfo.InvariantCulture);
}
