namespace ArticleBot.Core.Plugins;

/// <summary>
/// Runs plugin code where a timeout can leave it: on a thread of its own, so a function or constructor that loops
/// or blocks without ever awaiting cannot hold the caller. Past the budget the caller gets a
/// <see cref="TimeoutException"/> at once and the thread is abandoned (a background thread: it never keeps the
/// process alive). Nothing can stop such a thread from outside; that is what out-of-process plugins are for.
/// </summary>
internal static class PluginThread
{
    /// <summary>Runs <paramref name="work"/> on its own thread and waits for it at most <paramref name="budget"/>.</summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> work, TimeSpan budget, TimeProvider time, CancellationToken cancellationToken)
    {
        var call = Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach, TaskScheduler.Default).Unwrap();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(budget, time, stop.Token);
        if (await Task.WhenAny(call, delay) != call)
        {
            _ = call.ContinueWith(t => _ = t.Exception, TaskScheduler.Default); // observe a late failure
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException();
        }

        await stop.CancelAsync();
        return await call;
    }

    /// <summary>The synchronous form, for loading: blocks the caller at most <paramref name="budget"/>.</summary>
    public static T Run<T>(Func<T> work, TimeSpan budget, TimeProvider time) =>
        RunAsync(() => Task.FromResult(work()), budget, time, CancellationToken.None).GetAwaiter().GetResult();
}
