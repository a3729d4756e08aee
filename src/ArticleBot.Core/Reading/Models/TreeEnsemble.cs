using System.Globalization;
using System.Text;

namespace ArticleBot.Core.Reading.Models;

/// <summary>
/// A boosted ensemble of regression trees with a Platt calibrator: the shape ML.NET's FastTree binary trainer
/// produces, written by the training tool (<c>src/ArticleBot.Training</c>) into a small text file and evaluated here
/// without ML.NET, so the bot pays neither ML.NET's load time nor its size for a few hundred comparisons.
/// </summary>
/// <remarks>
/// The file is line based, numbers in invariant culture with round-trip precision:
/// <code>
/// #articlebot-trees v1
/// # free comment lines: what the model is, the data and licences it was fitted on, its out-of-fold figures
/// name sentence-ranker
/// features 3 Coverage Rank HasKind
/// calibration -1.7 0.2          (p = 1 / (1 + exp(a·score + b)))
/// curve 0.61 0.70 …            (optional: out-of-fold precision of answers scoring ≥ 1/40, 2/40 … 39/40)
/// trees 2
/// tree 3                        (leaves; internal nodes = leaves − 1)
/// split 0 2                     (feature index of each internal node)
/// threshold 0.5 0.5             (go left when value ≤ threshold)
/// left -1 -2                    (child of each node: ≥ 0 an internal node, &lt; 0 the leaf ~child)
/// right 1 -3
/// leaf 0.1 -0.2 0.3
/// </code>
/// </remarks>
public sealed class TreeEnsemble
{
    /// <summary>The first line of every model file.</summary>
    public const string Header = "#articlebot-trees v1";

    private readonly Tree[] _trees;

    /// <summary>Creates an ensemble.</summary>
    public TreeEnsemble(string name, IReadOnlyList<string> features, IReadOnlyList<Tree> trees, double calibrationA, double calibrationB, IReadOnlyList<double>? precisionCurve = null, IReadOnlyList<string>? comments = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(trees);
        Name = name;
        Features = features;
        _trees = [.. trees];
        CalibrationA = calibrationA;
        CalibrationB = calibrationB;
        PrecisionCurve = precisionCurve ?? [];
        Comments = comments ?? [];
        foreach (var tree in _trees)
        {
            tree.Validate(features.Count);
        }
    }

    /// <summary>What the model is for (sentence-ranker, answer-gate).</summary>
    public string Name { get; }

    /// <summary>The feature names, in the order the model reads them.</summary>
    public IReadOnlyList<string> Features { get; }

    /// <summary>The trees.</summary>
    public IReadOnlyList<Tree> Trees => _trees;

    /// <summary>The calibrator's slope: p = 1 / (1 + exp(a·score + b)).</summary>
    public double CalibrationA { get; }

    /// <summary>The calibrator's offset.</summary>
    public double CalibrationB { get; }

    /// <summary>
    /// Out-of-fold precision of the answers whose probability reached 1/40, 2/40 … 39/40 (empty when not measured):
    /// how a target precision becomes a threshold without looking at the rows it is judged on.
    /// </summary>
    public IReadOnlyList<double> PrecisionCurve { get; }

    /// <summary>The comment lines of the file (what it was fitted on, its licences, its figures).</summary>
    public IReadOnlyList<string> Comments { get; }

    /// <summary>The raw score: the sum of the trees' outputs.</summary>
    public double Score(ReadOnlySpan<float> features)
    {
        if (features.Length != Features.Count)
        {
            throw new ArgumentException($"The model '{Name}' reads {Features.Count} features, not {features.Length}.", nameof(features));
        }

        double sum = 0;
        foreach (var tree in _trees)
        {
            sum += tree.Evaluate(features);
        }

        return sum;
    }

    /// <summary>The calibrated probability (0..1) that the row is positive.</summary>
    public double Probability(ReadOnlySpan<float> features) => 1 / (1 + Math.Exp((CalibrationA * Score(features)) + CalibrationB));

    /// <summary>
    /// The least probability at which, out of fold, the answers given were right at least <paramref name="targetPrecision"/>
    /// of the time (the lowest point of the curve that reaches it; its highest when none does). Without a curve the
    /// target itself is the threshold; 0 or less answers everything.
    /// </summary>
    public double Threshold(double targetPrecision)
    {
        if (targetPrecision <= 0)
        {
            return 0;
        }

        if (PrecisionCurve.Count == 0)
        {
            return targetPrecision;
        }

        for (var i = 0; i < PrecisionCurve.Count; i++)
        {
            if (PrecisionCurve[i] >= targetPrecision)
            {
                return (i + 1) / (double)(PrecisionCurve.Count + 1);
            }
        }

        return PrecisionCurve.Count / (double)(PrecisionCurve.Count + 1);
    }

