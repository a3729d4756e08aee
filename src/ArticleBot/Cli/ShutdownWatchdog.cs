using System.Runtime.InteropServices;

namespace ArticleBot.Cli;

/// <summary>
/// Makes SIGINT and SIGTERM end the process in bounded time, whatever it is blocked on. The command line and the
/// host get the signal first and stop gracefully (cancellation); but code that blocks without observing a token (a
/// read from stdin or a FIFO, a plugin's constructor or synchronous function) would hold the process for ever. So
/// each signal also starts a grace period, after which the process exits with 128 + the signal number, as a shell
/// reports a process ended by that signal.
/// </summary>
/// <remarks>
/// This is the only handler the command line relies on: the runtime calls the handlers of one signal one after another
/// on one thread, and System.CommandLine's own handler blocks until the command has finished, so a handler after it
/// (in an order the runtime does not define) ran too late to record the signal, and a graceful stop exited 0.
/// </remarks>
public sealed class ShutdownWatchdog : IDisposable
{
    /// <summary>How long a command may take to stop after SIGINT/SIGTERM (Discord: see <see cref="GraceFor"/>).</summary>
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromSeconds(2);

    private readonly TimeSpan _grace;
    private readonly CancellationTokenSource _stopping = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _armed;
    private int _exitCode;

    private ShutdownWatchdog(TimeSpan grace)
    {
        _grace = grace;
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    /// <summary>
    /// 130 after SIGINT, 143 after SIGTERM (128 + the signal, as a shell reports a process the signal ended), or null
    /// when no signal came. A command that stops gracefully on a signal still exits with this code: the caller asked
    /// it to stop, and scripts and supervisors tell "stopped" from "finished" by it.
    /// </summary>
    public int? SignalExitCode => Volatile.Read(ref _armed) == 1 ? Volatile.Read(ref _exitCode) : null;

    /// <summary>Cancelled on SIGINT or SIGTERM: the command's token, so that it stops gracefully first.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>Starts watching for SIGINT and SIGTERM.</summary>
    public static ShutdownWatchdog Start(TimeSpan grace) => new(grace);

    /// <summary>
    /// The grace for a command: two seconds, except for <c>discord</c>, whose replies in flight get the host's
    /// shutdown timeout (30 s) to finish before the gateway closes.
    /// </summary>
    public static TimeSpan GraceFor(IReadOnlyList<string> commandArgs)
    {
        ArgumentNullException.ThrowIfNull(commandArgs);
        return commandArgs.Count > 0 && commandArgs[0] == "discord" ? TimeSpan.FromSeconds(35) : DefaultGrace;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stopping.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        // No abrupt default action: the command stops gracefully on its token, and the deadline bounds that, once.
        context.Cancel = true;
        var code = 128 + (context.Signal == PosixSignal.SIGINT ? 2 : 15);
        Interlocked.CompareExchange(ref _exitCode, code, 0);
        if (Interlocked.Exchange(ref _armed, 1) == 1)
        {
            return;
        }

        try
        {
            _stopping.Cancel();
        }
        catch (AggregateException)
        {
            // A callback of the token failed; the deadline below still ends the process.
        }

        var deadline = new Thread(() =>
        {
            Thread.Sleep(_grace);
            Console.Error.WriteLine($"error: still running {_grace.TotalSeconds:0} s after the signal; stopping now.");
            Environment.Exit(Volatile.Read(ref _exitCode));
        })
        {
            IsBackground = true,
            Name = "ArticleBot shutdown watchdog",
        };
        deadline.Start();
    }
}
