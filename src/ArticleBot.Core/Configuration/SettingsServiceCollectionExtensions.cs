using ArticleBot.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Binds an options class to its section and validates it on start with messages that name the setting.</summary>
public static class SettingsServiceCollectionExtensions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to <paramref name="section"/>, after <paramref name="legacySections"/> (where
    /// the settings used to live, so old keys keep working; <paramref name="section"/> wins), and checks its ranges on
    /// start with a <see cref="SettingsValidator{TOptions}"/> that names settings in <paramref name="section"/>.
    /// </summary>
    public static OptionsBuilder<TOptions> AddSettings<TOptions>(this IServiceCollection services, string section, params string[] legacySections)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(legacySections);
        var builder = services.AddOptions<TOptions>();
        foreach (var legacy in legacySections)
        {
            builder.BindConfiguration(legacy);
        }

        builder.BindConfiguration(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(new SettingsValidator<TOptions>(section)));
        foreach (var known in legacySections.Prepend(section))
        {
            services.AddSingleton(new SettingsSection(known, typeof(TOptions)));
        }

        services.TryAddSingleton<KnownSettings>();
        return builder;
    }
}
