using System.Globalization;
using ArticleBot.Core.Evaluation;
using Spectre.Console;

namespace ArticleBot.Output;

/// <summary>
/// Draws an eval report's answer-gate calibration and per-kind accuracy as bar charts, for a person at a terminal;
/// <see cref="EvalOutput.Table"/> stays the plain form for files and programs.
/// </summary>
public static class EvalCharts
{
    /// <summary>Writes the charts that apply to the report (none for a report without calibration or kinds).</summary>
    public static void Draw(IAnsiConsole console, EvalReport report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        if (report.Calibration is { } calibration && calibration.Any(b => b.Count > 0))
        {
            // A calibrated gate's bars rise with the score: each bin's share right should be about its score.
            var chart = new BarChart().Label("[bold]gate: share right by chance (answers)[/]").Width(72).WithMaxValue(1);
            foreach (var bin in calibration.Where(b => b.Count > 0))
            {
                chart.AddItem(string.Create(CultureInfo.InvariantCulture, $"{bin.From:0.0}-{bin.To:0.0} ({bin.Count})"), Math.Round(bin.ShareRight, 3), Color.Green);
            }

            console.WriteLine();
            console.Write(chart);
        }

        if (report.ByKind.Count > 0)
        {
            var chart = new BarChart().Label("[bold]accuracy by kind (questions)[/]").Width(72).WithMaxValue(1);
            foreach (var kind in report.ByKind)
            {
                chart.AddItem(string.Create(CultureInfo.InvariantCulture, $"{kind.Kind} ({kind.Questions})"), Math.Round(kind.Accuracy, 3), kind.Accuracy >= 2.0 / 3 ? Color.Green : Color.Red);
            }

            console.WriteLine();
            console.Write(chart);
        }
    }
}
