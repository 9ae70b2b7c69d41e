using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JwtAuthKit.Throttling;

/// <summary>
/// Deletes attempt counters whose last failure is older than <see cref="StaleAfter"/>, at start and every hour, so
/// guesses at addresses that never sign in do not pile up. Two days is past the longest delay a setting allows (one day).
/// </summary>
internal sealed partial class AttemptCounterCleanupService(IAttemptCounterStore store, TimeProvider time, ILogger<AttemptCounterCleanupService> logger)
    : BackgroundService
{
    internal static readonly TimeSpan StaleAfter = TimeSpan.FromDays(2);
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    internal async Task<int> DeleteStaleAsync(CancellationToken cancellationToken)
    {
        var deleted = await store.DeleteOlderThanAsync(time.GetUtcNow() - StaleAfter, cancellationToken);
        if (deleted > 0)
        {
            LogDeleted(logger, deleted);
        }

        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(10), time, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await DeleteStaleAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex);
                }

                await Task.Delay(Interval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(EventId = 1951, Level = LogLevel.Debug, Message = "Deleted {Count} stale sign-in attempt counters.")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(EventId = 1952, Level = LogLevel.Warning, Message = "Deleting stale sign-in attempt counters failed; will try again.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
