using System.Reflection;
using System.Runtime.Versioning;
using ArticleBot.Core.Llm;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace ArticleBot.Core.Plugins;

/// <summary>
/// Every plugin the bot has: the built-in plugins (the article plugin, registered as a <see cref="KernelPlugin"/>), compiled plugins (class libraries in their own collectible
/// load context) and prompt plugins (Semantic Kernel prompt directories), found in the plugin folders. Holds the
/// current <see cref="Kernel"/>, an immutable snapshot rebuilt on <see cref="Reload"/>, so answers in flight keep
/// the kernel they started with. A plugin that cannot load is listed as failed with the reason; the others load.
/// </summary>
public sealed partial class PluginCatalog : IKernelSource, IDisposable
{
    private readonly IServiceProvider _services;
    private readonly IReadOnlyList<KernelPlugin> _builtins;
    private readonly IOptions<PluginOptions> _options;
    private readonly IOptions<LlmOptions> _llmOptions;
    private readonly string _contentRoot;
    private readonly ILogger<PluginCatalog> _logger;
    private readonly PluginHealth _health;
    private readonly TimeProvider _time;
    private readonly Lazy<Kernel> _builtinKernel;
    private readonly IReadOnlyList<IPluginSource> _sources;
    private readonly Lock _gate = new();
    private Snapshot? _current;

    // Every reload request and source change takes the next number; a snapshot is installed only when no snapshot
    // built after a later change is installed already. Changes arrive on several threads (a server's loop, a failing
    // call), and a build that began first (it loads the plugin folders) can end last: unordered, its older states
    // would overwrite the newer ones, and a listing would show a server that crashed and restarted as never failing.
    private long _changes;
    private long _installed = -1;

    /// <summary>Creates the catalog; plugin folders load on first use of <see cref="Kernel"/> or <see cref="Plugins"/>.</summary>
    public PluginCatalog(IServiceProvider services, IEnumerable<KernelPlugin> builtins, IOptions<PluginOptions> options, IOptions<LlmOptions> llmOptions, IHostEnvironment environment, PluginHealth health, TimeProvider time, ILogger<PluginCatalog> logger, IEnumerable<IPluginSource>? sources = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _services = services;
        _builtins = builtins.ToList();
        _options = options;
        _llmOptions = llmOptions;
        _contentRoot = environment.ContentRootPath;
        _health = health;
        _time = time;
        _logger = logger;
        _builtinKernel = new Lazy<Kernel>(() => new Kernel(_services, new KernelPluginCollection(_builtins)));
        _sources = sources?.ToList() ?? [];
        foreach (var source in _sources)
        {
            source.Changed += () =>
            {
                // Counted even before the first build: a change during that build makes it rebuild (see Current).
                var change = Interlocked.Increment(ref _changes);
                if (Volatile.Read(ref _current) is not null)
                {
                    Install(change);
                }
            };
        }
    }

    /// <summary>Raised after a reload.</summary>
    public event Action? Reloaded;

    /// <summary>The kernel with every loaded plugin.</summary>
    public Kernel Kernel => Current.Kernel;

    /// <inheritdoc/>
    public Kernel BuiltinKernel => _builtinKernel.Value;

    /// <summary>
    /// Every plugin, loaded or not, in name order (the built-in plugins first). A plugin taken out of service after a
    /// call overran its budget is listed as failed, with the reason.
    /// </summary>
    public IReadOnlyList<PluginInfo> Plugins =>
        [.. Latest.Plugins.Select(p => p.State == PluginState.Loaded && _health.Failure(p.Name) is { } failure ? p with { State = PluginState.Failed, Reason = failure } : p)];

    /// <summary>
    /// Loads the plugins if need be and waits until those that start in the background (MCP servers) are up or failed,
    /// so that a listing or a call sees them; every other use of the catalog goes on without waiting.
    /// </summary>
    public async Task SettleAsync(CancellationToken cancellationToken)
    {
        _ = Current;
        await Task.WhenAll(_sources.Select(s => s.WhenStartedAsync(cancellationToken)));
    }

