using ArticleBot.Core.ArticleTools;
using ArticleBot.Core.Claims;
using ArticleBot.Core.Reading.Models;
using ArticleBot.Core.Search;
using ArticleBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleBot.Core.Tests.Claims;

/// <summary>
/// A Chinese claim whose best sentence says all of it but one slot, which the sentence fills with other words, is the
/// learned refutation model's to decide: another value ("No", naming the article's words), or the claim's words said
/// another way (left to the support decision).
/// </summary>
public sealed class ClaimSlotRefutationTests
{
    private const string Article = """
        青石鎮志

        青石鎮的老碼頭在清末由商會修建，後來一直用作渡口。鎮上的學堂設有國文和算學兩科。
        """;

    private readonly WrittenArticle _article = WrittenArticle.Shared("slot", Article);

    /// <summary>A verifier that reads slots with <paramref name="refutation"/>.</summary>
    private ClaimVerifier VerifierWith(SlotRefutation refutation) => _article.VerifierWith(refutation: refutation);

    /// <summary>A model without trees: its probability is the calibration's alone; every threshold reached the target.</summary>
    private static SlotRefutation Sure(bool refutes) =>
        SlotRefutation.FromTrees(new TreeEnsemble("claim-slot", SlotRefutationFeatures.Names, [], 1, refutes ? -10 : 10, Enumerable.Repeat(0.99, 39).ToList()));

    private const string OtherUse = "青石鎮的老碼頭後來一直用作倉庫嗎？";

    [Fact]
    public void AClaimWithOneSlotFilledOtherwise_IsReadByTheModel_WithWhatItRead()
    {
        var check = VerifierWith(SlotRefutation.None).Verify(OtherUse);

        Assert.NotNull(check.SlotFeatures);
        Assert.Equal(SlotRefutationFeatures.Names.Count, check.SlotFeatures!.Length);
        Assert.Equal(1, check.SlotFeatures[SlotRefutationFeatures.IndexOf("ClaimedWord")]); // 倉庫
        Assert.Equal(1, check.SlotFeatures[SlotRefutationFeatures.IndexOf("SaidWord")]); // 渡口
        Assert.Equal(0, check.SlotFeatures[SlotRefutationFeatures.IndexOf("SharedChars")]);
        Assert.NotEqual(Verdict.Contradicted, check.Verdict); // no model: words alone do not tell another value from a paraphrase
    }

    [Fact]
    public void WhenTheModelReadsAnotherValue_TheClaimIsContradicted_NamingTheArticlesWords()
    {
        var check = VerifierWith(Sure(refutes: true)).Verify(OtherUse);

        Assert.Equal(Verdict.Contradicted, check.Verdict);
        Assert.Equal(ContradictionReason.Value, check.Reason);
        Assert.Equal("渡口", check.Said);
        Assert.Equal("倉庫", check.Claimed);
        Assert.Contains("用作渡口", check.Sentence, StringComparison.Ordinal);
        Assert.True(check.Refutation > 0.99);
    }

    [Fact]
    public void WhenTheModelReadsAParaphrase_TheSupportDecisionStands()
    {
        var unsure = VerifierWith(Sure(refutes: false)).Verify(OtherUse);
        var none = VerifierWith(SlotRefutation.None).Verify(OtherUse);

        Assert.NotEqual(Verdict.Contradicted, unsure.Verdict);
        Assert.Equal(none.Verdict, unsure.Verdict);
        Assert.NotNull(unsure.SlotFeatures);
    }

    [Theory]
    [InlineData("青石鎮的老碼頭後來一直用作渡口嗎？")] // all of it said
    [InlineData("鎮上的學堂設有國文和算學兩科嗎？")]
    public void AClaimTheSentenceSaysWhole_HasNoSlot_AndIsNeverRefuted(string claim)
    {
        var check = VerifierWith(Sure(refutes: true)).Verify(claim);

        Assert.Null(check.SlotFeatures);
        Assert.NotEqual(Verdict.Contradicted, check.Verdict);
    }
}

public sealed class SlotRefutationModelTests
{
    [Fact]
    public void Shipped_IsTheLearnedTrees_WithItsThresholdFromTheOutOfFoldCurve()
    {
        var refutation = SlotRefutation.Shipped;

        Assert.Null(refutation.Problem);
        var model = Assert.IsType<TreeModel>(refutation.Model);
        Assert.Equal(SlotRefutationFeatures.Names, model.Features);
        Assert.Equal(model.Trees.Threshold(SlotRefutation.TargetPrecision), refutation.Threshold);
        Assert.InRange(refutation.Threshold, 0.5, 1);
        Assert.Contains(model.Trees.Comments, c => c.Contains("eval/train", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("#articlebot-trees v1\nname claim-slot\nfeatures 1 Share\n", "ends early")]
    [InlineData(null, "other features")]
    public void Load_DamagedOrForeignFile_RefutesNothing_WithAProblemThatSaysWhy(string? text, string why)
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, SlotRefutation.File), text ?? ((TreeModel)ReadingModels.Shipped.Gate).Trees.Write());

        var refutation = SlotRefutation.Load(folder.Path);

        Assert.Null(refutation.Model);
        Assert.Contains(SlotRefutation.File, refutation.Problem, StringComparison.Ordinal);
        Assert.Contains(why, refutation.Problem, StringComparison.Ordinal);
        Assert.False(refutation.Refutes(new float[SlotRefutationFeatures.Names.Count]));
        Assert.Null(refutation.Probability(new float[SlotRefutationFeatures.Names.Count]));
    }

    [Fact]
    public void Load_MissingFile_RefutesNothing()
    {
        using var folder = new TempFolder();

        var refutation = SlotRefutation.Load(folder.Path);

        Assert.Null(refutation.Model);
        Assert.NotNull(refutation.Problem);
    }

    [Theory]
    [InlineData("倉庫", "渡口", 0)]
    [InlineData("轉化成", "轉化為", 2 / 3.0)]
    [InlineData("", "渡口", 0)]
    public void CharacterShare_IsTheShareOfThePiecesCharactersTheOtherWrites(string piece, string other, double share) =>
        Assert.Equal(share, SlotRefutationFeatures.CharacterShare(piece, other), 3);

    [Theory]
    [InlineData("方法", "手段", true)] // both "method; means"
    [InlineData("甘油", "树脂", false)]
    [InlineData("仓库", "", false)]
    public void GlossesShare_ReadsTheDictionarysGlosses_WithoutStopWords(string a, string b, bool shared) =>
        Assert.Equal(shared, SlotRefutationFeatures.GlossesShare(new WordGlosses(), a, b));
}
