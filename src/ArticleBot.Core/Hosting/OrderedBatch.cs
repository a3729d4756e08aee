using System.Threading.Channels;

namespace ArticleBot.Core.Hosting;

/// <summary>
/// Runs a batch of independent jobs read one at a time: each job starts as soon as it is read, up to a bound at once,
/// and the results come back in input order. A job's result is handed over as soon as it and every job before it
/// are done, and before waiting for anything the caller is told, so it can flush: a program that sends one line and
/// waits for the answer still gets it at once.
/// </summary>
/// <remarks>
/// The answers of <c>ask --json -</c> do not depend on one another, so on a machine with several cores a long batch
/// is answered several questions at a time; the output is the same as one at a time, in the same order.
/// </remarks>
public static class OrderedBatch
{
    /// <summary>Reads until <paramref name="readNext"/> returns null, runs <paramref name="run"/> on each item, writes each result in order.</summary>
    /// <param name="readNext">The next item, or null at the end of input.</param>
    /// <param name="run">The job for one item.</param>
    /// <param name="write">Hands one result over, in input order.</param>
    /// <param name="beforeWaiting">Runs before the writer waits for a job or for input (flush here).</param>
    /// <param name="parallel">The most jobs running at once (1 runs them one after another).</param>
    /// <param name="cancellationToken">Stops reading and waiting.</param>
    /// <exception cref="Exception">Whatever <paramref name="readNext"/> throws, after the results of the items read before it are written.</exception>
    public static async Task RunAsync<TItem, TResult>(
        Func<CancellationToken, Task<TItem?>> readNext,
        Func<TItem, CancellationToken, Task<TResult>> run,
        Func<TResult, Task> write,
        Func<Task> beforeWaiting,
        int parallel,
        CancellationToken cancellationToken)
        where TItem : class
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallel, 1);
        if (parallel == 1)
        {
            await RunOneAtATimeAsync(readNext, run, write, beforeWaiting, cancellationToken);
            return;
        }

        // Not disposed: after a failed write the reader may still be waiting on it (see below).
        var slots = new SemaphoreSlim(parallel, parallel);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = stop.Token;
        var started = Channel.CreateUnbounded<Task<TResult>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

        // The reader starts each job as its item arrives, once a slot is free; the writer frees the slot when the
        // result is written, so no more than `parallel` results are ever in hand.
        var reading = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    await slots.WaitAsync(token);
                    if (await readNext(token) is not { } item)
                    {
                        return;
                    }

                    started.Writer.TryWrite(Task.Run(() => run(item, token), token));
                }
            }
            finally
            {
                started.Writer.TryComplete();
            }
        }, token);

        try
        {
            await WriteInOrderAsync(started.Reader, write, beforeWaiting, slots, token);
        }
        catch
        {
            // The output failed (stdout closed) or the batch was cancelled: stop the reader and the jobs. The reader
            // is not awaited: a read from a pipe that stays open may not end when cancelled.
            await stop.CancelAsync();
            throw;
        }

        await reading; // rethrows what stopped the reading (bad input), after every answer read before it is out
    }

    // One at a time needs no reader task and no hand-over between threads: read, run, write, in a loop.
    private static async Task RunOneAtATimeAsync<TItem, TResult>(
        Func<CancellationToken, Task<TItem?>> readNext, Func<TItem, CancellationToken, Task<TResult>> run, Func<TResult, Task> write, Func<Task> beforeWaiting, CancellationToken cancellationToken)
        where TItem : class
    {
        while (true)
        {
            var next = readNext(cancellationToken);
            if (!next.IsCompleted)
            {
                await beforeWaiting();
            }

            if (await next is not { } item)
            {
                await beforeWaiting();
                return;
            }

            await write(await run(item, cancellationToken));
        }
    }

    private static async Task WriteInOrderAsync<TResult>(
        ChannelReader<Task<TResult>> started, Func<TResult, Task> write, Func<Task> beforeWaiting, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (!started.TryRead(out var job))
            {
                await beforeWaiting();
                if (!await started.WaitToReadAsync(cancellationToken))
                {
                    return;
                }

                continue;
            }

            if (!job.IsCompleted)
            {
                await beforeWaiting();
            }

            await write(await job);
            slots.Release();
        }
    }
}
