using ArticleBot.Core.Claims;
using ArticleBot.Core.Reading.Models;
using ArticleBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleBot.Core.Tests.Claims;

/// <summary>
/// A negation denies what follows it in its clause, compared word by word between the claim and the sentence; the
/// support of a Chinese claim is the learned model's to decide.
/// </summary>
public sealed class ClaimStanceAndSupportTests
{
    private const string Article = """
        西山縣誌

        據縣誌記載，西山縣至少有三座古寺未列入文物名錄。旅遊業沒有受到山洪的影響，是西山縣發展最快的行業。
        縣劇團在2016年以「場地條件不理想」為由宣布解散。
        這是首部以守林人老周為主角的小說《山火不熄》，出版後廣受好評。
        縣長不贊成“一刀切”的拆遷做法。
        水獺常出沒於東溪的淺灘捕食魚蝦。
        礦工們從南非運來了新的抽水機。
        """;

    private readonly WrittenArticle _article = WrittenArticle.Shared("stance", Article);

    private ClaimVerifier Verifier => _article.Services.GetRequiredService<ClaimVerifier>();

    [Theory]
    [InlineData("西山縣至少有三座古寺未列入文物名錄嗎？")] // the same negation in both: agreement
    [InlineData("旅遊業是西山縣發展最快的行業嗎？")] // the negation of the clause follows the subject and leaves this clause alone
    [InlineData("縣劇團宣布解散的理由是「場地條件不理想」嗎？")] // a negation inside quoted words denies nothing after them
    [InlineData("《山火不熄》這部小說的主角是守林人老周嗎？")] // nor one inside a title
    [InlineData("水獺常在東溪的淺灘捕食魚蝦嗎？")] // 沒 of 出沒 ("to haunt") denies nothing after it
    [InlineData("礦工們運來了新的抽水機嗎？")] // nor 非 of 南非
    public void AClaimThatSaysWhatTheSentenceSays_IsNeverDenied(string claim)
    {
        var check = Verifier.Verify(claim);

        Assert.NotEqual(Verdict.Contradicted, check.Verdict);
    }

    [Theory]
    [InlineData("旅遊業受到了山洪的影響嗎？")]
    [InlineData("縣長贊成一刀切的拆遷做法嗎？")] // a negation before quoted words reaches into them
    public void AClaimOfWhatTheSentenceDenies_IsContradicted(string claim)
    {
        var check = Verifier.Verify(claim);

        Assert.Equal(Verdict.Contradicted, check.Verdict);
        Assert.Equal(ContradictionReason.Stance, check.Reason);
    }

    [Fact]
    public void AChineseClaimsSupport_IsTheLearnedModels_WithWhatItRead()
    {
        var check = Verifier.Verify("旅遊業是西山縣發展最快的行業嗎？");

        Assert.NotNull(check.SupportFeatures);
        Assert.Equal(ClaimSupportFeatures.Names.Count, check.SupportFeatures!.Length);
        Assert.NotNull(check.Support);
        Assert.True(check.Verdict != Verdict.Supported || check.Support >= ClaimSupport.Shipped.Threshold);
        Assert.Contains("發展最快的行業", check.ReadSentence, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEnglishClaim_KeepsTheRule()
    {
        var check = Verifier.Verify("Is tourism the fastest-growing industry of Xishan County?");

        Assert.Null(check.SupportFeatures);
        Assert.Null(check.Support);
    }
}

public sealed class ClaimSupportModelTests
{
    [Fact]
    public void Shipped_IsTheLearnedTrees_WithItsThresholdFromTheOutOfFoldCurve()
    {
        var support = ClaimSupport.Shipped;

        Assert.Null(support.Problem);
        var model = Assert.IsType<TreeModel>(support.Model);
        Assert.Equal(ClaimSupportFeatures.Names, model.Features);
        Assert.NotEmpty(model.Trees.PrecisionCurve);
        Assert.Equal(model.Trees.Threshold(ClaimSupport.TargetPrecision), support.Threshold);
        Assert.Contains(model.Trees.Comments, c => c.Contains("eval/train", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("#articlebot-trees v1\nname claim-support\nfeatures 1 Share\n", "ends early")]
    [InlineData(null, "other features")]
    public void Load_DamagedOrForeignFile_FallsBackToTheRule_WithAProblemThatSaysWhy(string? text, string why)
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, ClaimSupport.File), text ?? ((TreeModel)ReadingModels.Shipped.Gate).Trees.Write());

        var support = ClaimSupport.Load(folder.Path);

        Assert.Null(support.Model);
        Assert.Contains(ClaimSupport.File, support.Problem, StringComparison.Ordinal);
        Assert.Contains(why, support.Problem, StringComparison.Ordinal);
        Assert.True(support.Supports(new float[ClaimSupportFeatures.Names.Count], share: 0.8, hidden: false)); // the rule: three quarters said
        Assert.False(support.Supports(new float[ClaimSupportFeatures.Names.Count], share: 0.8, hidden: true));
    }

    [Theory]
    [InlineData(-10, 0.8, false, true)] // a confident model lets the rule's Yes through
    [InlineData(-10, 0.6, false, false)] // but never says Yes where the rule does not: too little of the claim said
    [InlineData(-10, 0.8, true, false)] // or a gap of words the search dropped
    [InlineData(10, 0.8, false, false)] // an unsure model withholds the rule's Yes
    public void Supports_TheModelOnlyWithholdsTheRulesYes(double offset, double share, bool hidden, bool supported)
    {
        // No trees: the probability is the calibration's alone, 1 / (1 + e^offset); every threshold reached 0.9.
        var trees = new TreeEnsemble("claim-support", ClaimSupportFeatures.Names, [], 1, offset, Enumerable.Repeat(0.9, 39).ToList());
        var support = ClaimSupport.FromTrees(trees);

        Assert.Equal(supported, support.Supports(new float[ClaimSupportFeatures.Names.Count], share, hidden));
    }

    [Fact]
    public void Load_MissingFile_FallsBackToTheRule()
    {
        using var folder = new TempFolder();

        var support = ClaimSupport.Load(folder.Path);

        Assert.Null(support.Model);
        Assert.NotNull(support.Problem);
    }
}
