using ArticleBot.Core.Reading.Models;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace ArticleBot.Training.Learning;

/// <summary>One training row: a feature vector and its label.</summary>
/// <param name="Features">The features.</param>
/// <param name="Label">True for a positive row.</param>
public readonly record struct LabelledRow(float[] Features, bool Label);

/// <summary>The trainer's settings: gradient-boosted trees (ML.NET FastTree, binary, Platt-calibrated).</summary>
/// <param name="Trees">Boosting rounds.</param>
/// <param name="Leaves">Leaves per tree.</param>
/// <param name="MinLeafRows">The fewest rows a leaf may hold (keeps trees from learning single questions).</param>
/// <param name="LearningRate">Shrinkage.</param>
/// <param name="Seed">The random seed (with one thread, the same rows give the same model).</param>
/// <param name="RowFraction">The share of the rows each tree is fitted on (stochastic boosting); 1, all of them.</param>
public sealed record TreeSettings(int Trees = 200, int Leaves = 16, int MinLeafRows = 40, double LearningRate = 0.1, int Seed = 20261206, double RowFraction = 1);

/// <summary>
/// Fits a FastTree binary classifier with ML.NET and exports it as a <see cref="TreeEnsemble"/>: the trees (leaf values
/// scaled by their weights), the ensemble's bias folded into the calibrator, Platt's slope and offset. One thread and a
/// fixed seed make the result the same on every run; <see cref="Fit"/> checks the export against ML.NET's own predictions.
/// </summary>
public static class TreeTrainer
{
    /// <summary>Fits a model on rows whose vectors have <paramref name="featureNames"/>.</summary>
    public static TreeEnsemble Fit(string name, IReadOnlyList<string> featureNames, IReadOnlyList<LabelledRow> rows, TreeSettings settings, IReadOnlyList<string>? comments = null)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(settings);
        RequireBothLabels(name, rows);

        var ml = new MLContext(seed: settings.Seed);
        var data = Load(ml, featureNames.Count, rows);
        var transformer = ml.BinaryClassification.Trainers.FastTree(Configured(new FastTreeBinaryTrainer.Options(), settings)).Fit(data);
        var model = transformer.Model;
        var ensemble = model.SubModel.TrainedTreeEnsemble;
        var calibrator = (PlattCalibrator)model.Calibrator;
        var trees = Export(ensemble);

