using Microsoft.Extensions.Logging;

namespace ArticleBot.Core.Plugins;

/// <summary>
/// The services a plugin's constructor gets: the host's, except that <c>ILogger&lt;TPlugin&gt;</c> is made fresh from the
/// logger factory. The host container would cache a logger of a plugin type for the life of the process, and that
/// cache would keep the plugin's load context alive after an unload.
/// </summary>
internal sealed class PluginServices(IServiceProvider host) : IServiceProvider
{
    private readonly ILoggerFactory? _loggers = host.GetService(typeof(ILoggerFactory)) as ILoggerFactory;

    public object? GetService(Type serviceType)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceType.IsGenericType && serviceType.GetGenericTypeDefinition() == typeof(ILogger<>) && _loggers is not null)
        {
            return Activator.CreateInstance(typeof(Logger<>).MakeGenericType(serviceType.GetGenericArguments()), _loggers);
        }

        return host.GetService(serviceType);
    }
}
