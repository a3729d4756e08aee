using System.Net;

namespace ArticleBot.Ingest.Tests;

/// <summary>Reader links that must not be fetched, each refused with its reason and nothing written to the seeds folder.</summary>
public sealed class FetchSafetyTests
{
    private const string Page = "<html><head><title>A page</title></head><body><article><p>Some article text that is long enough to be read as the main text of a page by Readability.</p></article></body></html>";

    private static async Task<ImportRefusedException> RefusedAsync(TestImporter importer, string input)
    {
        var refused = await Assert.ThrowsAsync<ImportRefusedException>(() => importer.Importer.ImportAsync(input, TestContext.Current.CancellationToken));
        Assert.Empty(importer.Files());
        return refused;
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task Loopback_is_refused_unless_allowed(string host)
    {
        using var server = new PageServer();
        server.Serve("/a", PageResponse.Html(Page));
        using var importer = new TestImporter(new IngestOptions { AllowPrivateAddresses = false });

        var refused = await RefusedAsync(importer, $"http://{host}:{server.BaseUrl.Port}/a");

        Assert.Equal(RefusalReason.PrivateAddress, refused.Reason);
        Assert.Contains("loopback", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Ingest:AllowPrivateAddresses", refused.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Loopback_is_fetched_when_allowed()
    {
        using var server = new PageServer();
        server.Serve("/a", PageResponse.Html(Page));
        using var importer = new TestImporter(new IngestOptions { AllowPrivateAddresses = true });

        var article = await importer.Importer.ImportAsync(server.Url("/a").AbsoluteUri, TestContext.Current.CancellationToken);

        Assert.Equal("A page", article.Title);
    }

    [Fact]
    public async Task A_redirect_to_a_forbidden_address_is_refused_after_dns_resolution()
    {
        // Served on 127.0.0.2; the policy forbids 127.0.0.1 and ::1 only. The redirect names "localhost", so only the
        // check of the resolved, connected address can catch it.
        using var allowed = new PageServer(IPAddress.Parse("127.0.0.2"));
        using var forbidden = new PageServer();
        forbidden.Serve("/secret", PageResponse.Html(Page));
        allowed.Serve("/start", PageResponse.Redirect($"http://localhost:{forbidden.BaseUrl.Port}/secret"));
        using var importer = new TestImporter(new IngestOptions(), forbidden: a => a.Equals(IPAddress.Loopback) || a.Equals(IPAddress.IPv6Loopback) ? "a loopback address" : null);

        var refused = await RefusedAsync(importer, allowed.Url("/start").AbsoluteUri);

        Assert.Equal(RefusalReason.PrivateAddress, refused.Reason);
        Assert.Single(allowed.Requests);
        Assert.Empty(forbidden.Requests);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.com/a.txt")]
    [InlineData("gopher://example.com/")]
    public async Task Only_http_and_https_are_fetched(string url)
    {
        using var importer = new TestImporter();

        var refused = await RefusedAsync(importer, url);

        Assert.True(refused.Reason is RefusalReason.UnsupportedScheme or RefusalReason.BadInput, refused.Message);
    }

    [Fact]
    public async Task A_redirect_to_another_scheme_is_refused()
    {
        using var server = new PageServer();
        server.Serve("/a", PageResponse.Redirect("file:///etc/passwd"));
        using var importer = new TestImporter();

        var refused = await RefusedAsync(importer, server.Url("/a").AbsoluteUri);

        Assert.Equal(RefusalReason.UnsupportedScheme, refused.Reason);
    }

    [Fact]
    public async Task Redirects_are_bounded()
    {
        using var server = new PageServer();
        server.Serve("/loop", PageResponse.Redirect("/loop"));
        using var importer = new TestImporter(new IngestOptions { AllowPrivateAddresses = true, MaxRedirects = 3 });

        var refused = await RefusedAsync(importer, server.Url("/loop").AbsoluteUri);

        Assert.Equal(RefusalReason.TooManyRedirects, refused.Reason);
        Assert.Contains("Ingest:MaxRedirects", refused.Message, StringComparison.Ordinal);
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task A_body_over_MaxBytes_is_refused()
    {
        using var server = new PageServer();
        server.Serve("/big", PageResponse.Html(Page + new string(' ', 4096)));
        using var importer = new TestImporter(new IngestOptions { AllowPrivateAddresses = true, MaxBytes = 2048 });

        var refused = await RefusedAsync(importer, server.Url("/big").AbsoluteUri);

        Assert.Equal(RefusalReason.TooLarge, refused.Reason);
        Assert.Contains("Ingest:MaxBytes", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_in_time_is_refused()
    {
        using var silent = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        silent.Start(); // accepts connections (the kernel does) and never answers
        using var importer = new TestImporter(new IngestOptions { AllowPrivateAddresses = true, TimeoutSeconds = 1 });

        var refused = await RefusedAsync(importer, $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/slow");

        Assert.Equal(RefusalReason.Timeout, refused.Reason);
        Assert.Contains("Ingest:TimeoutSeconds", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("image/png")]
    [InlineData("application/zip")]
    [InlineData("application/json")]
    public async Task Content_types_that_are_not_articles_are_refused(string contentType)
    {
        using var server = new PageServer();
        server.Serve("/x", PageResponse.Ok(contentType, "\u0089PNG not an article"u8.ToArray()));
        using var importer = new TestImporter();

        var refused = await RefusedAsync(importer, server.Url("/x").AbsoluteUri);

        Assert.Equal(RefusalReason.UnsupportedType, refused.Reason);
        Assert.Contains(contentType, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_status_is_refused_with_the_status()
    {
        using var server = new PageServer();
        using var importer = new TestImporter();

        var refused = await RefusedAsync(importer, server.Url("/missing").AbsoluteUri);

        Assert.Equal(RefusalReason.Unreachable, refused.Reason);
        Assert.Contains("404", refused.Message, StringComparison.Ordinal);
    }
}
