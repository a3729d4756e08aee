using ArticleBot.Core.Claims;
using ArticleBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArticleBot.Core.Tests.Claims;

/// <summary>
/// Damaged claim models in <c>Retrieval:ModelsPath</c> (a retrained folder gone wrong) are warned about once each, by
/// name, and claims are still checked: by the hand-set rule, and with no slot refuted by the model.
/// </summary>
public sealed class ClaimModelsFolderTests
{
    [Fact]
    public void DamagedClaimModels_AreWarnedAboutByName_AndClaimsAreStillChecked()
    {
        using var root = new TempFolder();
        Directory.CreateDirectory(Path.Combine(root.Path, "seeds"));
        File.WriteAllText(Path.Combine(root.Path, "seeds", "news.txt"), "青石鎮志\n\n青石鎮的老碼頭在清末由商會修建，後來一直用作渡口。\n");
        var models = Path.Combine(root.Path, "models");
        Directory.CreateDirectory(models);
        File.WriteAllText(Path.Combine(models, ClaimSupport.File), "not a model");
        File.WriteAllText(Path.Combine(models, SlotRefutation.File), "#articlebot-trees v1\nname claim-slot\n");
        var log = new CapturingLoggerProvider();
        using var host = TestCorpus.BuildHost(root.Path, new Dictionary<string, string?> { ["Retrieval:ModelsPath"] = "models" }, services => services.AddLogging(b => b.AddProvider(log)));

        var verifier = host.Services.GetRequiredService<ClaimVerifier>();
        var check = verifier.Verify("青石鎮的老碼頭後來一直用作渡口嗎？");

        Assert.Equal(Verdict.Supported, check.Verdict);
        Assert.Null(host.Services.GetRequiredService<SlotRefutation>().Model);
        Assert.Null(host.Services.GetRequiredService<ClaimSupport>().Model);
        var warnings = log.Entries.Where(e => e.Level >= LogLevel.Warning).Select(e => e.Message).ToList();
        Assert.Contains(warnings, m => m.Contains(SlotRefutation.File, StringComparison.Ordinal) && m.Contains("not", StringComparison.Ordinal));
        Assert.Contains(warnings, m => m.Contains(ClaimSupport.File, StringComparison.Ordinal));
    }
}
