using ArticleBot.Core.Plugins;
using ArticleBot.Core.Plugins.Mcp;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.SemanticKernel;

namespace ArticleBot.Core.Tests.Plugins;

/// <summary>
/// The call guard bounds an in-process plugin's call and takes the plugin out of service when it overruns; an MCP
/// server's tool is left to its connection, which has its own bound and restarts the server (two equal timers raced,
/// and under load a hung tool was reported as out of service instead of restarted).
/// </summary>
public sealed class PluginGuardFilterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider _time = new();
    private readonly PluginHealth _health = new();

    [Fact]
    public async Task AnInProcessFunctionThatOverruns_FailsItsCall_AndItsPluginIsOutOfService()
    {
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var kernel = Kernel(Function("slow", release.Task, mcp: false));

        var call = kernel.InvokeAsync("ext", "slow", cancellationToken: Ct);
        await MoveTimeUntilAsync(call, TimeSpan.FromMinutes(10)); // ends when the guard's timer fires, however late its thread starts

        await Assert.ThrowsAsync<PluginTimeoutException>(() => call);
        Assert.NotNull(_health.Failure("ext"));
        release.SetResult("late");
    }

    [Fact]
    public async Task AnMcpToolThatRunsPastTheBudget_IsLeftToItsConnection()
    {
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var kernel = Kernel(Function("slow", release.Task, mcp: true));

        var call = kernel.InvokeAsync("ext", "slow", cancellationToken: Ct);
        await MoveTimeUntilAsync(call, TimeSpan.FromSeconds(10)); // ten times the budget

        Assert.False(call.IsCompleted, "the guard must not time out an MCP tool (its connection does)");
        release.SetResult("done");
        Assert.Equal("done", (await call).GetValue<string>());
        Assert.Null(_health.Failure("ext"));
    }

    private Kernel Kernel(KernelFunction function)
    {
        var kernel = new Kernel();
        kernel.Plugins.Add(KernelPluginFactory.CreateFromFunctions("ext", [function]));
        kernel.FunctionInvocationFilters.Add(new PluginGuardFilter(Options.Create(new PluginOptions { CallTimeoutSeconds = 1 }), _health, _time));
        return kernel;
    }

    private static KernelFunction Function(string name, Task<string> result, bool mcp) => KernelFunctionFactory.CreateFromMethod(
        (Func<Task<string>>)(() => result),
        new KernelFunctionFromMethodOptions
        {
            FunctionName = name,
            AdditionalMetadata = mcp ? new(new Dictionary<string, object?> { [McpToolFunctions.ServerKey] = "server" }) : null,
        });

    /// <summary>Moves fake time on, a second per step, until the call ends or <paramref name="limit"/> has passed.</summary>
    private async Task MoveTimeUntilAsync(Task call, TimeSpan limit)
    {
        for (var moved = TimeSpan.Zero; moved < limit && !call.IsCompleted; moved += TimeSpan.FromSeconds(1))
        {
            await Task.Delay(20, Ct); // lets the guard's thread start and set its timer before the clock moves
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        await Task.WhenAny(call, Task.Delay(200, Ct));
    }
}
