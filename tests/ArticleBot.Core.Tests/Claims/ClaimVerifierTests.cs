using ArticleBot.Core.ArticleTools;
using ArticleBot.Core.Claims;
using ArticleBot.Core.Evaluation;
using ArticleBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleBot.Core.Tests.Claims;

/// <summary>The fact table, the claim reader and the verdicts on the seed article (issue 24); other articles in AnyArticleToolTests.</summary>
public sealed class ClaimVerifierTests
{
    private static ClaimVerifier Verifier => TestCorpus.Services.GetRequiredService<ClaimVerifier>();

    private static FactTable Facts => TestCorpus.Services.GetRequiredService<FactTable>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void FactTable_ReadsValuesWithTheirMagnitudeComparatorAndAttribute()
    {
        var users = Facts.Facts.Single(f => f.Value?.Mention.Text == "9億");
        var compute = Facts.Facts.Single(f => f.Value?.Mention.Text == "1600 億");
        var packet = Facts.Facts.Single(f => f.Value?.Mention.Text == "萬元");

        Assert.Equal(9e8, users.Value!.Mention.Value);
        Assert.Equal(Comparator.More, users.Value.Comparator);
        Assert.Contains("users", users.Attributes);
        Assert.Equal(1.6e11, compute.Value!.Mention.Value);
        Assert.Contains("invested", compute.Attributes);
        Assert.Equal(1e4, packet.Value!.Mention.Value);
        Assert.Equal(Comparator.Max, packet.Value.Comparator);
    }

    [Fact]
    public void FactTable_SentencesAreVerbatimSpansOfTheSeedFile()
    {
        Assert.NotEmpty(Facts.Sentences);
        Assert.All(Facts.Sentences, s =>
        {
            var passage = s.Passage;
            Assert.Equal(s.Text, passage.Text.Substring(s.Start - passage.Start, s.End - s.Start));
        });
    }

    [Fact]
    public void FactTable_FindsProductsOwnersAndDenials()
    {
        Assert.Contains(Facts.Owners, o => o.Product.Name == "豆包" && o.Owner.Name.StartsWith("字節", StringComparison.Ordinal));
        Assert.DoesNotContain(Facts.Owners, o => o.Product.Name == "豆包" && o.Owner.Name.StartsWith("騰訊", StringComparison.Ordinal));
        Assert.Contains(Facts.Facts, f => f.Negated && f.Attributes.Contains("stance"));
    }

