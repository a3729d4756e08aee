using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.Versioning;
using ArticleBot.Core.Plugins;
using ArticleBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.SemanticKernel;

namespace ArticleBot.Core.Tests.Plugins;

public sealed class PluginCatalogTests : IDisposable
{
    private const string TestPlugins = "ArticleBot.TestPlugins";
    private readonly string _root = Directory.CreateTempSubdirectory("articlebot-plugins-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string PluginsDirectory => Path.Combine(_root, "plugins");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>The test plugins' build output (artifacts/bin/ArticleBot.TestPlugins/&lt;config&gt;).</summary>
    internal static string TestPluginsOutput()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        return Path.Combine(AppContext.BaseDirectory, "..", "..", TestPlugins, configuration);
    }

    private string InstallTestPlugins(bool withDependency = true, string? directory = null)
    {
        var target = Directory.CreateDirectory(Path.Combine(directory ?? PluginsDirectory, TestPlugins)).FullName;
        foreach (var file in Directory.GetFiles(TestPluginsOutput()))
        {
            if (withDependency || !Path.GetFileName(file).StartsWith("ArticleBot.TestPlugins.Dependency", StringComparison.Ordinal))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
            }
        }

        return target;
    }

    private IHost Host(TimeProvider? time = null, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Plugins:IncludeDefaultDirectory"] = "false",
            ["Plugins:Directories:0"] = PluginsDirectory,
            ["Plugins:CallTimeoutSeconds"] = "5",
            ["Corpus:CachePath"] = TestCorpus.SharedCachePath,
        };
        foreach (var (k, v) in extra ?? [])
        {
            settings[k] = v;
        }

        return TestCorpus.BuildHost(AppContext.BaseDirectory, settings, services =>
        {
            if (time is not null)
            {
                services.AddSingleton(time);
            }
        });
    }

    private static PluginInfo Plugin(IHost host, string name) =>
        host.Services.GetRequiredService<PluginCatalog>().Plugins.Single(p => p.Name == name);

    [Fact]
    public void CompiledPlugins_LoadEachPublicClass_AndReportEachFailureByName()
    {
        // Arrange
        InstallTestPlugins();
        using var host = Host();

        // Act
        var plugins = host.Services.GetRequiredService<PluginCatalog>().Plugins;

        // Assert
        Assert.Equal("article", plugins[0].Name);
        var echo = plugins.Single(p => p.Name == "Echo");
        Assert.Equal((PluginKind.Compiled, PluginState.Loaded), (echo.Kind, echo.State));
        var say = echo.Functions.Single(f => f.Name == "echo");
        Assert.Equal([("text", "string", true), ("times", "integer", false)], say.Parameters.Select(p => (p.Name, p.Type, p.Required)));
        var broken = plugins.Single(p => p.Name == "BrokenConstructor");
        Assert.Equal(PluginState.Failed, broken.State);
        Assert.Contains("constructor exploded", broken.Reason, StringComparison.Ordinal);
        Assert.Equal(PluginState.Loaded, Plugin(host, "Thrower").State);
        Assert.Equal(PluginState.Loaded, Plugin(host, "Sleeper").State);
        var kernel = host.Services.GetRequiredService<Kernel>();
        Assert.True(kernel.Plugins.Contains("Echo"));
        Assert.False(kernel.Plugins.Contains("BrokenConstructor"));
    }

    [Fact]
    public async Task PrivateDependency_ResolvesInsideThePluginsOwnContext()
    {
        InstallTestPlugins();
        using var host = Host();

        var result = await host.Services.GetRequiredService<PluginInvoker>().InvokeAsync("Echo.where", new Dictionary<string, string>(), Ct);

        Assert.Equal(TestPlugins, result.Result);
    }

    [Theory]
    [InlineData("Echo.echo")]
    [InlineData("Echo_echo")]
    [InlineData("echo_ECHO")]
    public async Task Call_TakesEitherSpellingOfAToolName(string name)
    {
        InstallTestPlugins();
        using var host = Host();

        var result = await host.Services.GetRequiredService<PluginInvoker>().InvokeAsync(name, new Dictionary<string, string> { ["text"] = "hi" }, Ct);

        Assert.Equal(("Echo", "echo"), (result.Plugin, result.Function));
        Assert.Contains("hi", result.Result, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolveName_UnderscoresInsideNames_MatchTheLoadedPlugin()
    {
        InstallTestPlugins();
        using var host = Host();
        var invoker = host.Services.GetRequiredService<PluginInvoker>();

        Assert.Equal(("article", "get_passage"), invoker.ResolveName("article_get_passage"));
        Assert.Equal(("article", "get_passage"), invoker.ResolveName("article.get_passage"));
        Assert.Equal("article_get_passage", PluginInvoker.ToolName("article", "get_passage"));
        Assert.Throws<PluginCallException>(() => invoker.ResolveName("nothing"));
    }

    [Fact]
    public void MissingDependency_FailsThePluginThatNeedsIt_NamingTheFile()
    {
        InstallTestPlugins(withDependency: false);
        using var host = Host();

        var plugin = Plugin(host, "NeedsDependency");

        Assert.Equal(PluginState.Failed, plugin.State);
        Assert.Contains("ArticleBot.TestPlugins.Dependency", plugin.Reason, StringComparison.Ordinal);
        Assert.Equal(PluginState.Loaded, Plugin(host, "Echo").State);
    }

    [Fact]
    public void CorruptDll_IsReportedFailed_TheRestStillLoads()
    {
        InstallTestPlugins();
        var corrupt = Directory.CreateDirectory(Path.Combine(PluginsDirectory, "Corrupt")).FullName;
        File.WriteAllBytes(Path.Combine(corrupt, "Corrupt.dll"), [0x4D, 0x5A, 0x00, 0x01, 0x02, 0x03, 0xFF]);
        using var host = Host();

        var plugin = Plugin(host, "Corrupt");

        Assert.Equal(PluginState.Failed, plugin.State);
        Assert.Contains("not a valid .NET assembly", plugin.Reason, StringComparison.Ordinal);
        Assert.Equal(PluginState.Loaded, Plugin(host, "Echo").State);
    }

    [Fact]
    public void DllForAnotherFramework_IsReportedFailed()
    {
        var folder = Directory.CreateDirectory(Path.Combine(PluginsDirectory, "Future")).FullName;
        EmitAssembly(Path.Combine(folder, "Future.dll"), "Future", ".NETCoreApp,Version=v99.0");
        using var host = Host();

        var plugin = Plugin(host, "Future");

        Assert.Equal(PluginState.Failed, plugin.State);
        Assert.Contains("v99.0", plugin.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FolderWithoutPlugin_IsReportedFailed()
    {
        Directory.CreateDirectory(Path.Combine(PluginsDirectory, "Empty"));
        using var host = Host();

        Assert.Contains("no Empty.dll", Plugin(host, "Empty").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThrowingFunction_FailsItsCall_TheBotKeepsAnswering()
    {
        InstallTestPlugins();
        using var host = Host();
        var invoker = host.Services.GetRequiredService<PluginInvoker>();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => invoker.InvokeAsync("Thrower.fail", new Dictionary<string, string>(), Ct));

        Assert.Contains("function exploded", error.ToString(), StringComparison.Ordinal);
        var answer = await host.Services.GetRequiredService<ArticleBot.Core.Answering.ArticleAnswerer>().AskAsync("英偉達的市值突破了多少？", null, Ct);
        Assert.True(answer.Grounded);
    }

    [Fact]
    public async Task HangingFunction_TimesOut()
    {
        InstallTestPlugins();
        var time = new FakeTimeProvider();
        using var host = Host(time);
        var invoker = host.Services.GetRequiredService<PluginInvoker>();

        var call = invoker.InvokeAsync("Sleeper.sleep", new Dictionary<string, string>(), Ct);
        while (!call.IsCompleted)
        {
            await Task.Delay(10, Ct);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var error = await Assert.ThrowsAsync<PluginTimeoutException>(() => call);
        Assert.Contains("Plugins:CallTimeoutSeconds", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Echo.echo", "", "missing text")]
    [InlineData("Echo.echo", "text=hi times=many", "times='many' is not of type integer")]
    [InlineData("Echo.nope", "", "has no function 'nope'")]
    [InlineData("Nobody.echo", "", "there is no plugin 'Nobody'")]
    [InlineData("Echo.echo", "text=hi colour=red", "unknown argument colour")]
    [InlineData("Echo.echo", "text=hi times=99999999999", "times='99999999999' is not of type integer")]
    [InlineData("Echo.echo", "text=hi times=1e400", "times='1e400' is not of type integer")]
    public async Task BadCalls_AreExplained_WithTheParameters(string function, string arguments, string expected)
    {
        InstallTestPlugins();
        using var host = Host();
        var invoker = host.Services.GetRequiredService<PluginInvoker>();

        var error = await Assert.ThrowsAsync<PluginCallException>(() => invoker.InvokeAsync(function, PluginInvoker.ParseArguments(arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)), Ct));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GoodCall_ConvertsTextArguments()
    {
        InstallTestPlugins();
        using var host = Host();

        var result = await host.Services.GetRequiredService<PluginInvoker>().InvokeAsync("echo.ECHO", new Dictionary<string, string> { ["text"] = "hi", ["times"] = "3" }, Ct);

        Assert.Equal(("Echo", "echo", "hi hi hi"), (result.Plugin, result.Function, result.Result));
    }

    [Fact]
    public async Task PromptPlugin_WithoutAModel_IsUnavailable_AndSaysWhy()
    {
        WritePromptPlugin(PluginsDirectory, "Writer", "Say hello to {{$name}}.", """{"schema":1,"description":"Greets.","input_variables":[{"name":"name","description":"who","is_required":true}]}""");
        using var host = Host();

        var plugin = Plugin(host, "Writer");
        var error = await Assert.ThrowsAsync<PluginCallException>(() => host.Services.GetRequiredService<PluginInvoker>().InvokeAsync("Writer.Greet", new Dictionary<string, string> { ["name"] = "Ada" }, Ct));

        Assert.Equal((PluginKind.Prompt, PluginState.Unavailable), (plugin.Kind, plugin.State));
        Assert.Contains("Llm:Provider", plugin.Reason, StringComparison.Ordinal);
        Assert.Equal("Greets.", plugin.Functions.Single().Description);
        Assert.Contains("unavailable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PromptPlugin_WithBrokenConfig_IsReportedFailed()
    {
        WritePromptPlugin(PluginsDirectory, "Broken", "Hi {{$name}}", "{ this is not json");
        using var host = Host();

        var plugin = Plugin(host, "Broken");

        Assert.Equal(PluginState.Failed, plugin.State);
        Assert.Contains("prompt directory", plugin.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoPluginsWithOneName_AreBothReported_NeitherWins()
    {
        var second = Path.Combine(_root, "more-plugins");
        WritePromptPlugin(PluginsDirectory, "Twin", "one {{$x}}", null);
        WritePromptPlugin(second, "Twin", "two {{$x}}", null);
        using var host = Host(extra: new() { ["Plugins:Directories:1"] = second });

        var twins = host.Services.GetRequiredService<PluginCatalog>().Plugins.Where(p => p.Name == "Twin").ToList();

        Assert.Equal(2, twins.Count);
        Assert.All(twins, t => Assert.Equal(PluginState.Failed, t.State));
        Assert.All(twins, t => Assert.Contains("duplicate plugin name", t.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Reload_PicksUpRemovals_AndUnloadsTheOldContext()
    {
        var installed = InstallTestPlugins();
        using var host = Host();
        var catalog = host.Services.GetRequiredService<PluginCatalog>();
        Assert.True(HasEcho(catalog));
        var unloading = 0;
        var context = WatchContext(catalog, () => Interlocked.Increment(ref unloading));

        Directory.Delete(installed, recursive: true);
        catalog.Reload();

        Assert.DoesNotContain(catalog.Plugins, p => p.Name == "Echo");
        Assert.False(catalog.Kernel.Plugins.Contains("Echo"));
        Assert.Equal(1, unloading);
        Assert.Empty(catalog.Contexts());
        for (var i = 0; i < 30 && context.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(context.IsAlive, "the old plugin context was collected");
    }

    /// <summary>Takes a weak handle on the plugin context in a frame of its own, so no local keeps it alive.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference WatchContext(PluginCatalog catalog, Action onUnloading)
    {
        var context = Assert.Single(catalog.Contexts());
        context.Unloading += _ => onUnloading();
        return new WeakReference(context);
    }

    [Fact]
    public async Task Watcher_LoadsAPluginDroppedIntoTheFolder()
    {
        Directory.CreateDirectory(PluginsDirectory);
        using var host = Host(extra: new() { ["Plugins:ReloadDebounceMilliseconds"] = "100" });
        var catalog = host.Services.GetRequiredService<PluginCatalog>();
        using var watcher = ActivatorUtilities.CreateInstance<PluginWatcher>(host.Services);
        var reloaded = ReloadedWithEcho(catalog);
        await watcher.StartAsync(Ct);
        try
        {
            Assert.DoesNotContain(catalog.Plugins, p => p.Name == "Echo");

            // No wait: the folders are watched once StartAsync returns (a plugin dropped in at once is seen).
            InstallTestPlugins();
            await reloaded.WaitAsync(TimeSpan.FromSeconds(15), Ct);

            Assert.True(catalog.Kernel.Plugins.Contains("Echo"));
        }
        finally
        {
            await watcher.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Watcher_AFolderThatCannotBeMade_IsOneWarning_AndTheOtherFoldersAreStillWatched()
    {
        // Arrange: a file stands where the first plugin folder would be made
        var blocked = Path.Combine(_root, "a-file");
        await File.WriteAllTextAsync(blocked, "not a folder", Ct);
        using var host = Host(extra: new()
        {
            ["Plugins:Directories:0"] = Path.Combine(blocked, "plugins"),
            ["Plugins:Directories:1"] = PluginsDirectory,
            ["Plugins:ReloadDebounceMilliseconds"] = "100",
        });
        var catalog = host.Services.GetRequiredService<PluginCatalog>();
        var logger = new CapturingLogger<PluginWatcher>();
        using var watcher = new PluginWatcher(catalog, host.Services.GetRequiredService<IOptions<PluginOptions>>(), TimeProvider.System, logger);
        var reloaded = ReloadedWithEcho(catalog);

        // Act
        await watcher.StartAsync(Ct);
        try
        {
            InstallTestPlugins();
            await reloaded.WaitAsync(TimeSpan.FromSeconds(15), Ct);
        }
        finally
        {
            await watcher.StopAsync(CancellationToken.None);
        }

        // Assert
        var warning = Assert.Single(logger.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Contains($"Plugin folder {Path.Combine(blocked, "plugins")} is not watched", warning.Message, StringComparison.Ordinal);
        Assert.True(catalog.Kernel.Plugins.Contains("Echo"));
    }

    /// <summary>Completes at the first reload after which the catalog holds the Echo plugin.</summary>
    private static Task ReloadedWithEcho(PluginCatalog catalog)
    {
        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        catalog.Reloaded += () =>
        {
            if (catalog.Plugins.Any(p => p.Name == "Echo"))
            {
                reloaded.TrySetResult();
            }
        };
        return reloaded.Task;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static bool HasEcho(PluginCatalog catalog) => catalog.Plugins.Any(p => p.Name == "Echo");

    private static void WritePromptPlugin(string directory, string plugin, string prompt, string? config)
    {
        var function = Directory.CreateDirectory(Path.Combine(directory, plugin, "Greet")).FullName;
        File.WriteAllText(Path.Combine(function, "skprompt.txt"), prompt);
        if (config is not null)
        {
            File.WriteAllText(Path.Combine(function, "config.json"), config);
        }
    }

    /// <summary>Writes a class library that says it targets <paramref name="framework"/> (no compiler needed).</summary>
    private static void EmitAssembly(string path, string name, string framework)
    {
        var builder = new PersistedAssemblyBuilder(new AssemblyName(name), typeof(object).Assembly);
        builder.SetCustomAttribute(new CustomAttributeBuilder(typeof(TargetFrameworkAttribute).GetConstructor([typeof(string)])!, [framework]));
        var module = builder.DefineDynamicModule(name);
        var type = module.DefineType(name + ".Plugin", TypeAttributes.Public | TypeAttributes.Class);
        type.CreateType();
        using var stream = File.Create(path);
        builder.Save(stream);
    }
}

public sealed class PluginUnloadDuringCallTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("articlebot-unload-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Reload_WhileACallRuns_TheCallEndsCleanly_AndTheBotKeepsWorking()
    {
        // Arrange: Sleeper is mid-call when its folder disappears and plugins reload (its context is unloaded).
        var target = Directory.CreateDirectory(Path.Combine(_root, "plugins", "ArticleBot.TestPlugins")).FullName;
        foreach (var file in Directory.GetFiles(PluginCatalogTests.TestPluginsOutput()))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var host = TestCorpus.BuildHost(AppContext.BaseDirectory, new Dictionary<string, string?>
        {
            ["Plugins:IncludeDefaultDirectory"] = "false",
            ["Plugins:Directories:0"] = Path.Combine(_root, "plugins"),
            ["Plugins:CallTimeoutSeconds"] = "5",
            ["Corpus:CachePath"] = TestCorpus.SharedCachePath,
        }, services => services.AddSingleton<TimeProvider>(time));
        var catalog = host.Services.GetRequiredService<PluginCatalog>();
        var call = host.Services.GetRequiredService<PluginInvoker>().InvokeAsync("Sleeper.sleep", new Dictionary<string, string>(), TestContext.Current.CancellationToken);

        // Act
        Directory.Delete(target, recursive: true);
        catalog.Reload();
        while (!call.IsCompleted)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        // Assert
        await Assert.ThrowsAsync<PluginTimeoutException>(() => call);
        Assert.DoesNotContain(catalog.Plugins, p => p.Name == "Sleeper");
        var answer = await host.Services.GetRequiredService<ArticleBot.Core.Answering.ArticleAnswerer>().AskAsync("英偉達的市值突破了多少？", null, TestContext.Current.CancellationToken);
        Assert.True(answer.Grounded);
    }
}
