using JwtAuthKit.Hosting;
using Microsoft.Extensions.Logging;

namespace JwtAuthKit.Throttling;

/// <summary>
/// Deletes attempt counters whose last failure is older than <see cref="StaleAfter"/>, at start and every hour, so
/// guesses at addresses that never sign in do not pile up. Two days is past the longest delay a setting allows (one day).
/// </summary>
internal sealed partial class AttemptCounterCleanupService(IAttemptCounterStore store, TimeProvider time, ILogger<AttemptCounterCleanupService> logger)
    : HourlyCleanupService(time)
{
    internal static readonly TimeSpan StaleAfter = TimeSpan.FromDays(2);

    internal async Task<int> DeleteStaleAsync(CancellationToken cancellationToken)
    {
        var deleted = await store.DeleteOlderThanAsync(Time.GetUtcNow() - StaleAfter, cancellationToken);
        if (deleted > 0)
        {
            LogDeleted(logger, deleted);
        }

        return deleted;
    }

    protected override Task CleanUpAsync(CancellationToken cancellationToken) => DeleteStaleAsync(cancellationToken);

    protected override void OnFailed(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(EventId = 1951, Level = LogLevel.Debug, Message = "Deleted {Count} stale sign-in attempt counters.")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(EventId = 1952, Level = LogLevel.Warning, Message = "Deleting stale sign-in attempt counters failed; will try again.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