    /// <summary>The folders searched for plugins.</summary>
    public IReadOnlyList<string> Directories()
    {
        var directories = new List<string>();
        if (_options.Value.IncludeDefaultDirectory)
        {
            directories.Add(Path.Combine(AppContext.BaseDirectory, "plugins"));
        }

        directories.AddRange(_options.Value.Directories.Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => Path.GetFullPath(d, _contentRoot)));
        return directories.Select(d => Path.TrimEndingDirectorySeparator(d)).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>A plugin's function, or null.</summary>
    public KernelFunction? FindFunction(string plugin, string function)
    {
        var snapshot = Current;
        if (snapshot.Kernel.Plugins.TryGetFunction(plugin, function, out var loaded))
        {
            return loaded;
        }

        return snapshot.Unavailable.TryGetValue(plugin, out var unavailable) && unavailable.TryGetFunction(function, out var f) ? f : null;
    }

    /// <summary>Loads every plugin again (after a folder changed), then unloads the old compiled plugins.</summary>
    public void Reload() => Install(Interlocked.Increment(ref _changes));

    private void Install(long change)
    {
        var fresh = Build();
        Snapshot? old;
        bool stale;
        lock (_gate)
        {
            // A build begun after a later change may be installed already: this one may hold older states.
            stale = change < _installed;
            old = stale ? fresh : _current;
            if (!stale)
            {
                _current = fresh;
                _installed = change;
            }
        }

        old?.Unload();
        if (stale)
        {
            return;
        }

        _health.Clear();
        var loaded = fresh.Plugins.Count(p => p.State == PluginState.Loaded);
        var failed = fresh.Plugins.Count(p => p.State == PluginState.Failed);
        Log.PluginsLoaded(_logger, loaded, failed);
        Reloaded?.Invoke();
    }

    /// <inheritdoc/>
    public void Dispose() => _current?.Unload();

    /// <summary>The load contexts of the loaded compiled plugins (for unload checks in tests).</summary>
    internal IEnumerable<System.Runtime.Loader.AssemblyLoadContext> Contexts() => Current.Contexts;

    /// <summary>
    /// The snapshot with every source change made so far. A change is installed by the thread that made it, after a
    /// rebuild that can take a while (it loads the plugin folders, and on a busy machine waits for a core): a listing
    /// asked for meanwhile, on another thread that already heard of the change (a call that failed because the server
    /// crashed), would show the state before it. So a listing that finds a change not yet installed rebuilds first.
    /// </summary>
    private Snapshot Latest
    {
        get
        {
            var snapshot = Current;
            var change = Volatile.Read(ref _changes);
            if (change <= Volatile.Read(ref _installed))
            {
                return snapshot;
            }

            Install(change);
            return Volatile.Read(ref _current) ?? snapshot;
        }
    }

    private Snapshot Current
    {
        get
        {
            if (_current is { } snapshot)
            {
                return snapshot;
            }

            Snapshot built;
            long seen;
            lock (_gate)
            {
                if (_current is { } other)
                {
                    return other;
                }

                seen = Volatile.Read(ref _changes);
                built = _current = Build();
                _installed = seen;
            }

            if (Volatile.Read(ref _changes) != seen)
            {
                // A source changed while the first snapshot was built, before it could ask for a reload.
                Reload();
            }

            return _current ?? built;
        }
    }

