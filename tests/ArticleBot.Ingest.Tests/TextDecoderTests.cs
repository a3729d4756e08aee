using System.Text;
using ArticleBot.Ingest.Text;

namespace ArticleBot.Ingest.Tests;

public sealed class TextDecoderTests
{
    private const string Chinese = "腾讯宣布2月1日上线春节活动，用户上元宝App分10亿现金红包。";
    private const string Traditional = "騰訊宣布2月1日上線春節活動，用戶上元寶App分10億現金紅包。";

    static TextDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static byte[] Page(string charsetMeta, string body, Encoding encoding) =>
        encoding.GetBytes($"<html><head><meta charset=\"{charsetMeta}\"><title>t</title></head><body><p>{body}</p></body></html>");

    [Fact]
    public void Meta_gb2312_over_utf8_bytes_reads_as_utf8_and_says_so()
    {
        var decoded = TextDecoder.Decode(Page("gb2312", Chinese, Encoding.UTF8));

        Assert.Contains(Chinese, decoded.Text, StringComparison.Ordinal);
        Assert.Equal("utf-8", decoded.EncodingName);
        Assert.Contains("gb18030", decoded.Disagreement, StringComparison.Ordinal);
    }

    [Fact]
    public void Http_charset_gbk_over_gbk_bytes_reads_right()
    {
        var gbk = Encoding.GetEncoding("gb18030");
        var decoded = TextDecoder.Decode(gbk.GetBytes($"<p>{Chinese}</p>"), "GBK");

        Assert.Contains(Chinese, decoded.Text, StringComparison.Ordinal);
        Assert.Equal("gb18030", decoded.EncodingName);
        Assert.Null(decoded.Disagreement);
    }

    [Fact]
    public void Meta_big5_reads_big5_bytes()
    {
        var decoded = TextDecoder.Decode(Page("big5", Traditional, Encoding.GetEncoding("big5")));

        Assert.Contains(Traditional, decoded.Text, StringComparison.Ordinal);
        Assert.Equal("big5", decoded.EncodingName);
    }

    [Fact]
    public void Http_charset_wins_over_meta_when_both_decode()
    {
        var bytes = Page("big5", Chinese, Encoding.GetEncoding("gb18030"));
        var decoded = TextDecoder.Decode(bytes, "gb2312");

        Assert.Contains(Chinese, decoded.Text, StringComparison.Ordinal);
        Assert.NotNull(decoded.Disagreement); // HTTP said GB, the page said Big5
    }

    [Fact]
    public void Utf8_bom_wins_over_a_wrong_http_charset()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Chinese)).ToArray();
        var decoded = TextDecoder.Decode(bytes, "big5");

        Assert.Equal(Chinese, decoded.Text);
        Assert.NotNull(decoded.Disagreement);
    }

    [Fact]
    public void Undeclared_gb18030_bytes_read_as_gb18030()
    {
        var decoded = TextDecoder.Decode(Encoding.GetEncoding("gb18030").GetBytes(Chinese));

        Assert.Equal(Chinese, decoded.Text);
    }

    [Fact]
    public void Unknown_labels_are_ignored()
    {
        var decoded = TextDecoder.Decode(Encoding.UTF8.GetBytes(Chinese), "no-such-charset");

        Assert.Equal(Chinese, decoded.Text);
    }

    [Theory]
    [InlineData("<meta charset=\"gb2312\">", "gb2312")]
    [InlineData("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=big5\">", "big5")]
    [InlineData("<meta charset=utf-8 />", "utf-8")]
    [InlineData("<p>no meta</p>", null)]
    public void Meta_charset_is_found(string head, string? expected) =>
        Assert.Equal(expected, TextDecoder.MetaCharset(Encoding.ASCII.GetBytes(head)));
}
