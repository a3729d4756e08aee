using ArticleBot.Core.Reading.Models;
using ArticleBot.Core.Text;
using Lucene.Net.Analysis.En;

namespace ArticleBot.Core.Claims;

/// <summary>
/// What a Chinese claim's one unsaid slot shows, as the learned refutation model reads it (<see cref="SlotRefutation"/>):
/// the claim's words in the slot (<see cref="ClaimGap.Claimed"/>), the sentence's words there (<see cref="ClaimGap.Said"/>),
/// and how the rest of the claim sits in the sentence.
/// </summary>
public static class SlotRefutationFeatures
{
    /// <summary>The feature names, in vector order (the model file lists them; a retrained model must match).</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "Share",            // the claim's words (by weight) that the sentence says
        "Strong",           // the claim's strong words said whole
        "Figure",           // 1 when a figure of the claim holds in the sentence
        "ClaimedChars",     // the slot's characters in the claim
        "SaidChars",        // the slot's characters in the sentence
        "SharedChars",      // the claim's slot characters the sentence's slot writes too (a paraphrase shares some: 转化成 / 转化为)
        "SaidInClaim",      // the sentence's slot characters the claim writes anywhere
        "ClaimedElsewhere", // other sentences of the article that write the claim's slot (up to 5): a word of the article, put in the wrong place
        "ClaimedInPassage", // 1 when the sentence's passage writes the claim's slot elsewhere
        "ClaimedWord",      // 1 when the claim's slot is one dictionary word
        "SaidWord",         // 1 when the sentence's slot is one dictionary word
        "GlossShared",      // 1 when the two slots' dictionary glosses share a content word (a synonym)
        "ClaimedName",      // 1 when the claim's slot is a name
        "SaidName",         // 1 when the sentence's slot holds a name
        "Focus",            // 1 when the slot is a cleft's focus or a copula's name
        "Position",         // where the slot starts in the claim (0 first, 1 last)
        "ClaimChars",       // the claim's aligned length
        "Bigrams",          // the claim's character bigrams the sentence holds
        "Hidden",           // 1 when the slot is of words the search dropped (never weighed by Share)
        "RestShare",        // the claim's words outside the slot (by weight) that the sentence says
    ];

    /// <summary>A feature's index.</summary>
    public static int IndexOf(string name) => Names.ToList().IndexOf(name);

    /// <summary>The share of <paramref name="piece"/>'s distinct characters that <paramref name="other"/> writes.</summary>
    public static double CharacterShare(string piece, string other)
    {
        ArgumentNullException.ThrowIfNull(piece);
        ArgumentNullException.ThrowIfNull(other);
        var distinct = piece.Where(char.IsLetterOrDigit).Distinct().ToList();
        return distinct.Count == 0 ? 0 : distinct.Count(c => other.Contains(c, StringComparison.Ordinal)) / (double)distinct.Count;
    }

    /// <summary>
    /// Whether two Chinese texts have dictionary glosses that share a content word (方法 / 手段: "method", "means"),
    /// English stop words left out. Each text is read as its dictionary words, longest first.
    /// </summary>
    public static bool GlossesShare(WordGlosses glosses, string a, string b)
    {
        ArgumentNullException.ThrowIfNull(glosses);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var first = GlossWords(glosses, a);
        return first.Count > 0 && GlossWords(glosses, b).Overlaps(first);
    }

    private static HashSet<string> GlossWords(WordGlosses glosses, string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < text.Length;)
        {
            var n = Math.Min(WordGlosses.MaxWordLength, text.Length - i);
            while (n > 1 && !glosses.IsWord(text.Substring(i, n)))
            {
                n--;
            }

            if (n > 1 || CharClass.IsHan(text[i]))
            {
                foreach (var word in (glosses.GlossesOf(text.Substring(i, n)) ?? string.Empty).Split(s_separators, StringSplitOptions.RemoveEmptyEntries))
                {
                    var lower = word.ToLowerInvariant();
                    if (lower.Length > 2 && lower.All(char.IsLetter) && !EnglishAnalyzer.DefaultStopSet.Contains(lower))
                    {
                        words.Add(lower);
                    }
                }
            }

            i += n;
        }

        return words;
    }

    private static readonly char[] s_separators = [' ', '/', ';', ',', '(', ')', '.', '"', '\''];
}

/// <summary>
/// Decides whether a Chinese claim is refuted by its one unsaid slot: the sentence that says the rest of the claim
/// writes other words where the claim has its own (字石生 where the claim says 字文毅), and those are another value,
/// not the claim's words said another way. Words alone cannot tell the two apart (<see cref="ClaimGapJudge"/> leaves such
/// a slot unsaid); a model learned from claims made from thousands of public questions (src/ArticleBot.Training,
/// <c>claim-slot.trees</c>) reads the slot, with the threshold at which its "No" was right <see cref="TargetPrecision"/>
/// of the time on articles it never saw. Without a usable model file, no slot refutes a claim this way.
/// </summary>
public sealed class SlotRefutation
{
    /// <summary>The model's resource name.</summary>
    public const string File = "claim-slot.trees";

    /// <summary>
    /// The share of its "No" that must be right, out of fold, for the threshold. A true claim answered "No" is what a
    /// fact check must not do, so the bar is higher than the support model's for "Yes".
    /// </summary>
    public const double TargetPrecision = 0.95;

    private static readonly Lazy<SlotRefutation> s_shipped = new(() => Load(null));

    private SlotRefutation(IProbabilityModel? model, double threshold, string? problem)
    {
        Model = model;
        Threshold = threshold;
        Problem = problem;
    }

    /// <summary>No model: no slot refutes a claim (what training measures the verifier with, and the fallback).</summary>
    public static SlotRefutation None { get; } = new(null, 1, null);

    /// <summary>The model shipped in the assembly (none, with a problem noted, should it be damaged).</summary>
    public static SlotRefutation Shipped => s_shipped.Value;

    /// <summary>The learned model, or null.</summary>
    public IProbabilityModel? Model { get; }

    /// <summary>The probability at or above which the slot refutes the claim.</summary>
    public double Threshold { get; }

    /// <summary>Why no model is used, or null.</summary>
    public string? Problem { get; }

    /// <summary>The model <paramref name="trees"/>, its threshold read off its out-of-fold precision curve.</summary>
    /// <exception cref="FormatException">It reads other features than <see cref="SlotRefutationFeatures.Names"/>.</exception>
    public static SlotRefutation FromTrees(TreeEnsemble trees)
    {
        ArgumentNullException.ThrowIfNull(trees);
        return new SlotRefutation(new TreeModel(trees.Reading(SlotRefutationFeatures.Names)), trees.Threshold(TargetPrecision), null);
    }

    /// <summary>Loads the model from <paramref name="folder"/> when given, else from the assembly; none when it cannot be used.</summary>
    public static SlotRefutation Load(string? folder)
    {
        try
        {
            return FromTrees(TreeEnsemble.Load(folder, File, SlotRefutationFeatures.Names));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
        {
            var where = folder is null ? $"the built-in {File}" : Path.Combine(folder, File);
            return new SlotRefutation(null, 1, $"{where} could not be used ({ex.Message}); a claim's slot filled otherwise in the article is answered \"not in the article\" instead of \"No\".");
        }
    }

    /// <summary>The probability that the slot refutes the claim, or null without a model.</summary>
    public double? Probability(ReadOnlySpan<float> features) => Model?.Probability(features);

    /// <summary>Whether the slot refutes the claim: the model at its threshold.</summary>
    public bool Refutes(ReadOnlySpan<float> features) => Model is { } model && model.Probability(features) >= Threshold;
}
