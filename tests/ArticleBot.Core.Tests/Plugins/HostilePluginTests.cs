using ArticleBot.Core.Answering;
using ArticleBot.Core.Plugins;
using ArticleBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ArticleBot.Core.Tests.Plugins;

/// <summary>Plugins that block a thread for good: a function that never yields, a constructor that never returns.</summary>
public sealed class HostilePluginTests : IDisposable
{
    private const string Hostile = "ArticleBot.TestPlugins.Hostile";
    private readonly string _root = Directory.CreateTempSubdirectory("articlebot-hostile-").FullName;
    private readonly FakeTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private IHost Host()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        var output = Path.Combine(AppContext.BaseDirectory, "..", "..", Hostile, configuration);
        var target = Directory.CreateDirectory(Path.Combine(_root, "plugins", Hostile)).FullName;
        foreach (var file in Directory.GetFiles(output))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }

        return TestCorpus.BuildHost(AppContext.BaseDirectory, new Dictionary<string, string?>
        {
            ["Plugins:IncludeDefaultDirectory"] = "false",
            ["Plugins:Directories:0"] = Path.Combine(_root, "plugins"),
            ["Plugins:CallTimeoutSeconds"] = "5",
            ["Plugins:LoadTimeoutSeconds"] = "2",
        }, services => services.AddSingleton<TimeProvider>(_time));
    }

    /// <summary>
    /// Runs <paramref name="work"/> off the test thread and, once a hostile plugin has started hanging, moves fake time
    /// on until the work ends (budgets are on fake time). Time stands still until the hang is reached, so a plugin
    /// that only loads slowly on a busy machine is never taken for one that hangs.
    /// </summary>
    private Task<T> WithTimeMovingAsync<T>(Func<T> work) => WithTimeMovingAsync(() => Task.FromResult(work()));

    private async Task<T> WithTimeMovingAsync<T>(Func<Task<T>> work)
    {
        var before = Hangs();
        var task = Task.Run(work, Ct);

        // Polls for the hang, not for time: the wait ends on a state, however long reaching it takes (within a bound
        // that only a hang never reached, a broken test, runs out of).
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        bound.CancelAfter(TimeSpan.FromMinutes(2));
        while (!task.IsCompleted && Hangs() == before)
        {
            await Task.Delay(10, bound.Token);
        }

        // The hang is reached; the budget's timer may be set just after it, so time moves in steps until the work ends.
        while (!task.IsCompleted)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10, Ct);
        }

        return await task;
    }

    // How many times a hostile member has started hanging (counted by the plugin: see Hangs in the hostile plugins).
    private static int Hangs() => AppDomain.CurrentDomain.GetData("ArticleBot.TestPlugins.Hostile.Hangs") as int? ?? 0;

    [Fact]
    public async Task ConstructorThatNeverReturns_FailsItsPlugin_AndTheOthersLoad()
    {
        using var host = Host();
        var catalog = host.Services.GetRequiredService<PluginCatalog>();

        var plugins = await WithTimeMovingAsync(() => catalog.Plugins);

        var hanging = Assert.Single(plugins, p => p.Name == "HangingConstructor");
        Assert.Equal(PluginState.Failed, hanging.State);
        Assert.Contains("constructor did not finish within 2 s (Plugins:LoadTimeoutSeconds)", hanging.Reason, StringComparison.Ordinal);
        Assert.Equal(PluginState.Loaded, Assert.Single(plugins, p => p.Name == "Blocker").State);
    }

    [Fact]
    public async Task SynchronousFunctionThatNeverYields_TimesOut_AndItsPluginIsOutOfServiceUntilReload()
    {
        // Arrange
        using var host = Host();
        var catalog = host.Services.GetRequiredService<PluginCatalog>();
        var invoker = host.Services.GetRequiredService<PluginInvoker>();
        await WithTimeMovingAsync(() => catalog.Plugins);

        // Act: the function sleeps its thread for good and never awaits.
        var blocked = await WithTimeMovingAsync(() => Record.ExceptionAsync(() => invoker.InvokeAsync("Blocker.block", new Dictionary<string, string>(), Ct)).AsTask());
        var next = await Record.ExceptionAsync(() => invoker.InvokeAsync("Blocker.echo", new Dictionary<string, string> { ["text"] = "hi" }, Ct));
        var listed = catalog.Plugins.Single(p => p.Name == "Blocker");
        await WithTimeMovingAsync(() => { catalog.Reload(); return true; });
        var afterReload = await invoker.InvokeAsync("Blocker.echo", new Dictionary<string, string> { ["text"] = "hi" }, Ct);

        // Assert
        Assert.Contains("did not finish within 5 s", Assert.IsType<PluginTimeoutException>(Unwrap(blocked)).Message, StringComparison.Ordinal);
        Assert.Contains("out of service until plugins are reloaded", Unwrap(next)!.Message, StringComparison.Ordinal);
        Assert.Equal(PluginState.Failed, listed.State);
        Assert.Contains("Blocker.block did not finish", listed.Reason, StringComparison.Ordinal);
        Assert.Equal("hi", afterReload.Result);
    }

    [Fact]
    public async Task OfflineAnswer_NeverLoadsThePlugins()
    {
        // Arrange: loading would hang on HangingConstructor for as long as fake time stands still, which is forever.
        using var host = Host();
        var answerer = host.Services.GetRequiredService<ArticleAnswerer>();

        // Act
        var answer = await answerer.AskAsync("英偉達的市值突破了多少？", null, Ct).WaitAsync(TimeSpan.FromSeconds(60), Ct);

        // Assert
        Assert.True(answer.Grounded);
        Assert.Contains("5萬億", answer.Text, StringComparison.Ordinal);
    }

    private static Exception? Unwrap(Exception? exception) =>
        exception is Microsoft.SemanticKernel.KernelException { InnerException: { } inner } ? inner : exception;
}
