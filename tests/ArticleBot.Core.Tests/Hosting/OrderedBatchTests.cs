using ArticleBot.Core.Hosting;

namespace ArticleBot.Core.Tests.Hosting;

public sealed class OrderedBatchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_JobsFinishingOutOfOrder_AreWrittenInInputOrder()
    {
        // Arrange: three jobs; the last finishes first, the first last.
        var finish = Enumerable.Range(0, 3).Select(_ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var input = new Queue<string>(["0", "1", "2"]);
        var written = new List<string>();
        var allStarted = new CountdownEvent(3);

        // Act
        var run = OrderedBatch.RunAsync(
            _ => Task.FromResult(input.Count > 0 ? input.Dequeue() : null),
            (item, _) =>
            {
                allStarted.Signal();
                return finish[int.Parse(item, System.Globalization.CultureInfo.InvariantCulture)].Task;
            },
            result =>
            {
                written.Add(result);
                return Task.CompletedTask;
            },
            () => Task.CompletedTask,
            parallel: 3,
            Ct);
        Assert.True(allStarted.Wait(TimeSpan.FromSeconds(30), Ct)); // all three run at once
        finish[2].SetResult("two");
        finish[1].SetResult("one");
        Assert.Empty(written); // nothing before the first
        finish[0].SetResult("zero");
        await run;

        // Assert
        Assert.Equal(["zero", "one", "two"], written);
    }

    [Fact]
    public async Task RunAsync_NeverRunsMoreJobsThanAllowed()
    {
        var input = new Queue<string>(Enumerable.Range(0, 40).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var running = 0;
        var most = 0;
        var written = new List<string>();

        await OrderedBatch.RunAsync(
            _ => Task.FromResult(input.Count > 0 ? input.Dequeue() : null),
            async (item, _) =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref most, now);
                await Task.Yield();
                Interlocked.Decrement(ref running);
                return item;
            },
            result =>
            {
                written.Add(result);
                return Task.CompletedTask;
            },
            () => Task.CompletedTask,
            parallel: 2,
            Ct);

        Assert.InRange(most, 1, 2);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), written);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task RunAsync_BeforeWaitingForInput_LetsTheCallerFlushWhatItWrote(int parallel)
    {
        // The second item only comes once the first result was flushed: a client that waits for each answer before it
        // sends the next line. Without the flush this would never end.
        var flushed = new List<string>();
        var pending = new List<string>();
        var secondLine = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reads = 0;

        await OrderedBatch.RunAsync(
            _ => ++reads switch
            {
                1 => Task.FromResult<string?>("first"),
                2 => secondLine.Task,
                _ => Task.FromResult<string?>(null),
            },
            (item, _) => Task.FromResult(item.ToUpperInvariant()),
            result =>
            {
                pending.Add(result);
                return Task.CompletedTask;
            },
            () =>
            {
                flushed.AddRange(pending);
                pending.Clear();
                if (flushed.Contains("FIRST"))
                {
                    secondLine.TrySetResult("second");
                }

                return Task.CompletedTask;
            },
            parallel,
            Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal(["FIRST", "SECOND"], flushed);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task RunAsync_ReadFails_WritesWhatCameBefore_ThenThrows(int parallel)
    {
        var reads = 0;
        var written = new List<string>();

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => OrderedBatch.RunAsync(
            _ => ++reads == 1 ? Task.FromResult<string?>("first") : throw new InvalidDataException("bad input"),
            (item, _) => Task.FromResult(item),
            result =>
            {
                written.Add(result);
                return Task.CompletedTask;
            },
            () => Task.CompletedTask,
            parallel,
            Ct));

        Assert.Equal("bad input", error.Message);
        Assert.Equal(["first"], written);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task RunAsync_WriteFails_Throws(int parallel)
    {
        var neverEnds = new TaskCompletionSource<string?>();
        var reads = 0;

        var error = await Assert.ThrowsAsync<IOException>(() => OrderedBatch.RunAsync(
            ct => ++reads == 1 ? Task.FromResult<string?>("first") : neverEnds.Task.WaitAsync(ct),
            (item, _) => Task.FromResult(item),
            _ => throw new IOException("stdout is closed"),
            () => Task.CompletedTask,
            parallel,
            Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct));

        Assert.Equal("stdout is closed", error.Message);
    }

    [Fact]
    public async Task RunAsync_ParallelBelowOne_IsRefused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => OrderedBatch.RunAsync(
            _ => Task.FromResult<string?>(null), (item, _) => Task.FromResult(item), _ => Task.CompletedTask, () => Task.CompletedTask, parallel: 0, Ct));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen && Interlocked.CompareExchange(ref target, value, seen) is var now && now != seen)
        {
            seen = now;
        }
    }
}
