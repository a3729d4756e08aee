using ArticleBot.Core.Plugins;
using ArticleBot.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.SemanticKernel;

namespace ArticleBot.Core.Tests.Plugins;

/// <summary>
/// Source changes (a server started, crashed, restarted) arrive on several threads, and a catalog rebuild can stall
/// (it loads the plugin folders): the listing must end with the latest state whatever order the rebuilds end in.
/// </summary>
public sealed class PluginCatalogChangeOrderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IHost Host(IPluginSource source) => TestCorpus.BuildHost(AppContext.BaseDirectory, new Dictionary<string, string?>
    {
        ["Plugins:IncludeDefaultDirectory"] = "false",
        ["Corpus:CachePath"] = TestCorpus.SharedCachePath,
    }, services => services.AddSingleton(source));

    private static string? Reason(IHost host) =>
        host.Services.GetRequiredService<PluginCatalog>().Plugins.Single(p => p.Name == "stepped").Reason;

    [Fact]
    public async Task SourceChanges_OnTwoThreads_TheListingEndsWithTheLatestState_NotWithTheBuildThatEndedLast()
    {
        // Arrange: a reload reads "crashed", then stalls (as loading plugin folders can); meanwhile the server comes back.
        var source = new SteppedSource("starting");
        using var host = Host(source);
        var catalog = host.Services.GetRequiredService<PluginCatalog>();
        Assert.Equal("starting", Reason(host));

        // Act
        source.State = "crashed";
        source.StallNextRead = true;
        var slow = Task.Run(source.RaiseChanged, Ct);
        source.Stalled.Wait(Ct);
        source.State = "restarted";
        source.RaiseChanged();
        source.Release.Set();
        await slow;

        // Assert
        Assert.Equal("restarted", Reason(host));
    }

    [Fact]
    public async Task SourceChange_DuringTheFirstBuild_IsNotLost()
    {
        // Arrange: the change is raised while the first snapshot is being built, after the source was read.
        var source = new SteppedSource("starting") { StallNextRead = true };
        using var host = Host(source);
        var catalog = host.Services.GetRequiredService<PluginCatalog>();

        // Act
        var first = Task.Run(() => Reason(host), Ct);
        source.Stalled.Wait(Ct);
        source.State = "ready";
        source.RaiseChanged();
        source.Release.Set();
        await first;

        // Assert
        Assert.Equal("ready", Reason(host));
    }

    [Fact]
    public async Task Listing_WhileAChangesRebuildIsUnderWay_ShowsTheChange()
    {
        // Arrange: the server crashed, and the thread that says so is still rebuilding (stalled after reading it).
        var source = new SteppedSource("loaded");
        using var host = Host(source);
        Assert.Equal("loaded", Reason(host));
        source.State = "crashed";
        source.StallNextRead = true;
        var slow = Task.Run(source.RaiseChanged, Ct);
        source.Stalled.Wait(Ct);

        // Act: a listing asked for meanwhile, as after a call that failed because of the crash.
        var listed = Reason(host);
        source.Release.Set();
        await slow;

        // Assert
        Assert.Equal("crashed", listed);
        Assert.Equal("crashed", Reason(host));
    }

    /// <summary>A source whose one plugin's reason is its state; one read can be made to stall after reading it.</summary>
    private sealed class SteppedSource(string state) : IPluginSource
    {
        public event Action? Changed;

        public volatile string State = state;

        public volatile bool StallNextRead;

        public ManualResetEventSlim Stalled { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public void RaiseChanged() => Changed?.Invoke();

        public IReadOnlyList<(KernelPlugin? Plugin, PluginInfo Info)> GetPlugins()
        {
            var info = new PluginInfo("stepped", PluginKind.Mcp, PluginState.Unavailable, State, "test", []);
            if (StallNextRead)
            {
                StallNextRead = false;
                Stalled.Set();
                Release.Wait(TestContext.Current.CancellationToken);
            }

            return [(null, info)];
        }
    }
}
