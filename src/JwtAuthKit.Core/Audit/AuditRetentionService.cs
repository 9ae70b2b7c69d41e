using JwtAuthKit.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.Audit;

/// <summary>Deletes audit events older than <see cref="JwtAuthKitOptions.AuditRetention"/>, at start and every hour.</summary>
internal sealed partial class AuditRetentionService(IAuditStore store, IOptions<JwtAuthKitOptions> options, TimeProvider time, ILogger<AuditRetentionService> logger)
    : HourlyCleanupService(time)
{
    /// <summary>Deletes what is past retention now; returns how many events were deleted.</summary>
    internal async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var retention = options.Value.AuditRetention;
        if (retention <= TimeSpan.Zero)
        {
            return 0;
        }

        var deleted = await store.DeleteOlderThanAsync(Time.GetUtcNow() - retention, cancellationToken);
        if (deleted > 0)
        {
            LogDeleted(logger, deleted);
        }

        return deleted;
    }

    protected override Task CleanUpAsync(CancellationToken cancellationToken) => DeleteExpiredAsync(cancellationToken);

    protected override void OnFailed(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Information, Message = "Deleted {Count} audit events past retention.")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(EventId = 1603, Level = LogLevel.Warning, Message = "Deleting old audit events failed; will try again.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