    [Theory]
    [InlineData("豆包的算力投入至少有1200億嗎？", Verdict.Supported, "1600 億")]
    [InlineData("ChatGPT has more than 600 million weekly users", Verdict.Supported, "9億")]
    [InlineData("ChatGPT周活不到5億，對嗎？", Verdict.Contradicted, "9億")]
    [InlineData("OpenAI 2025年的總收入低於100億美元嗎？", Verdict.Contradicted, "200億美元")]
    [InlineData("Is a single red packet worth up to 10,000 yuan?", Verdict.Supported, "萬元")]
    public void Verify_ComparesTheClaimsComparatorWithTheArticlesFigure(string claim, Verdict verdict, string figure)
    {
        var check = Verifier.Verify(claim);

        Assert.Equal(verdict, check.Verdict);
        Assert.Equal(figure, check.ArticleFigure?.Text);
        Assert.Contains(check.Sentence!, check.Passage!.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("字節跳動在1月15日發布了千問嗎？", "阿里巴巴")]
    [InlineData("Is Qwen a ByteDance product?", "阿里巴巴")]
    public void Verify_RightFactOfAnotherSubject_IsContradictedNamingWhoItWas(string claim, string who)
    {
        var check = Verifier.Verify(claim);

        Assert.Equal(Verdict.Contradicted, check.Verdict);
        Assert.Equal(ContradictionReason.Subject, check.Reason);
        Assert.Equal(who, check.ArticleSubject?.Name);
    }

    [Theory]
    [InlineData("Does Yuanbao Pai have more than 5 million testers?")] // the article gives 元寶派 no figure; 10億 is the red packets'
    [InlineData("Did DeepSeek raise more than 10 billion dollars?")] // 250億美元 is OpenAI's ad revenue, not a raise
    public void Verify_AFigureOfSomethingElse_IsNotCovered(string claim)
    {
        Assert.Equal(Verdict.NotCovered, Verifier.Verify(claim).Verdict);
    }

    [Theory]
    [InlineData("馬化騰贊成豆包AI手機破窗而入的做法嗎？", Verdict.Contradicted)]
    [InlineData("馬化騰不贊成豆包AI手機破窗而入的做法，對嗎？", Verdict.Supported)]
    public void Verify_AStatementIsCheckedForDenial(string claim, Verdict verdict)
    {
        Assert.Equal(verdict, Verifier.Verify(claim).Verdict);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<@123456> https://example.com/a @everyone")]
    [InlineData("これは本当ですか？騰訊")]
    [InlineData("Est-ce que Tencent a publié Qwen le 15 janvier ?")]
    public void Verify_TextThatIsNoClaim_GetsANoticeNotAVerdict(string claim)
    {
        var check = Verifier.Verify(claim);

        Assert.Equal(Verdict.Unreadable, check.Verdict);
        Assert.False(string.IsNullOrWhiteSpace(check.Notice));
        Assert.Null(check.Passage);
    }

    [Fact]
    public void Verify_TwoThousandCharactersOfNumbers_GetsANotice()
    {
        var check = Verifier.Verify(string.Concat(Enumerable.Repeat("1234567890", 200)));

        Assert.Equal(Verdict.Unreadable, check.Verdict);
        Assert.Contains("characters", check.Notice, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ChatGPT的周活超過6億了嗎？", "對")]
    [InlineData("Did ChatGPT's weekly users exceed 600 million?", "Yes")]
    [InlineData("ChatGPT的周活不到5亿，对吗？", "不对")]
    [InlineData("ChatGPT的周活超過６億了嗎？", "對")] // full-width digits, as a Chinese keyboard types them: this threw a FormatException
    public async Task Ask_YesNoQuestion_AnswersWithTheVerdictWordFirstInItsLanguage(string question, string word)
    {
        var answer = await TestCorpus.Answerer.AskAsync(question, null, Ct);

        Assert.StartsWith(word, answer.Text, StringComparison.Ordinal);
        Assert.True(answer.Grounded);
        Assert.Single(answer.Citations);
    }

    [Fact]
    public async Task ClaimsDevSet_NoTrueClaimIsDenied_AndEveryQuoteIsVerbatim()
    {
        using var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "eval", "claims-dev.jsonl"));
        var evaluator = ActivatorUtilities.CreateInstance<Evaluator>(TestCorpus.Services);

        var report = await evaluator.RunAsync(Evaluator.Read(reader), Ct);

        Assert.All(report.Outcomes.Where(o => o.Item.Kind == "claim-true"), o => Assert.True(o.Correct, o.Answer));
        Assert.All(report.Outcomes.Where(o => o.Item.Kind == "claim-absent"), o => Assert.True(o.Correct, o.Answer));
        Assert.True(report.ByKind.Single(k => k.Kind == Evaluator.AnswerableKinds).Accuracy >= 0.6, "claims accuracy");
        Assert.Equal(1.0, report.Overall.QuoteFidelity);
    }

    [Fact]
    public void Verify_AnEnglishClaimNamingSomeoneTheSentenceDoesNot_IsContradictedNamingWhoItWas()
    {
        var check = Verifier.Verify("Did Xiaomi launch a Spring Festival red-packet campaign on February 1?");

        Assert.Equal((Verdict.Contradicted, ContradictionReason.Subject), (check.Verdict, check.Reason));
        Assert.Contains("騰訊", check.Said, StringComparison.Ordinal);
        Assert.Equal("Xiaomi", check.Claimed);
    }

    [Fact]
    public void Verify_AClaimsSecondFigureTheSentenceGivesOtherwise_IsContradicted()
    {
        var check = Verifier.Verify("投入10倍的算力，往往只能換來5%的性能提升，對嗎？"); // 10倍 holds; 5% is 1%

        Assert.Equal((Verdict.Contradicted, ContradictionReason.Figure), (check.Verdict, check.Reason));
        Assert.Equal("1%", check.ArticleFigure?.Text);
    }

    [Theory]
    [InlineData("憑借強大的情緒價值供給能力的是元寶嗎？", Verdict.Contradicted)] // the article's cleft-like slot holds another product
    [InlineData("憑借強大的情緒價值供給能力的是豆包嗎？", Verdict.Supported)]
    public void Verify_ACleftNamingAProduct_IsCheckedAgainstTheProductInItsSlot(string claim, Verdict verdict)
    {
        var check = Verifier.Verify(claim);

        Assert.Equal(verdict, check.Verdict);
        if (verdict == Verdict.Contradicted)
        {
            Assert.Equal("豆包", check.ArticleSubject?.Name);
        }
    }
}
