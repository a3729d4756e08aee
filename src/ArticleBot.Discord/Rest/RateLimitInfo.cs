using System.Globalization;
using System.Net.Http.Headers;

namespace ArticleBot.Discord.Rest;

/// <summary>The <c>X-RateLimit-*</c> headers of a response (and <c>Retry-After</c>).</summary>
public readonly record struct RateLimitInfo(string? Bucket, int? Limit, int? Remaining, TimeSpan? ResetAfter, bool Global, string? Scope, TimeSpan? RetryAfter)
{
    /// <summary>Reads the headers.</summary>
    public static RateLimitInfo From(HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return new RateLimitInfo(
            Header(headers, "X-RateLimit-Bucket"),
            Int(Header(headers, "X-RateLimit-Limit")),
            Int(Header(headers, "X-RateLimit-Remaining")),
            Seconds(Header(headers, "X-RateLimit-Reset-After")),
            string.Equals(Header(headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase),
            Header(headers, "X-RateLimit-Scope"),
            headers.RetryAfter?.Delta ?? Seconds(Header(headers, "Retry-After")));
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static int? Int(string? value) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static TimeSpan? Seconds(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? TimeSpan.FromSeconds(s) : null;
}