    /// <summary>Writes the model in its text format.</summary>
    public string Write()
    {
        var builder = new StringBuilder();
        builder.Append(Header).Append('\n');
        foreach (var comment in Comments)
        {
            builder.Append("# ").Append(comment).Append('\n');
        }

        builder.Append("name ").Append(Name).Append('\n');
        builder.Append("features ").Append(Features.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var feature in Features)
        {
            builder.Append(' ').Append(feature);
        }

        builder.Append('\n');
        builder.Append("calibration ").Append(Number(CalibrationA)).Append(' ').Append(Number(CalibrationB)).Append('\n');
        if (PrecisionCurve.Count > 0)
        {
            builder.Append("curve ").AppendJoin(' ', PrecisionCurve.Select(Number)).Append('\n');
        }

        builder.Append("trees ").Append(_trees.Length.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var tree in _trees)
        {
            builder.Append("tree ").Append(tree.Leaves.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
            builder.Append("split ").AppendJoin(' ', tree.SplitFeatures.Select(i => i.ToString(CultureInfo.InvariantCulture))).Append('\n');
            builder.Append("threshold ").AppendJoin(' ', tree.Thresholds.Select(t => Number(t))).Append('\n');
            builder.Append("left ").AppendJoin(' ', tree.Left.Select(i => i.ToString(CultureInfo.InvariantCulture))).Append('\n');
            builder.Append("right ").AppendJoin(' ', tree.Right.Select(i => i.ToString(CultureInfo.InvariantCulture))).Append('\n');
            builder.Append("leaf ").AppendJoin(' ', tree.Leaves.Select(Number)).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>
    /// Reads the model <paramref name="file"/> from <paramref name="folder"/> (a retrained one), or the one built into
    /// the assembly when the folder is null, and checks that it reads <paramref name="features"/>.
    /// </summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="FormatException">It is not a model file, is damaged, or reads other features; the message says which.</exception>
    public static TreeEnsemble Load(string? folder, string file, IReadOnlyList<string> features)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(features);
        string text;
        if (folder is null)
        {
            using var reader = new StreamReader(EmbeddedResources.Open("models/" + file));
            text = reader.ReadToEnd();
        }
        else
        {
            text = File.ReadAllText(Path.Combine(folder, file));
        }

        return Read(text).Reading(features);
    }

    /// <summary>This model, when it reads <paramref name="features"/>.</summary>
    /// <exception cref="FormatException">It reads others (a model of another version, or another model).</exception>
    public TreeEnsemble Reading(IReadOnlyList<string> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return Features.SequenceEqual(features, StringComparer.Ordinal) ? this
            : throw new FormatException($"it reads other features than this version computes ({Features.Count} vs {features.Count}); retrain it with src/ArticleBot.Training");
    }

    /// <summary>Reads a model written by <see cref="Write"/>.</summary>
    /// <exception cref="FormatException">The text is not a model file, or is damaged; the message says where.</exception>
    public static TreeEnsemble Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        var at = 0;
        string Next()
        {
            while (at < lines.Length && lines[at].TrimEnd('\r') is var line && (line.Length == 0 || (line[0] == '#' && at > 0)))
            {
                at++;
            }

            return at < lines.Length ? lines[at++].TrimEnd('\r') : throw new FormatException("the model file ends early");
        }

        if (lines.Length == 0 || lines[0].TrimEnd('\r') != Header)
        {
            throw new FormatException($"not a model file (its first line is not '{Header}')");
        }

        at = 1;
        var comments = new List<string>();
        while (at < lines.Length && lines[at].StartsWith('#'))
        {
            comments.Add(lines[at].TrimEnd('\r').TrimStart('#').TrimStart(' '));
            at++;
        }

        var name = Field(Next(), "name");
        var featureLine = Field(Next(), "features").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var count = Integer(featureLine[0], "features");
        if (featureLine.Length != count + 1)
        {
            throw new FormatException($"line {at}: {count} features announced, {featureLine.Length - 1} named");
        }

        var calibration = Numbers(Field(Next(), "calibration"), at);
        if (calibration.Length != 2)
        {
            throw new FormatException($"line {at}: the calibration needs two numbers");
        }

        var line = Next();
        IReadOnlyList<double> curve = [];
        if (line.StartsWith("curve ", StringComparison.Ordinal))
        {
            curve = Numbers(Field(line, "curve"), at);
            line = Next();
        }

        var treeCount = Integer(Field(line, "trees"), "trees");
        var trees = new List<Tree>(treeCount);
        for (var t = 0; t < treeCount; t++)
        {
            var leaves = Integer(Field(Next(), "tree"), "tree");
            var split = Integers(Field(Next(), "split"), at);
            var threshold = Numbers(Field(Next(), "threshold"), at);
            var left = Integers(Field(Next(), "left"), at);
            var right = Integers(Field(Next(), "right"), at);
            var leaf = Numbers(Field(Next(), "leaf"), at);
            if (leaf.Length != leaves)
            {
                throw new FormatException($"line {at}: tree {t} announces {leaves} leaves and has {leaf.Length}");
            }

            trees.Add(new Tree(split, [.. threshold.Select(v => (float)v)], left, right, leaf));
        }

        try
        {
            return new TreeEnsemble(name, featureLine[1..], trees, calibration[0], calibration[1], curve, comments);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException(ex.Message, ex);
        }
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Number(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Field(string line, string key) =>
        line.StartsWith(key + " ", StringComparison.Ordinal) || line == key
            ? line[Math.Min(line.Length, key.Length + 1)..]
            : throw new FormatException($"expected '{key} …', found '{(line.Length > 40 ? line[..40] + "…" : line)}'");

    private static int Integer(string text, string what) =>
        int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new FormatException($"'{what}' is not a count: '{text}'");

    private static int[] Integers(string text, int line)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var values = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out values[i]))
            {
                throw new FormatException($"line {line}: '{parts[i]}' is not an integer");
            }
        }

