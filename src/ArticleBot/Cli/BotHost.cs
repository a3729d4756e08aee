using ArticleBot.Core.Configuration;
using ArticleBot.Chat;
using ArticleBot.Core.Corpus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ArticleBot.Cli;

/// <summary>
/// Builds the generic host every command runs in, and turns configuration errors into exit code 2 with a
/// message that names the setting.
/// </summary>
public static class BotHost
{
    /// <summary>Builds the host. Configuration: appsettings.json, user-secrets, environment variables, switches.</summary>
    public static IHost Build(string[] configurationArgs, bool consoleChat, bool discord = false, bool watchSeeds = false)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = configurationArgs,
            ContentRootPath = ContentRoot.Resolve(),
        });

        Configure(builder, configurationArgs);
        if (consoleChat)
        {
            builder.Services.AddHostedService<ConsoleChatService>();
            builder.AddPluginWatcher();
        }

        if (discord)
        {
            // Under systemd (Type=notify) this reports readiness and stopping; elsewhere it does nothing.
            builder.Services.AddSystemd();
            builder.AddDiscordChannel();
            builder.AddPluginWatcher();
        }

        // A bot that keeps running sees articles added, changed and removed in the seeds folder without a restart.
        if (consoleChat || discord || watchSeeds)
        {
            builder.AddSeedsWatcher();
        }

        var host = builder.Build();
        SettingsCheck.Switches(configurationArgs, host.Services.GetRequiredService<KnownSettings>());
        return host;
    }

    /// <summary>
    /// Configuration (appsettings.json, user-secrets, systemd credentials, environment, switches), logging to stderr
    /// and the core services, for any host builder (the generic host, or the web host of <c>mcp --http</c>).
    /// </summary>
    public static void Configure(IHostApplicationBuilder builder, string[] configurationArgs)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configuration
            .AddJsonFile(Path.Combine(builder.Environment.ContentRootPath, ContentRoot.SettingsFile), optional: true, reloadOnChange: false)
            .AddUserSecrets(typeof(BotHost).Assembly, optional: true, reloadOnChange: false)
            .AddSystemdCredentials()
            .AddEnvironmentVariables()
            .AddCommandLine(configurationArgs);

        // Logs go to stderr so stdout carries only answers and JSON; traces and metrics only when OTEL_* ask for them.
        SettingsCheck.LogLevels(builder.Configuration);
        builder.AddArticleBotDefaults();
        builder.AddArticleBotCore();

        // MCP servers run under this executable's process guard (Linux), so none outlives the bot, even a SIGKILLed one.
        if (Core.Plugins.Mcp.ProcessGuardLauncher.ForThisExecutable() is { } guard)
        {
            builder.Services.AddSingleton(guard);
        }

        builder.AddArticleFeedback();
        builder.AddArticleImport();
        if (UsesPostgres(builder.Configuration))
        {
            AddPostgres(builder);
        }

        // Every command knows every section, so a Discord or Mcp switch given to `ask` is not called a typo.
        builder.Services.AddSingleton(new SettingsSection(Discord.DiscordOptions.SectionName, typeof(Discord.DiscordOptions)));
        builder.Services.AddSingleton(new SettingsSection(ArticleBot.Mcp.ArticleMcpOptions.SectionName, typeof(ArticleBot.Mcp.ArticleMcpOptions)));
    }

    /// <summary>True when <c>Storage:Provider</c> says Postgres (as the options binder reads it: any case, or its number).</summary>
    private static bool UsesPostgres(IConfiguration configuration) =>
        Enum.TryParse<Core.Storage.StorageProvider>(configuration[$"{Core.Storage.StorageOptions.SectionName}:{nameof(Core.Storage.StorageOptions.Provider)}"], ignoreCase: true, out var provider)
        && provider == Core.Storage.StorageProvider.Postgres;

    /// <summary>
    /// Registers the PostgreSQL stores (ratings and imported articles). A method of its own, never inlined: the JIT loads ArticleBot.Postgres and Npgsql
    /// only when it compiles a method that names them, so with the SQLite default neither is ever loaded.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void AddPostgres(IHostApplicationBuilder builder) => builder.AddPostgresFeedback().AddPostgresArticles();

    /// <summary>
    /// Under systemd, <c>LoadCredential=Discord__Token:/etc/articlebot/Discord__Token</c> puts a root-only secret
    /// file in <c>$CREDENTIALS_DIRECTORY</c>, readable by the service alone; each file there is one setting, named
    /// like an environment variable (<c>Discord__Token</c> is <c>Discord:Token</c>). Unlike <c>Environment=</c>,
    /// nothing of it shows in <c>systemctl show</c>.
    /// </summary>
    private static IConfigurationBuilder AddSystemdCredentials(this IConfigurationBuilder configuration)
    {
        var directory = Environment.GetEnvironmentVariable("CREDENTIALS_DIRECTORY");
        return string.IsNullOrWhiteSpace(directory) || !Directory.Exists(directory)
            ? configuration
            : configuration.AddKeyPerFile(source =>
            {
                source.FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(directory);
                source.Optional = true;
                source.SectionDelimiter = "__";
            });
    }

    /// <summary>
    /// Runs <paramref name="body"/> in a started host; configuration and corpus errors print a message naming the
    /// setting and return <see cref="ExitCodes.Usage"/>.
    /// </summary>
    public static async Task<int> RunAsync(string[] configurationArgs, Func<IServiceProvider, CancellationToken, Task<int>> body, CancellationToken cancellationToken, bool watchSeeds = false)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            using var host = Build(configurationArgs, consoleChat: false, watchSeeds: watchSeeds);
            ValidateConfiguration(host);
            await host.StartAsync(cancellationToken);
            try
            {
                return await body(host.Services, cancellationToken);
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
                Flush(host.Services);
            }
        }
        catch (Exception ex) when (DescribeConfigurationError(ex) is { } message)
        {
            await Console.Error.WriteLineAsync($"error: {message}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Failure;
        }
    }

    /// <summary>Runs the interactive console chat until /quit, end of input or Ctrl+C.</summary>
    public static async Task<int> RunChatAsync(string[] configurationArgs, CancellationToken cancellationToken)
    {
        try
        {
            using var host = Build(configurationArgs, consoleChat: true);
            ValidateConfiguration(host);

            // Load the article before the prompt appears, so a bad seeds folder is reported at once.
            host.Services.GetRequiredService<Core.Search.ArticleSearch>();
            await host.RunAsync(cancellationToken);
            return ExitCodes.Success;
        }
        catch (Exception ex) when (DescribeConfigurationError(ex) is { } message)
        {
            await Console.Error.WriteLineAsync($"error: {message}");
            return ExitCodes.Usage;
        }
    }

    /// <summary>Runs the Discord channel until Ctrl+C or SIGTERM; exit code 1 when Discord refuses the bot for good.</summary>
    public static async Task<int> RunDiscordAsync(string[] configurationArgs, CancellationToken cancellationToken)
    {
        try
        {
            using var host = Build(configurationArgs, consoleChat: false, discord: true);
            ValidateConfiguration(host);
            host.Services.GetRequiredService<Core.Search.ArticleSearch>();
            var gateway = host.Services.GetRequiredService<ArticleBot.Discord.Gateway.GatewayShards>();
            await host.RunAsync(cancellationToken);

            // The library only stops the host; choosing the process's exit code is the host's job.
            return gateway.FatalReason is null ? ExitCodes.Success : ExitCodes.Failure;
        }
        catch (Exception ex) when (DescribeConfigurationError(ex) is { } message)
        {
            await Console.Error.WriteLineAsync($"error: {message}");
            return ExitCodes.Usage;
        }
    }

    /// <summary>
    /// Exports what a one-shot command traced and measured before the process exits, once and within 5 s each. A shut
    /// down provider exports what it holds and then nothing more, so disposing the host afterwards sends nothing
    /// again (a flush followed by the disposal sent every metric twice).
    /// </summary>
    private static void Flush(IServiceProvider services)
    {
        services.GetService<TracerProvider>()?.Shutdown(5000);
        services.GetService<MeterProvider>()?.Shutdown(5000);
    }

    /// <summary>
    /// Runs the options validation that <c>StartAsync</c> would run, before the host starts, so a bad setting is
    /// reported once, by <see cref="DescribeConfigurationError"/>, instead of also as a host start failure.
    /// </summary>
    public static void ValidateConfiguration(IHost host) =>
        host.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();

    private static Exception Innermost(Exception exception) => exception.InnerException is { } inner ? Innermost(inner) : exception;

    /// <summary>
    /// Every bad setting at once (the options validators of each section fail together), so one run shows them all:
    /// "invalid configuration: A; B", or null when none is a configuration error.
    /// </summary>
    private static string? DescribeAll(IEnumerable<Exception> exceptions)
    {
        const string Invalid = "invalid configuration: ";
        var messages = exceptions.Select(DescribeConfigurationError).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return messages.Count == 0 ? null
            : messages.All(m => m.StartsWith(Invalid, StringComparison.Ordinal)) ? Invalid + string.Join("; ", messages.Select(m => m[Invalid.Length..]))
            : string.Join("; ", messages);
    }

    /// <summary>A user-facing message for a configuration error, or null when the exception is something else.</summary>
    public static string? DescribeConfigurationError(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            CorpusConfigurationException corpus => corpus.Message,
            Core.Storage.StorageConfigurationException storage => storage.Message,
            SettingsException settings => settings.Message,
            InvalidDataException { Message: var message } data when message.StartsWith("Failed to load configuration from file", StringComparison.Ordinal)
                => $"{data.Message.Replace("Failed to load configuration from file", "cannot read the settings file", StringComparison.Ordinal)} {Innermost(data).Message} Fix it, or remove it to use the defaults.",
            // The validators write messages that name the setting (e.g. "Corpus:PassageTargetChars must be between …").
            OptionsValidationException validation => $"invalid configuration: {string.Join("; ", validation.Failures)}",
            InvalidOperationException invalid when invalid.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal)
                => $"invalid configuration: {invalid.Message}",
            AggregateException aggregate => DescribeAll(aggregate.InnerExceptions),
            _ when exception.InnerException is { } inner => DescribeConfigurationError(inner),
            _ => null,
        };
    }
}
