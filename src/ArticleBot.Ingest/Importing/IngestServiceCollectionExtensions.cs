using ArticleBot.Core.Corpus;
using ArticleBot.Ingest;
using ArticleBot.Ingest.Importing;
using ArticleBot.Ingest.Fetching;
using ArticleBot.Ingest.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers article import: readers' links and files stored as seed files.</summary>
public static class IngestServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ArticleImporter"/>, writing to <c>{Corpus:SeedsPath}/imported/</c>. Call after <c>AddArticleCorpus</c>. Binds:
    /// <code>
    /// "Ingest": { "MaxBytes": 10485760, "TimeoutSeconds": 20, "MaxRedirects": 5, "AllowPrivateAddresses": false }
    /// </code>
    /// </summary>
    public static IHostApplicationBuilder AddArticleImport(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(ArticleImporter)))
        {
            return builder; // added already (the executable adds it for the command line, the MCP server for its tools)
        }

        services.AddSettings<IngestOptions>(IngestOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SafeFetcher>();
        services.TryAddSingleton(sp =>
        {
            var corpus = sp.GetRequiredService<IOptions<CorpusOptions>>().Value;
            var root = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            return new ArticleStore(Path.GetFullPath(corpus.SeedsPath, root), corpus.MaxSeedFileBytes, sp.GetRequiredService<TimeProvider>());
        });

        // The seeds folder keeps the imports; a shared store (Storage:Provider = Postgres) replaces this, keeping that folder as its copy.
        services.TryAddSingleton<IArticleStore>(sp => sp.GetRequiredService<ArticleStore>());
        services.TryAddSingleton<ArticleImporter>();
        return builder;
    }
}
