using System.Diagnostics;

namespace ArticleBot.Ingest.Tests;

/// <summary>
/// How long a warm import of a ~300 KB news page takes (fetch over loopback, decode, extract, store), for
/// bench/import.sh. A measurement, not a pass/fail timing: it runs with the soaks, and only checks that it imported.
/// </summary>
public sealed class ImportTimingTests
{
    [Fact]
    [Trait("Category", "Soak")]
    public async Task Warm_import_of_a_300_kb_page()
    {
        var source = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "ReadabilityPages", "qq", "source.html"));
        using var server = new PageServer();
        server.Serve("/qq", PageResponse.Ok("text/html", source));
        var times = new List<double>();
        for (var round = 0; round < 12; round++)
        {
            using var importer = new TestImporter();
            var started = Stopwatch.GetTimestamp();
            var article = await importer.Importer.ImportAsync(server.Url("/qq").AbsoluteUri, TestContext.Current.CancellationToken);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Assert.NotNull(article.Title);
        }

        var warm = times.Skip(2).Order().ToArray();
        var report = $"page: qq/source.html, {source.Length:N0} bytes\nwarm import (10 rounds after 2 warm-up): median {warm[warm.Length / 2]:F0} ms, max {warm[^1]:F0} ms; first (cold) {times[0]:F0} ms\n";
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "import-timing.txt"), report, TestContext.Current.CancellationToken);
    }
}