    private Snapshot Build()
    {
        var kernelPlugins = new KernelPluginCollection();
        var infos = new List<PluginInfo>();
        foreach (var builtin in _builtins)
        {
            kernelPlugins.Add(builtin);
            infos.Add(Describe(builtin, PluginKind.Builtin, PluginState.Loaded, null, "built in"));
        }

        var contexts = new List<PluginLoadContext>();
        var unavailable = new Dictionary<string, KernelPlugin>(StringComparer.Ordinal);
        var candidates = new List<(KernelPlugin Plugin, PluginInfo Info)>();

        foreach (var folder in Directories().Where(Directory.Exists).SelectMany(d => Directory.EnumerateDirectories(d).Order(StringComparer.Ordinal)))
        {
            foreach (var (plugin, info) in LoadFolder(folder, contexts))
            {
                if (plugin is null)
                {
                    infos.Add(info);
                }
                else
                {
                    candidates.Add((plugin, info));
                }
            }
        }

        foreach (var (plugin, info) in _sources.SelectMany(s => s.GetPlugins()))
        {
            if (plugin is null)
            {
                infos.Add(info);
            }
            else
            {
                candidates.Add((plugin, info));
            }
        }

        // Two plugins with one name: both are reported, neither silently wins.
        var taken = new HashSet<string>(_builtins.Select(b => b.Name), StringComparer.OrdinalIgnoreCase);
        foreach (var group in candidates.GroupBy(c => c.Info.Name, StringComparer.OrdinalIgnoreCase))
        {
            if (group.Count() > 1 || taken.Contains(group.Key))
            {
                var sources = string.Join(", ", group.Select(g => g.Info.Source));
                infos.AddRange(group.Select(g => g.Info with { State = PluginState.Failed, Reason = $"duplicate plugin name '{group.Key}' (found in {sources}{(taken.Contains(group.Key) ? " and built in" : string.Empty)}); rename one" }));
                continue;
            }

            var (plugin, info) = group.Single();
            taken.Add(group.Key);
            if (info.State == PluginState.Loaded)
            {
                kernelPlugins.Add(plugin);
            }
            else
            {
                unavailable[plugin.Name] = plugin;
            }

            infos.Add(info);
        }

        var ordered = infos.Take(_builtins.Count).Concat(infos.Skip(_builtins.Count).OrderBy(i => i.Name, StringComparer.OrdinalIgnoreCase).ThenBy(i => i.Source, StringComparer.Ordinal)).ToList();
        return new Snapshot(new Kernel(_services, kernelPlugins), ordered, contexts, unavailable);
    }

    /// <summary>One plugin folder: a prompt directory, or a compiled library whose main DLL is named like the folder.</summary>
    private IEnumerable<(KernelPlugin? Plugin, PluginInfo Info)> LoadFolder(string folder, List<PluginLoadContext> contexts)
    {
        var name = Path.GetFileName(folder);
        var isPrompt = Directory.EnumerateDirectories(folder).Any(f => File.Exists(Path.Combine(f, "skprompt.txt")));
        if (isPrompt)
        {
            return [LoadPromptPlugin(folder, name)];
        }

        var dll = Path.Combine(folder, name + ".dll");
        if (!File.Exists(dll))
        {
            return [(null, Failed(name, PluginKind.Compiled, folder, $"no {name}.dll and no <Function>/skprompt.txt in {folder}"))];
        }

        return LoadCompiledPlugin(dll, name, contexts);
    }

    private (KernelPlugin?, PluginInfo) LoadPromptPlugin(string folder, string name)
    {
        try
        {
            var plugin = new Kernel(_services).CreatePluginFromPromptDirectory(folder, SafeName(name));
            var needsModel = _llmOptions.Value.ParsedProvider == LlmProvider.None;
            return (plugin, Describe(plugin, PluginKind.Prompt, needsModel ? PluginState.Unavailable : PluginState.Loaded, needsModel ? "needs a language model: Llm:Provider is None" : null, folder));
        }
        catch (Exception ex)
        {
            return (null, Failed(name, PluginKind.Prompt, folder, $"cannot load the prompt directory: {Describe(ex)}"));
        }
    }

