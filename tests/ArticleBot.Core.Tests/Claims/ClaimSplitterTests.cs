using ArticleBot.Core.Claims;
using CsCheck;

namespace ArticleBot.Core.Tests.Claims;

public sealed class ClaimSplitterTests
{
    private static readonly Gen<string> Message = Gen.OneOf(
        Gen.String,
        Gen.OneOfConst("騰訊", "春節要發", "100億紅包", "！", "。", "？", "!", "?", ".", ", ", "，", "\n", "\r\n", " ", "Tencent is giving ", "10 billion",
            "<@123456>", "<@!42>", "@everyone", "https://example.com/x?y=1", "😀", "𠀀", "\uD800", "3.5", "85%", "[1]", "；", "…", "\u200B").Array[0, 80].Select(string.Concat));

    [Fact]
    public void Split_AnyMessage_ClaimsAreVerbatimOrderedDisjointAndBounded()
    {
        Message.Sample(message =>
        {
            var claims = ClaimSplitter.Split(message);

            Assert.True(claims.Count <= ClaimSplitter.MaxClaims);
            var previousEnd = 0;
            foreach (var claim in claims)
            {
                Assert.True(claim.Start >= previousEnd && claim.End > claim.Start && claim.End <= message.Length);
                Assert.Equal(message[claim.Start..claim.End], claim.Text);
                Assert.Equal(claim.Text.Trim(), claim.Text);
                Assert.True(claim.Text.Count(char.IsLetterOrDigit) >= ClaimSplitter.MinContent);
                Assert.DoesNotMatch(@"^(<[@#][!&]?\d+>|@everyone|@here|https?://)", claim.Text);
                Assert.DoesNotMatch(@"(<[@#][!&]?\d+>|@everyone|@here)$", claim.Text);
                previousEnd = claim.End;
            }
        }, iter: 3000);
    }

    [Fact]
    public void Split_NeverCutsANumberOrAWord()
    {
        Gen.Select(Gen.Int[0, 100_000], Gen.Int[0, 99], Gen.OneOfConst("億", "%", " billion", "萬元")).Sample((whole, fraction, unit) =>
        {
            var figure = $"{whole}.{fraction:00}{unit}";
            var claims = ClaimSplitter.Split($"騰訊春節要發{figure}紅包！阿里巴巴推出千問。");

            Assert.Equal(2, claims.Count);
            Assert.Contains(figure, claims[0].Text, StringComparison.Ordinal);
        }, iter: 500);
    }

    [Theory]
    [InlineData("<@123> 騰訊春節要發100億紅包！", new[] { "騰訊春節要發100億紅包！" })]
    [InlineData("Tencent is handing out 10 billion in red packets! And Alibaba launched Qwen on 15 January.", new[] { "Tencent is handing out 10 billion in red packets!", "And Alibaba launched Qwen on 15 January." })]
    [InlineData("騰訊發10億紅包，阿里推出千問。豆包日活第一？", new[] { "騰訊發10億紅包，阿里推出千問。", "豆包日活第一？" })]
    [InlineData("lol\nOpenAI charges advertisers by CPM\nhttps://example.com", new[] { "OpenAI charges advertisers by CPM" })]
    [InlineData("😀😀 ok", new string[0])]
    public void Split_Examples(string message, string[] expected)
    {
        Assert.Equal(expected, ClaimSplitter.Split(message).Select(c => c.Text));
    }
}
