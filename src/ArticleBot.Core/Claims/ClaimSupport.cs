using ArticleBot.Core.Reading.Models;

namespace ArticleBot.Core.Claims;

/// <summary>
/// What a Chinese claim's best sentence shows when nothing in it contradicts the claim, as the learned support model
/// reads it (<see cref="ClaimSupport"/>): how much of the claim the sentence says, and what it leaves unsaid.
/// </summary>
public static class ClaimSupportFeatures
{
    /// <summary>The feature names, in vector order (the model file lists them; a retrained model must match).</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "Share",          // the claim's words (by weight, with attributes and values) that the sentence says
        "Strong",         // the claim's strong words said whole
        "Groups",         // the claim's word groups
        "Margin",         // Share less the next best sentence's
        "Gaps",           // the claim's gaps that matter (ClaimAlignment, judged not slight)
        "GapShare",       // the characters of those gaps over the claim's aligned characters
        "SlotGap",        // 1 when a gap has a slot in the sentence holding other words
        "FocusGap",       // 1 when a cleft's focus or a copula's name is a gap
        "Hidden",         // 1 when the unsaid gap is of words the search dropped (never weighed by Share)
        "Bigrams",        // the claim's character bigrams the sentence holds (a measure that needs no dictionary)
        "ClaimChars",     // the claim's aligned length
        "SentenceChars",  // the sentence's length
        "Negated",        // 1 for a negative claim
        "Named",          // the claim's organisations, people and products
        "Clauses",        // the sentence's clauses holding the claim's words (a claim spread over clauses joins two facts)
        "Spread",         // the span from the first to the last of the claim's words, over the sentence's length
        "GapElsewhere",   // the gaps' characters another sentence of the article writes (a word of the article, put in the wrong place)
        "GapName",        // 1 when a gap's words are a name
        "SaidChars",      // the characters the sentence writes in the gaps' slots
    ];

    /// <summary>A feature's index.</summary>
    public static int IndexOf(string name) => Names.ToList().IndexOf(name);

    /// <summary>The character bigrams of <paramref name="claim"/> (letters and digits only) that <paramref name="sentence"/> holds, as a share.</summary>
    public static double BigramShare(string claim, string sentence)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(sentence);
        int total = 0, held = 0;
        for (var i = 0; i + 1 < claim.Length; i++)
        {
            if (!char.IsLetterOrDigit(claim[i]) || !char.IsLetterOrDigit(claim[i + 1]))
            {
                continue;
            }

            total++;
            held += sentence.AsSpan().IndexOf(claim.AsSpan(i, 2), StringComparison.Ordinal) >= 0 ? 1 : 0;
        }

        return total == 0 ? 0 : held / (double)total;
    }
}

/// <summary>
/// Decides whether the sentence that says most of a Chinese claim, and contradicts none of it, supports it: the
/// hand-set rule (the sentence says three quarters of the claim, and no gap of words the search dropped), checked by a
/// model learned from claims made from thousands of public questions (src/ArticleBot.Training,
/// <c>claim-support.trees</c>), with the threshold at which the "Yes" it let through was right
/// <see cref="TargetPrecision"/> of the time on articles it never saw. Without a usable model file, the rule alone.
/// </summary>
public sealed class ClaimSupport
{
    /// <summary>The model's resource name.</summary>
    public const string File = "claim-support.trees";

    /// <summary>
    /// The share of "Yes" that must be right, out of fold, for the threshold (a wrong "Yes" is the worst answer a fact
    /// check gives): at 0.875 the model withholds about a fifth of the rule's wrong "Yes" for a fourteenth of its right
    /// ones. eval/train/REPORT.md lists the other targets.
    /// </summary>
    public const double TargetPrecision = 0.875;

    /// <summary>The rule's share of a claim's words (by weight) that a supporting sentence says (hand-set on the development claims).</summary>
    public const double RuleShare = 0.75;

    private static readonly Lazy<ClaimSupport> s_shipped = new(() => Load(null));

    private ClaimSupport(IProbabilityModel? model, double threshold, string? problem)
    {
        Model = model;
        Threshold = threshold;
        Problem = problem;
    }

    /// <summary>The hand-set rule alone (what training measures the model against).</summary>
    public static ClaimSupport Rule { get; } = new(null, 0, null);

    /// <summary>The model shipped in the assembly (the rule, with a problem noted, should it be damaged).</summary>
    public static ClaimSupport Shipped => s_shipped.Value;

    /// <summary>The learned model, or null for the rule.</summary>
    public IProbabilityModel? Model { get; }

    /// <summary>The probability at or above which the claim is supported.</summary>
    public double Threshold { get; }

    /// <summary>Why the rule stands in for the model, or null.</summary>
    public string? Problem { get; }

    /// <summary>The model <paramref name="trees"/>, its threshold read off its out-of-fold precision curve.</summary>
    /// <exception cref="FormatException">It reads other features than <see cref="ClaimSupportFeatures.Names"/>.</exception>
    public static ClaimSupport FromTrees(TreeEnsemble trees)
    {
        ArgumentNullException.ThrowIfNull(trees);
        return new ClaimSupport(new TreeModel(trees.Reading(ClaimSupportFeatures.Names)), trees.Threshold(TargetPrecision), null);
    }

    /// <summary>Loads the model from <paramref name="folder"/> when given, else from the assembly; the rule when it cannot be used.</summary>
    public static ClaimSupport Load(string? folder)
    {
        try
        {
            return FromTrees(TreeEnsemble.Load(folder, File, ClaimSupportFeatures.Names));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
        {
            var where = folder is null ? $"the built-in {File}" : Path.Combine(folder, File);
            return new ClaimSupport(null, 0, $"{where} could not be used ({ex.Message}); claims are checked with the hand-set rule alone, which confirms more false claims.");
        }
    }

    /// <summary>The probability that the sentence supports the claim, or null under the rule.</summary>
    public double? Probability(ReadOnlySpan<float> features) => Model?.Probability(features);

    /// <summary>
    /// Whether the sentence supports the claim: the rule, and the model at its threshold. The model only withholds a
    /// "Yes" the rule would give: left to decide alone it confirmed more true claims made from the public questions,
    /// and also hand-written false claims (a name or word of the article in another slot) that the rule left unconfirmed.
    /// </summary>
    public bool Supports(ReadOnlySpan<float> features, double share, bool hidden) =>
        share >= RuleShare && !hidden && (Model is not { } model || model.Probability(features) >= Threshold);
}
