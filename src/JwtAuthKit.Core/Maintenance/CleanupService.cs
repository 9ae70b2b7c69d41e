using JwtAuthKit.Applications;
using JwtAuthKit.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.Maintenance;

/// <summary>
/// The hourly clean-up (<see cref="CleanupOptions"/>): each kind of row in batches until none is left. Every node runs
/// the schedule; a lease in the database lets one of them do the work each hour, and the batches are idempotent anyway, so
/// a node that runs it by hand (tests, an operator) alongside does no harm.
/// </summary>
internal sealed partial class CleanupService(
    IRetentionStore store,
    IJobLeaseStore leases,
    IOptions<JwtAuthKitOptions> options,
    TimeProvider time,
    Telemetry.JwtAuthKitMetrics metrics,
    ILogger<CleanupService> logger) : HourlyJobService(time)
{
    internal const string JobName = "cleanup";

    /// <summary>Sign-in attempt counters older than this are dropped: past the longest delay a setting allows (one day).</summary>
    internal static readonly TimeSpan StaleAttemptCountersAfter = TimeSpan.FromDays(2);

    // Shorter than the interval, so the next hour's run on any node finds the lease free.
    private static readonly TimeSpan LeaseFor = Interval - TimeSpan.FromMinutes(10);
    private readonly string _node = Guid.NewGuid().ToString("N");

    /// <summary>Runs the clean-up if no other node holds this hour's lease; <see langword="null"/> when one does.</summary>
    internal async Task<IReadOnlyDictionary<ExpiredRecords, int>?> RunAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        if (!await leases.TryAcquireAsync(JobName, _node, now, now + LeaseFor, cancellationToken))
        {
            LogLeaseHeld(logger);
            return null;
        }

        return await CleanUpAsync(cancellationToken);
    }

    /// <summary>Deletes, in batches, every row past its cut-off now (no lease); returns how many of each kind.</summary>
    internal async Task<IReadOnlyDictionary<ExpiredRecords, int>> CleanUpAsync(CancellationToken cancellationToken)
    {
        var started = Time.GetTimestamp();
        var settings = options.Value;
        var now = Time.GetUtcNow();
        // One day (the longest access token) and the clock skew past its end, no token of an expired session is alive, so
        // the revocation cache no longer needs it; for one-time tokens it keeps the per-address request counts exact.
        var expired = now - TimeSpan.FromSeconds(ApplicationSettingsValidator.MaxAccessTokenLifetimeSeconds) - settings.ClockSkew;
        var cutoffs = new List<(ExpiredRecords Records, DateTimeOffset Before)>
        {
            (ExpiredRecords.Sessions, expired),
            (ExpiredRecords.RefreshTokens, expired),
            (ExpiredRecords.OneTimeTokens, expired),
            (ExpiredRecords.MfaChallenges, expired),
            (ExpiredRecords.Invitations, expired),
            (ExpiredRecords.SentEmails, now - settings.Cleanup.SentEmailRetention),
            (ExpiredRecords.AttemptCounters, now - StaleAttemptCountersAfter),
        };
        if (settings.AuditRetention > TimeSpan.Zero)
        {
            cutoffs.Add((ExpiredRecords.AuditEvents, now - settings.AuditRetention));
        }

        var deleted = new Dictionary<ExpiredRecords, int>();
        foreach (var (records, before) in cutoffs)
        {
            var count = 0;
            int batch;
            do
            {
                batch = await store.DeleteBatchAsync(records, before, settings.Cleanup.BatchSize, cancellationToken);
                count += batch;
            }
            while (batch >= settings.Cleanup.BatchSize);

            deleted[records] = count;
            metrics.CleanedUp(records, count);
        }

        var elapsedMs = (long)Time.GetElapsedTime(started).TotalMilliseconds;
        var auditEvents = deleted.GetValueOrDefault(ExpiredRecords.AuditEvents);
        // Every run is logged; at Information only when it deleted something, so an idle service stays quiet.
        LogCleanedUp(logger, deleted.Values.Any(count => count > 0) ? LogLevel.Information : LogLevel.Debug, deleted[ExpiredRecords.Sessions], deleted[ExpiredRecords.RefreshTokens], deleted[ExpiredRecords.OneTimeTokens],
            deleted[ExpiredRecords.MfaChallenges], deleted[ExpiredRecords.Invitations], deleted[ExpiredRecords.SentEmails],
            auditEvents, deleted[ExpiredRecords.AttemptCounters], elapsedMs);
        return deleted;
    }

    protected override async Task RunJobAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Cleanup.Enabled)
        {
            await RunAsync(cancellationToken);
        }
    }

    protected override void OnFailed(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(EventId = 1701, Message = "Clean-up deleted {Sessions} sessions, {RefreshTokens} refresh tokens, {OneTimeTokens} one-time tokens, "
        + "{MfaChallenges} MFA challenges, {Invitations} invitations, {SentEmails} sent emails, {AuditEvents} audit events and {AttemptCounters} attempt counters in {ElapsedMs} ms.")]
    private static partial void LogCleanedUp(ILogger logger, LogLevel level, int sessions, int refreshTokens, int oneTimeTokens, int mfaChallenges, int invitations, int sentEmails, int auditEvents, int attemptCounters, long elapsedMs);

    [LoggerMessage(EventId = 1702, Level = LogLevel.Debug, Message = "Clean-up skipped: another node holds this hour's lease.")]
    private static partial void LogLeaseHeld(ILogger logger);

    [LoggerMessage(EventId = 1703, Level = LogLevel.Warning, Message = "Clean-up failed; will try again in an hour.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
