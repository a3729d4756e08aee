using ArticleBot.Core.Feedback;
using ArticleBot.Discord;
using ArticleBot.Discord.Bot;
using ArticleBot.Discord.Gateway;
using ArticleBot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers the Discord channel.</summary>
public static class DiscordServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Discord channel (gateway, REST client, bot, hosted service). Binds:
    /// <code>
    /// "Discord": { "ApiBaseUrl": "https://discord.com/api/v10", "GatewayUrl": "", "GuildIds": [], "AllowedChannelIds": [],
    ///              "MessageContentIntent": false, "UserCooldownSeconds": 10, "ShardCount": 0, "ShardIds": [] }
    /// </code>
    /// and <c>Discord:Token</c> from the environment or user-secrets; <c>/article</c> adds article import
    /// (<c>Ingest</c> settings). Call after <c>AddArticleBotCore</c>.
    /// </summary>
    public static IHostApplicationBuilder AddDiscordChannel(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (!services.Any(d => d.ServiceType == typeof(IFeedbackStore)))
        {
            // Answers carry rating buttons: the ratings store (Feedback:DatabasePath, else under Corpus:CachePath).
            builder.AddArticleFeedback();
        }

        // Range and format failures name the setting (Discord:MaxConcurrentAnswers), not the C# member.
        services.AddSettings<DiscordOptions>(DiscordOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RateLimiter>();
        services.AddHttpClient<IDiscordRestClient, DiscordRestClient>(client => client.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddSingleton<IGatewayTransportFactory, WebSocketGatewayTransportFactory>();
        services.TryAddSingleton<IdentifyLimiter>();
        services.TryAddSingleton<DiscordSession>();
        services.TryAddSingleton<GatewayShards>();
        services.TryAddSingleton<OwnMessages>();
        services.TryAddSingleton<UserCooldown>();
        services.TryAddSingleton<AnswerPoster>();
        services.TryAddSingleton<MessageHandler>();
        services.TryAddSingleton<AskCommandHandler>();
        services.TryAddSingleton<PluginsCommandHandler>();
        services.TryAddSingleton<CallCommandHandler>();
        services.TryAddSingleton<MessageCommandGate>();
        services.TryAddSingleton<MessageClaimCheck>();
        services.TryAddSingleton<AskMessageCommandHandler>();
        services.TryAddSingleton<CheckMessageCommandHandler>();
        services.TryAddSingleton<RatingButtonHandler>();

        // /article: the importer of `ArticleBot add`, writing a server's articles to {seeds}/guilds/{id}/.
        builder.AddArticleImport();
        services.TryAddSingleton<ArticleBot.Discord.Articles.GuildCorpora>();
        services.TryAddSingleton<ArticleCommandHandler>();
        services.TryAddSingleton<DiscordBot>();
        services.AddHostedService<DiscordBotService>();
        return builder;
    }
}

/// <summary>The token must be there; the message says how to set it and never shows it.</summary>
public sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Token))
        {
            return ValidateOptionsResult.Fail(
                "Discord:Token is missing. Set it with the environment variable Discord__Token or `dotnet user-secrets set Discord:Token <token> --project src/ArticleBot` (Developer Portal → your application → Bot → Reset Token).");
        }

        if (!string.IsNullOrWhiteSpace(options.GatewayUrl) && (!Uri.TryCreate(options.GatewayUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("ws" or "wss")))
        {
            return ValidateOptionsResult.Fail($"Discord:GatewayUrl '{options.GatewayUrl}' is not a ws:// or wss:// URL.");
        }

        if (options.ShardIds.Where(id => id < 0 || (options.ShardCount > 0 && id >= options.ShardCount)).Select(id => (int?)id).FirstOrDefault() is int bad)
        {
            return ValidateOptionsResult.Fail(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Discord:ShardIds contains {bad}: shard ids run from 0 to Discord:ShardCount − 1 ({options.ShardCount} shards)."));
        }

        if (options.ShardIds.Distinct().Count() != options.ShardIds.Count)
        {
            return ValidateOptionsResult.Fail("Discord:ShardIds lists a shard twice.");
        }

        return ValidateOptionsResult.Success;
    }
}
