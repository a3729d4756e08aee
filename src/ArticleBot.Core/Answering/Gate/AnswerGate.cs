using ArticleBot.Core.Reading.Models;

namespace ArticleBot.Core.Answering.Gate;

/// <summary>
/// Decides whether a drafted answer is given or the bot says the article does not cover the question. The learned
/// gate (<see cref="ReadingModels.Gate"/>) estimates the chance that the draft answers the question; the answer is
/// given when that reaches the threshold at which, out of fold (on articles the gate was not fitted on), the answers
/// given were right at least the target precision of the time. A higher target answers less often and is wrong less
/// often; a lower one answers more; 0 answers every draft.
/// Two refusals stay rules, because they are forced, not learned:
/// <list type="bullet">
/// <item>an English input that asks nothing (no question word, no question mark, at most three words: a product's
/// name, a mistyped command) states no question a quote could answer, so it gets the closest passages, never "the
/// article says". No public question is of that form, so the gate could not learn it;</item>
/// <item>"how many" or "how much" answered with a quote that holds no digit, no numeral, no word of quantity and no
/// number word (<c>Resources/words/reader.numerals.txt</c>): no count can be read from it. Of the public questions
/// asking how many in Chinese, all but a handful of gold answers hold one; the training applies the rule to its
/// out-of-fold figures too (<c>eval/train/REPORT.md</c>).</item>
/// </list>
/// </summary>
/// <param name="model">The gate model.</param>
/// <param name="targetPrecision">The share of answers given that should be right (0..1).</param>
public sealed class AnswerGate(IProbabilityModel model, double targetPrecision)
{
    /// <summary>The default target precision (<c>Retrieval:TargetPrecision</c>).</summary>
    public const double DefaultTargetPrecision = Search.RetrievalOptions.DefaultTargetPrecision;

    /// <summary>The share of answers given that should be right.</summary>
    public double TargetPrecision => targetPrecision;

    /// <summary>The probability an answer needs (from the target through the out-of-fold precision curve).</summary>
    public double Threshold { get; } = model.Threshold(targetPrecision);

    /// <summary>Decides on a draft from its gate features and the gate's probability.</summary>
    public GateDecision Decide(float[] features, double probability)
    {
        ArgumentNullException.ThrowIfNull(features);
        return new GateDecision(features, probability, probability >= Threshold && !Forced(features));
    }

    /// <summary>Whether a rule refuses the draft whatever its probability (the refusals above).</summary>
    public static bool Forced(float[] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return features[Reading.DraftFeatures.At.BareKeyword] > 0 || features[Reading.DraftFeatures.At.NoNumeral] > 0;
    }
}

/// <summary>What the gate decided for one drafted answer.</summary>
/// <param name="Features">The draft's gate features (<see cref="Reading.DraftFeatures.Names"/> order).</param>
/// <param name="Score">The estimated chance that it answers the question.</param>
/// <param name="Answered">True when the answer is given.</param>
public sealed record GateDecision(float[] Features, double Score, bool Answered);
