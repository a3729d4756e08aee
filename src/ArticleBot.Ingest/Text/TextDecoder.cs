using System.Text;
using System.Text.RegularExpressions;

namespace ArticleBot.Ingest.Text;

/// <summary>Text decoded from bytes, with the encoding used and, when the declarations disagreed, what was overruled.</summary>
/// <param name="Text">The decoded text (no BOM).</param>
/// <param name="EncodingName">The web name of the encoding used (<c>utf-8</c>, <c>gb18030</c>, <c>big5</c>).</param>
/// <param name="Disagreement">Null when every declaration agreed with the bytes; otherwise what was declared and why it was not used.</param>
public sealed record DecodedText(string Text, string EncodingName, string? Disagreement);

/// <summary>
/// Decodes a web page or text file. Declarations are taken in the order the issue sets: the HTTP charset, then the
/// byte-order mark, then the page's own <c>&lt;meta charset&gt;</c>; the first one that decodes the bytes without
/// an error wins. Two facts override a declaration: a BOM is certain, and bytes that are valid UTF-8 with multi-byte
/// sequences are UTF-8 (legacy Chinese text is almost never valid UTF-8, while pages that declare gb2312 over UTF-8
/// bytes are common after a CMS migration). Legacy Chinese names map to their supersets: gb2312 and gbk to GB18030,
/// big5 to Big5 (code page 950 with the HKSCS-free table).
/// </summary>
public static partial class TextDecoder
{
    private const int MetaScanBytes = 4096;

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="httpCharset"/> is the Content-Type's charset, if any.</summary>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string? httpCharset = null, bool lookForMeta = true)
    {
        var declared = new List<(string Where, Encoding Encoding)>();
        if (Resolve(httpCharset) is { } http)
        {
            declared.Add(("the HTTP charset", http));
        }

        var bom = Bom(bytes, out var bomLength);
        if (bom is not null)
        {
            declared.Add(("the byte-order mark", bom));
        }

        if (lookForMeta && Resolve(MetaCharset(bytes)) is { } meta)
        {
            declared.Add(("the page's meta charset", meta));
        }

        var body = bytes[bomLength..];
        var utf8 = IsMultiByteUtf8(body);
        Encoding chosen;
        string? disagreement = null;
        if (bom is not null)
        {
            chosen = bom;
        }
        else if (utf8 && declared.FirstOrDefault(d => d.Encoding.CodePage != Encoding.UTF8.CodePage) is { Encoding: not null } legacy)
        {
            chosen = new UTF8Encoding(false);
            disagreement = $"{legacy.Where} says {legacy.Encoding.WebName}, but the bytes are UTF-8";
        }
        else
        {
            Encoding? clean = null;
            foreach (var (_, encoding) in declared)
            {
                if (DecodesCleanly(encoding, body))
                {
                    clean = encoding;
                    break;
                }
            }

            chosen = clean ?? (utf8 || IsAscii(body) ? new UTF8Encoding(false) : Resolve("gb18030")!);
            if (declared.Count > 0 && declared[0].Encoding.CodePage != chosen.CodePage)
            {
                disagreement = $"{declared[0].Where} says {declared[0].Encoding.WebName}, but the bytes read as {chosen.WebName}";
            }
        }

        if (disagreement is null && declared.Select(d => d.Encoding.CodePage).Distinct().Count() > 1)
        {
            disagreement = string.Join("; ", declared.Select(d => $"{d.Where} says {d.Encoding.WebName}")) + $"; read as {chosen.WebName}";
        }

        return new DecodedText(chosen.GetString(body), chosen.WebName, disagreement);
    }

    /// <summary>The encoding a charset label names, with legacy Chinese labels widened to their supersets; null when unknown.</summary>
    public static Encoding? Resolve(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var name = label.Trim().Trim('"', '\'').ToLowerInvariant();
        name = name switch
        {
            "gb2312" or "gbk" or "x-gbk" or "cp936" or "csgb2312" or "chinese" or "iso-ir-58" or "gb_2312-80" or "hz-gb-2312" => "gb18030",
            "big5-hkscs" or "x-x-big5" or "cn-big5" or "csbig5" => "big5",
            "utf8" => "utf-8",
            _ => name,
        };
        try
        {
            var encoding = Encoding.GetEncoding(name);
            return encoding.CodePage == Encoding.UTF8.CodePage ? new UTF8Encoding(false) : encoding;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The charset a page declares in its first bytes (<c>&lt;meta charset&gt;</c> or <c>http-equiv</c>), or null.</summary>
    public static string? MetaCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, MetaScanBytes)]);
        var match = MetaRegex().Match(head);
        return match.Success ? match.Groups["charset"].Value : null;
    }

    private static Encoding? Bom(ReadOnlySpan<byte> bytes, out int length)
    {
        (length, var encoding) = bytes switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (3, (Encoding)new UTF8Encoding(false)),
            [0xFF, 0xFE, ..] => (2, Encoding.Unicode),
            [0xFE, 0xFF, ..] => (2, Encoding.BigEndianUnicode),
            _ => (0, null!),
        };
        return encoding;
    }

    private static bool IsAscii(ReadOnlySpan<byte> bytes) => System.Text.Ascii.IsValid(bytes);

    /// <summary>True when the bytes are valid UTF-8 and hold at least one multi-byte sequence.</summary>
    private static bool IsMultiByteUtf8(ReadOnlySpan<byte> bytes) => !IsAscii(bytes) && System.Text.Unicode.Utf8.IsValid(bytes);

    private static bool DecodesCleanly(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        var strict = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        try
        {
            _ = strict.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    [GeneratedRegex("""<meta[^>]+?charset\s*=\s*["']?\s*(?<charset>[A-Za-z0-9_\-:.]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaRegex();
}
