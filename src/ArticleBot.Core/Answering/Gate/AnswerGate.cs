namespace ArticleBot.Core.Answering.Gate;

/// <summary>
/// Decides whether a drafted answer is given or the bot says the article does not cover the question. The model
/// estimates the chance that the answer is right; the answer is given when that reaches the threshold at which,
/// on the development data the model was fitted on, the answers given were right at least the target precision
/// of the time (<see cref="GateModel.Threshold"/>). A higher target answers less often and is wrong less often;
/// a lower one answers more. <c>eval</c> shows the model's calibration on any question set.
/// </summary>
/// <param name="model">The scoring model.</param>
/// <param name="targetPrecision">The share of answers given that should be right (0..1); 0 answers every draft.</param>
public sealed class AnswerGate(GateModel model, double targetPrecision)
{
    /// <summary>The default target precision (<c>Retrieval:TargetPrecision</c>).</summary>
    public const double DefaultTargetPrecision = Search.RetrievalOptions.DefaultTargetPrecision;

    private readonly double _threshold = model.Threshold(targetPrecision);

    /// <summary>The shipped model at the default target.</summary>
    public static AnswerGate Default { get; } = new(GateModel.Shipped, DefaultTargetPrecision);

    /// <summary>The share of answers given that should be right.</summary>
    public double TargetPrecision => targetPrecision;

    /// <summary>The score an answer needs (from the target precision through the model's precision curve).</summary>
    public double Threshold => _threshold;

    /// <summary>Scores a draft's features and decides.</summary>
    public GateDecision Decide(GateFeatures features)
    {
        var score = model.Score(features);
        var answered = score >= _threshold;
        return new GateDecision(features, score, answered);
    }
}

/// <summary>What the gate decided for one drafted answer.</summary>
/// <param name="Features">The draft's features.</param>
/// <param name="Score">The estimated chance that it is right.</param>
/// <param name="Answered">True when the answer is given.</param>
/// <param name="Vetoed">True when a rule refused the draft whatever its score (it lacks the number or date asked for).</param>
public sealed record GateDecision(GateFeatures Features, double Score, bool Answered, bool Vetoed = false);
