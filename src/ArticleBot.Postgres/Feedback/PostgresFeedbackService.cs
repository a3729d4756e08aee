using Microsoft.Extensions.Hosting;

namespace ArticleBot.Postgres.Feedback;

/// <summary>
/// Runs the PostgreSQL ratings store with the host: on start, one connection that finds configuration errors (exit 2)
/// and migrates the schema; then, in the background, sends ratings that waited while the database was out of reach.
/// </summary>
public sealed class PostgresFeedbackService(PostgresFeedbackStore store) : BackgroundService
{
    /// <summary>How long the start waits for the database before it goes on without it.</summary>
    private static readonly TimeSpan s_startCheck = TimeSpan.FromSeconds(5);

    /// <inheritdoc/>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.CheckAsync(s_startCheck, cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await store.SendQueuedAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping. Ratings still waiting are lost with the process; the log said the database was out of reach.
        }
    }
}