        return values;
    }

    private static double[] Numbers(string text, int line)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var values = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                throw new FormatException($"line {line}: '{parts[i]}' is not a finite number");
            }
        }

        return values;
    }

    /// <summary>One regression tree: internal nodes 0..leaves−2, each sending a row left when its feature is at most the threshold.</summary>
    /// <param name="SplitFeatures">The feature each internal node tests.</param>
    /// <param name="Thresholds">Its threshold.</param>
    /// <param name="Left">Its left child: an internal node (≥ 0) or the leaf <c>~child</c> (&lt; 0).</param>
    /// <param name="Right">Its right child, the same way.</param>
    /// <param name="Leaves">The output of each leaf.</param>
    public sealed record Tree(IReadOnlyList<int> SplitFeatures, IReadOnlyList<float> Thresholds, IReadOnlyList<int> Left, IReadOnlyList<int> Right, IReadOnlyList<double> Leaves)
    {
        // Arrays for evaluation: it runs for every candidate sentence of every question, and a list's interface
        // calls cost several times an array read.
        private readonly int[] _split = [.. SplitFeatures];
        private readonly float[] _threshold = [.. Thresholds];
        private readonly int[] _left = [.. Left];
        private readonly int[] _right = [.. Right];
        private readonly double[] _leaves = [.. Leaves];

        /// <summary>The tree's output for a row.</summary>
        public double Evaluate(ReadOnlySpan<float> features)
        {
            if (_split.Length == 0)
            {
                return _leaves[0];
            }

            var node = 0;
            while (node >= 0)
            {
                // NaN never goes left: a missing value follows the greater branch, as ML.NET's trees do.
                node = features[_split[node]] <= _threshold[node] ? _left[node] : _right[node];
            }

            return _leaves[~node];
        }

        /// <summary>Checks the tree's shape against the number of features, so a damaged file fails on load, not on a question.</summary>
        internal void Validate(int featureCount)
        {
            var internals = Leaves.Count - 1;
            if (Leaves.Count == 0 || SplitFeatures.Count != internals || Thresholds.Count != internals || Left.Count != internals || Right.Count != internals)
            {
                throw new ArgumentException($"A tree with {Leaves.Count} leaves needs {Math.Max(0, internals)} internal nodes in each of split, threshold, left and right.");
            }

            for (var i = 0; i < internals; i++)
            {
                if (SplitFeatures[i] < 0 || SplitFeatures[i] >= featureCount)
                {
                    throw new ArgumentException($"A tree splits on feature {SplitFeatures[i]} of {featureCount}.");
                }

                foreach (var child in new[] { Left[i], Right[i] })
                {
                    // Children point forward (no cycles) to an internal node, or to a leaf.
                    if ((child >= 0 && (child <= i || child >= internals)) || (child < 0 && ~child >= Leaves.Count))
                    {
                        throw new ArgumentException($"A tree's node {i} points to {child}, outside the tree.");
                    }
                }
            }
        }
    }
}