    private IEnumerable<(KernelPlugin?, PluginInfo)> LoadCompiledPlugin(string dll, string name, List<PluginLoadContext> contexts)
    {
        var context = new PluginLoadContext(dll);
        var results = new List<(KernelPlugin?, PluginInfo)>();
        try
        {
            var assembly = context.LoadMain();
            if (Incompatible(assembly) is { } framework)
            {
                context.Unload();
                return [(null, Failed(name, PluginKind.Compiled, dll, $"built for {framework}; plugins must target .NET 8 or later up to {Environment.Version.Major} (or .NET Standard)"))];
            }

            var types = assembly.GetExportedTypes().Where(IsPluginType).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
            if (types.Count == 0)
            {
                context.Unload();
                return [(null, Failed(name, PluginKind.Compiled, dll, "no public class with [KernelFunction] methods"))];
            }

            foreach (var type in types)
            {
                var pluginName = SafeName(type.Name);
                try
                {
                    // The constructor is the plugin's code: on a thread of its own, so one that hangs fails the plugin, not the bot.
                    var budget = TimeSpan.FromSeconds(_options.Value.LoadTimeoutSeconds);
                    object instance;
                    try
                    {
                        instance = PluginThread.Run(() => ActivatorUtilities.CreateInstance(new PluginServices(_services), type), budget, _time);
                    }
                    catch (TimeoutException)
                    {
                        results.Add((null, Failed(pluginName, PluginKind.Compiled, dll, $"its constructor did not finish within {_options.Value.LoadTimeoutSeconds} s (Plugins:LoadTimeoutSeconds)")));
                        continue;
                    }

                    var plugin = KernelPluginFactory.CreateFromObject(instance, pluginName);
                    results.Add((plugin, Describe(plugin, PluginKind.Compiled, PluginState.Loaded, null, dll)));
                }
                catch (Exception ex)
                {
                    results.Add((null, Failed(pluginName, PluginKind.Compiled, dll, $"cannot create {type.FullName}: {Describe(ex)}")));
                }
            }

            contexts.Add(context);
            return results;
        }
        catch (Exception ex)
        {
            context.Unload();
            return [(null, Failed(name, PluginKind.Compiled, dll, Describe(ex)))];
        }
    }

    private static bool IsPluginType(Type type) =>
        type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }
        && type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
            .Any(m => m.GetCustomAttributesData().Any(a => a.AttributeType.FullName == typeof(KernelFunctionAttribute).FullName));

    /// <summary>The target framework when it cannot run here (.NET Framework, or a newer .NET than this runtime).</summary>
    private static string? Incompatible(Assembly assembly)
    {
        var attribute = assembly.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == typeof(TargetFrameworkAttribute).FullName);
        if (attribute?.ConstructorArguments.FirstOrDefault().Value is not string framework)
        {
            return null;
        }

        var name = new FrameworkName(framework);
        if (name.Identifier == ".NETFramework")
        {
            return framework;
        }

        return name.Identifier == ".NETCoreApp" && name.Version.Major > Environment.Version.Major ? framework : null;
    }

    private static string SafeName(string name)
    {
        var safe = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_').ToArray());
        return safe.Length == 0 ? "plugin" : safe;
    }

    private static string Describe(Exception exception) => exception switch
    {
        BadImageFormatException => "not a valid .NET assembly (corrupt, or not a class library)",
        FileNotFoundException f => $"missing dependency {f.FileName ?? f.Message}: copy the plugin's whole build output into its folder",
        FileLoadException f => $"cannot load {f.FileName}: {f.Message}",
        ReflectionTypeLoadException r => $"types failed to load: {r.LoaderExceptions.FirstOrDefault(e => e is not null)?.Message ?? r.Message}",
        TargetInvocationException { InnerException: { } inner } => Describe(inner),
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };

    private static PluginInfo Failed(string name, PluginKind kind, string source, string reason) => new(name, kind, PluginState.Failed, reason, source, []);

    private static PluginInfo Describe(KernelPlugin plugin, PluginKind kind, PluginState state, string? reason, string source) =>
        new(plugin.Name, kind, state, reason, source, plugin.GetFunctionsMetadata().OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => new PluginFunctionInfo(
            f.Name,
            f.Description,
            f.Parameters.Select(p => new PluginParameterInfo(p.Name, TypeName(p.ParameterType), p.IsRequired, p.Description)).ToList())).ToList());

    private static string TypeName(Type? type) => ToolArguments.TypeName(type);

    private sealed record Snapshot(Kernel Kernel, IReadOnlyList<PluginInfo> Plugins, List<PluginLoadContext> Contexts, Dictionary<string, KernelPlugin> Unavailable)
    {
        public void Unload()
        {
            foreach (var context in Contexts)
            {
                context.Unload();
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5001, EventName = "PluginsLoaded", Level = LogLevel.Information, Message = "Plugins reloaded: {Loaded} loaded, {Failed} failed")]
        public static partial void PluginsLoaded(ILogger logger, int loaded, int failed);
    }
}
