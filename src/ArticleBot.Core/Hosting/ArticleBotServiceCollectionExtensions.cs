using ArticleBot.Core.Answering;
using ArticleBot.Core.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The bot's composition: <see cref="AddArticleBotCore"/> adds every feature (each registered beside itself), and
/// <see cref="AddArticleBotDefaults"/> adds what every host of the bot shares: logging and OpenTelemetry.
/// </summary>
public static class ArticleBotServiceCollectionExtensions
{
    private static readonly string[] s_endpointKeys = ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"];

    /// <summary>
    /// Adds the core: the corpus, retrieval, the language model, the plugins, citations and answering, each binding its
    /// own section (<c>Corpus</c>, <c>Retrieval</c>, <c>Llm</c>, <c>Plugins</c>, <c>Answering</c>). The corpus is loaded
    /// and indexed on first use; a missing or empty seeds folder then throws <c>CorpusConfigurationException</c>.
    /// </summary>
    public static IHostApplicationBuilder AddArticleBotCore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddArticleCorpus();
        builder.AddArticleRetrieval();
        builder.AddLanguageModel();
        builder.AddArticlePlugins();
        builder.AddArticleCitations();
        builder.AddArticleAnswering();
        return builder;
    }

    /// <summary>
    /// Adds logging to stderr (stdout carries only answers and JSON), configured by the <c>Logging</c> section, and
    /// OpenTelemetry traces and metrics when the standard variables ask for them: <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
    /// (or the per-signal <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c>/<c>OTEL_EXPORTER_OTLP_METRICS_ENDPOINT</c>), with
    /// <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>OTEL_SERVICE_NAME</c> and the rest read by the exporter itself.
    /// <c>OTEL_SDK_DISABLED=true</c> turns it off. Without them nothing is collected.
    /// </summary>
    public static IHostApplicationBuilder AddArticleBotDefaults(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.SetMinimumLevel(LogLevel.Warning); // without a Logging section, as appsettings.json ships
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddConsole(o => o.FormatterName = ArticleBot.Core.Hosting.OneLineConsoleFormatter.FormatterName)
            .AddConsoleFormatter<ArticleBot.Core.Hosting.OneLineConsoleFormatter, ArticleBot.Core.Hosting.OneLineConsoleFormatterOptions>();
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.ConfigureOpenTelemetry();
        return builder;
    }

    /// <summary>True when the configuration (environment variables included) asks for OTLP export.</summary>
    public static bool TelemetryRequested(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (string.Equals(configuration["OTEL_SDK_DISABLED"], "true", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return s_endpointKeys.Any(key => !string.IsNullOrWhiteSpace(configuration[key]));
    }

    private static void ConfigureOpenTelemetry(this IHostApplicationBuilder builder)
    {
        if (!TelemetryRequested(builder.Configuration))
        {
            return;
        }

        var configuration = builder.Configuration;
        var traces = !string.Equals(configuration["OTEL_TRACES_EXPORTER"], "none", StringComparison.OrdinalIgnoreCase);
        var metrics = !string.Equals(configuration["OTEL_METRICS_EXPORTER"], "none", StringComparison.OrdinalIgnoreCase);
        // The host's AddOpenTelemetry names the service after the application (ArticleBot) only as a default:
        // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES win, as the specification says. An explicit AddService here
        // would override them.
        var telemetry = builder.AddOpenTelemetry();
        if (traces)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(ArticleBotTelemetry.Name)
                .AddSource(AnswerBackendFactory.ChatTelemetrySourceName)
                .AddOtlpExporter());
        }

        if (metrics)
        {
            telemetry.WithMetrics(meters => meters
                .AddMeter(ArticleBotTelemetry.Name)
                .AddMeter(AnswerBackendFactory.ChatTelemetrySourceName)
                .AddOtlpExporter());
        }
    }
}