        // p = 1 / (1 + exp(slope·(score + bias) + offset)), ML.NET's Platt calibrator over the ensemble's output.
        var exported = new TreeEnsemble(name, featureNames, trees, calibrator.Slope, calibrator.Offset + (calibrator.Slope * ensemble.Bias), comments: comments);
        CheckAgainstMlNet(ml, transformer, data, exported, rows);
        return exported;
    }

    /// <summary>
    /// Fits a LambdaMART ranker (ML.NET FastTree ranking): trees that order each group's rows (one question's candidate
    /// sentences) so the positive comes first, rather than scoring rows one by one. Its scores are turned into
    /// probabilities by Platt scaling fitted on the same rows (<see cref="PlattScaling"/>), so the export reads as the
    /// binary models do. Rows must come group by group.
    /// </summary>
    public static TreeEnsemble FitRanking(string name, IReadOnlyList<string> featureNames, IReadOnlyList<LabelledRow> rows, IReadOnlyList<int> groups, TreeSettings settings, IReadOnlyList<string>? comments = null)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(settings);
        RequireBothLabels(name, rows);

        var ml = new MLContext(seed: settings.Seed);
        var schema = SchemaDefinition.Create(typeof(RankedRow));
        schema[nameof(RankedRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureNames.Count);
        var data = ml.Data.LoadFromEnumerable(rows.Select((r, i) => new RankedRow { Features = r.Features, Label = r.Label ? 1 : 0, Group = (uint)groups[i] }), schema);
        var keyed = ml.Transforms.Conversion.MapValueToKey("GroupId", nameof(RankedRow.Group)).Fit(data).Transform(data);
        var options = Configured(new FastTreeRankingTrainer.Options { LabelColumnName = nameof(RankedRow.Label), RowGroupColumnName = "GroupId" }, settings);
        var transformer = ml.Ranking.Trainers.FastTree(options).Fit(keyed);
        var ensemble = transformer.Model.TrainedTreeEnsemble;
        var trees = Export(ensemble);

        var raw = new TreeEnsemble(name, featureNames, trees, 1, 0);
        var scores = rows.Select(r => raw.Score(r.Features) + ensemble.Bias).ToArray();
        var predicted = ml.Data.CreateEnumerable<RankedPrediction>(transformer.Transform(ml.Data.TakeRows(keyed, 2000)), reuseRowObject: false).ToList();
        for (var i = 0; i < predicted.Count; i++)
        {
            if (Math.Abs(scores[i] - predicted[i].Score) > 1e-3 * Math.Max(1, Math.Abs(scores[i])))
            {
                throw new InvalidOperationException($"The exported {name} disagrees with ML.NET on row {i}: {scores[i]} vs {predicted[i].Score}.");
            }
        }

        var (a, b) = PlattScaling(scores, [.. rows.Select(r => r.Label)]);
        return new TreeEnsemble(name, featureNames, trees, a, b + (a * ensemble.Bias), comments: comments);
    }

    /// <summary>A model learns nothing from rows of one label: refused with a reason before ML.NET is asked.</summary>
    private static void RequireBothLabels(string name, IReadOnlyList<LabelledRow> rows)
    {
        if (rows.Count == 0 || rows.All(r => r.Label) || rows.All(r => !r.Label))
        {
            throw new InvalidOperationException($"The {name} needs positive and negative rows (it has {rows.Count(r => r.Label)} positive of {rows.Count}).");
        }
    }

    /// <summary>The settings every fit shares, on either trainer's options.</summary>
    private static T Configured<T>(T options, TreeSettings settings)
        where T : BoostedTreeOptions
    {
        options.NumberOfTrees = settings.Trees;
        options.NumberOfLeaves = settings.Leaves;
        options.MinimumExampleCountPerLeaf = settings.MinLeafRows;
        options.LearningRate = settings.LearningRate;
        options.NumberOfThreads = 1;
        options.Seed = settings.Seed;
        options.FeatureFraction = 1;
        // Row sampling (stochastic boosting: each tree fitted on a share of the rows) when asked; with one thread and
        // the seed, the samples, and so the fit, are the same on every run.
        options.BaggingSize = settings.RowFraction < 1 ? 1 : 0;
        options.BaggingExampleFraction = settings.RowFraction;
        return options;
    }

    /// <summary>ML.NET's trees as ours: the splits as they are, each leaf's value scaled by its tree's weight.</summary>
    private static List<TreeEnsemble.Tree> Export(RegressionTreeEnsemble ensemble)
    {
        var trees = new List<TreeEnsemble.Tree>(ensemble.Trees.Count);
        for (var t = 0; t < ensemble.Trees.Count; t++)
        {
            var tree = ensemble.Trees[t];
            var weight = ensemble.TreeWeights[t];
            trees.Add(new TreeEnsemble.Tree(
                [.. tree.NumericalSplitFeatureIndexes],
                [.. tree.NumericalSplitThresholds],
                [.. tree.LeftChild],
                [.. tree.RightChild],
                [.. tree.LeafValues.Select(v => v * weight)]));
        }

        return trees;
    }

    /// <summary>
    /// Platt's sigmoid p = 1 / (1 + exp(a·s + b)) fitted to scores and labels by Newton's method on the log loss, with
    /// Platt's smoothed targets (so separable data does not push the slope to infinity).
    /// </summary>
    public static (double A, double B) PlattScaling(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        var positives = labels.Count(l => l);
        var negatives = labels.Count - positives;
        double hi = (positives + 1.0) / (positives + 2.0), lo = 1.0 / (negatives + 2.0);
        double a = 0, b = Math.Log((negatives + 1.0) / (positives + 1.0));
        for (var iteration = 0; iteration < 100; iteration++)
        {
            double gA = 0, gB = 0, hAA = 1e-12, hAB = 0, hBB = 1e-12;
            for (var i = 0; i < scores.Count; i++)
            {
                var t = labels[i] ? hi : lo;
                var p = 1 / (1 + Math.Exp((a * scores[i]) + b));
                var d = t - p; // d(loss)/d(a·s+b) for p = σ(-(a·s+b))
                var w = p * (1 - p);
                gA += d * scores[i];
                gB += d;
                hAA += w * scores[i] * scores[i];
                hAB += w * scores[i];
                hBB += w;
            }

            var det = (hAA * hBB) - (hAB * hAB);
            if (det <= 0)
            {
                break;
            }

            var stepA = ((hBB * gA) - (hAB * gB)) / det;
            var stepB = ((hAA * gB) - (hAB * gA)) / det;
            a -= stepA;
            b -= stepB;
            if (Math.Abs(stepA) < 1e-9 && Math.Abs(stepB) < 1e-9)
            {
                break;
            }
        }

        return (a, b);
    }

    private sealed class RankedRow
    {
        public float Label { get; set; }

        public uint Group { get; set; }

        public float[] Features { get; set; } = [];
    }

    private sealed class RankedPrediction
    {
        public float Score { get; set; }
    }

    /// <summary>Proof the export reads rows as ML.NET does: the probabilities agree on (up to) the first 2,000 rows.</summary>
    private static void CheckAgainstMlNet(MLContext ml, ITransformer transformer, IDataView data, TreeEnsemble exported, IReadOnlyList<LabelledRow> rows)
    {
        var predictions = ml.Data.CreateEnumerable<Prediction>(transformer.Transform(ml.Data.TakeRows(data, 2000)), reuseRowObject: false).ToList();
        for (var i = 0; i < predictions.Count; i++)
        {
            var ours = exported.Probability(rows[i].Features);
            if (Math.Abs(ours - predictions[i].Probability) > 1e-4)
            {
                throw new InvalidOperationException($"The exported {exported.Name} disagrees with ML.NET on row {i}: {ours} vs {predictions[i].Probability}.");
            }
        }
    }

    private static IDataView Load(MLContext ml, int featureCount, IReadOnlyList<LabelledRow> rows)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return ml.Data.LoadFromEnumerable(rows.Select(r => new Row { Features = r.Features, Label = r.Label }), schema);
    }

    private sealed class Row
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = [];
    }

    private sealed class Prediction
    {
        public float Probability { get; set; }
    }
}
