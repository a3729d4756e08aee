namespace ArticleBot.Core.Reading.Models;

/// <summary>A model that turns a feature vector into a probability.</summary>
public interface IProbabilityModel
{
    /// <summary>What the model is (for messages).</summary>
    string Name { get; }

    /// <summary>The feature names it reads, in order.</summary>
    IReadOnlyList<string> Features { get; }

    /// <summary>The probability (0..1) that the row is positive.</summary>
    double Probability(ReadOnlySpan<float> features);

    /// <summary>The probability at which answers were right <paramref name="targetPrecision"/> of the time, out of fold.</summary>
    double Threshold(double targetPrecision);
}

/// <summary>A learned tree ensemble as a probability model.</summary>
/// <param name="trees">The ensemble.</param>
public sealed class TreeModel(TreeEnsemble trees) : IProbabilityModel
{
    /// <summary>The ensemble.</summary>
    public TreeEnsemble Trees => trees;

    /// <inheritdoc/>
    public string Name => trees.Name;

    /// <inheritdoc/>
    public IReadOnlyList<string> Features => trees.Features;

    /// <inheritdoc/>
    public double Probability(ReadOnlySpan<float> features) => trees.Probability(features);

    /// <inheritdoc/>
    public double Threshold(double targetPrecision) => trees.Threshold(targetPrecision);
}

/// <summary>
/// The documented default, used only when a model file is missing or damaged (with a warning): a logistic score
/// over a few named features, the hand-set rule the learned models replaced (a sentence that covers the question and
/// holds the kind of thing asked for, in a well-retrieved passage). Its threshold is the target itself.
/// </summary>
/// <param name="name">What it stands in for.</param>
/// <param name="features">The feature names of the vectors it reads.</param>
/// <param name="bias">The intercept.</param>
/// <param name="weights">Weights by feature name; names not in <paramref name="features"/> are ignored.</param>
public sealed class FallbackModel(string name, IReadOnlyList<string> features, double bias, IReadOnlyDictionary<string, double> weights) : IProbabilityModel
{
    private readonly (int Index, double Weight)[] _weights = [.. weights.Select(w => (Index: features.ToList().IndexOf(w.Key), w.Value)).Where(w => w.Index >= 0)];

    /// <inheritdoc/>
    public string Name => name;

    /// <inheritdoc/>
    public IReadOnlyList<string> Features => features;

    /// <inheritdoc/>
    public double Probability(ReadOnlySpan<float> features)
    {
        var z = bias;
        foreach (var (index, weight) in _weights)
        {
            z += weight * features[index];
        }

        return 1 / (1 + Math.Exp(-z));
    }

    /// <inheritdoc/>
    public double Threshold(double targetPrecision) => Math.Max(0, targetPrecision);
}

/// <summary>The reader's two models: the sentence ranker and the answer gate.</summary>
/// <param name="Ranker">Scores candidate sentences: the chance each holds the answer.</param>
/// <param name="Gate">Scores drafts: the chance the draft answers the question.</param>
/// <param name="Problems">Why a model is the fallback (empty when both are the shipped or configured ones).</param>
public sealed record ReadingModels(IProbabilityModel Ranker, IProbabilityModel Gate, IReadOnlyList<string> Problems)
{
    /// <summary>The resource names of the shipped models.</summary>
    public const string RankerFile = "sentence-ranker.trees";

    /// <summary>The gate's file name.</summary>
    public const string GateFile = "answer-gate.trees";

    private static readonly Lazy<ReadingModels> s_shipped = new(() => Load(null));

    /// <summary>The models shipped in the assembly (the fallback with a problem noted, should one be damaged).</summary>
    public static ReadingModels Shipped => s_shipped.Value;

    /// <summary>The fallback ranker: coverage, wording and the kind asked for.</summary>
    public static IProbabilityModel FallbackRanker { get; } = new FallbackModel("fallback sentence ranker", SentenceFeatures.Names, -3,
        new Dictionary<string, double> { ["Coverage"] = 3, ["Wording"] = 2, ["HasKind"] = 1, ["PassageRelevance"] = 0.5, ["PassageRank"] = -0.1 });

    /// <summary>The fallback gate: the ranker's confidence and the coverage of the answer's passage.</summary>
    public static IProbabilityModel FallbackGate { get; } = new FallbackModel("fallback answer gate", DraftFeatures.Names, -4,
        new Dictionary<string, double> { ["Best"] = 3, ["PassageCoverage"] = 3, ["MissingShare"] = -3, ["StrongPair"] = 1 });

    /// <summary>
    /// Loads the models from <paramref name="folder"/> when given (a retrained pair), else from the assembly. A missing
    /// or damaged file, or one written for other features, gives the fallback for that model and a problem that says why.
    /// </summary>
    public static ReadingModels Load(string? folder)
    {
        var problems = new List<string>();
        var ranker = LoadOne(folder, RankerFile, SentenceFeatures.Names, FallbackRanker, problems);
        var gate = LoadOne(folder, GateFile, DraftFeatures.Names, FallbackGate, problems);
        return new ReadingModels(ranker, gate, problems);
    }

    private static IProbabilityModel LoadOne(string? folder, string file, IReadOnlyList<string> features, IProbabilityModel fallback, List<string> problems)
    {
        var where = folder is null ? $"the built-in {file}" : Path.Combine(folder, file);
        try
        {
            return new TreeModel(TreeEnsemble.Load(folder, file, features));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
        {
            problems.Add($"{where} could not be used ({ex.Message}); answering with the {fallback.Name}, a simpler rule that answers less well.");
            return fallback;
        }
    }
}
