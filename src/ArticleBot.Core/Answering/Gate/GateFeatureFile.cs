using System.Globalization;

namespace ArticleBot.Core.Answering.Gate;

/// <summary>
/// The tab-separated rows <c>eval --gate-features</c> writes and <c>fit-gate</c> reads: a header, then per
/// question its id, whether the drafted answer was right (1/0), and the features in <see cref="GateFeatures.Names"/> order.
/// </summary>
public static class GateFeatureFile
{
    /// <summary>The header line.</summary>
    public static string Header { get; } = "id\tright\t" + string.Join('\t', GateFeatures.Names);

    /// <summary>One row.</summary>
    public static string Row(string id, bool right, GateFeatures features)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(features);
        return string.Join('\t', new[] { id.Replace('\t', ' '), right ? "1" : "0" }.Concat(features.ToVector().Select(v => v.ToString("0.####", CultureInfo.InvariantCulture))));
    }

    /// <summary>
    /// Why the rows of one or more files cannot be fitted, or null: a logistic model needs drafts that were right and
    /// drafts that were wrong; with one class only it would just learn to say that class, without any warning.
    /// </summary>
    public static string? CannotFit(IReadOnlyCollection<(double[] X, bool Right)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return "the files hold no rows.";
        }

        var right = rows.Count(r => r.Right);
        return right == 0 || right == rows.Count
            ? $"all {rows.Count} rows are {(right == 0 ? "wrong (0)" : "right (1)")}: fitting needs drafts that were right and drafts that were wrong (run eval with --Retrieval:TargetPrecision=0 on a set with both)."
            : null;
    }

    /// <summary>Reads the rows of a file written with <see cref="Header"/> and <see cref="Row"/>.</summary>
    /// <exception cref="FormatException">The header or a row does not match, or a feature is not a finite number; the message names the line.</exception>
    public static IReadOnlyList<(double[] X, bool Right)> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.ReadLine() != Header)
        {
            throw new FormatException("line 1: not a gate feature file (the header differs; was it written by another version?)");
        }

        var rows = new List<(double[], bool)>();
        var number = 1;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != GateFeatures.Names.Count + 2 || fields[1] is not ("0" or "1"))
            {
                throw new FormatException($"line {number}: expected an id, 0 or 1, and {GateFeatures.Names.Count} numbers");
            }

            var x = new double[GateFeatures.Names.Count];
            for (var i = 0; i < x.Length; i++)
            {
                if (!double.TryParse(fields[i + 2], NumberStyles.Float, CultureInfo.InvariantCulture, out x[i]) || !double.IsFinite(x[i]))
                {
                    // NaN and Infinity parse as numbers, and one of them turns every weight of the fit into NaN.
                    throw new FormatException($"line {number}: {GateFeatures.Names[i]} is '{fields[i + 2]}', not a finite number");
                }
            }

            rows.Add((x, fields[1] == "1"));
        }

        return rows;
    }
}
