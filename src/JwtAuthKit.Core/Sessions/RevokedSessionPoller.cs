using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.Sessions;

/// <summary>
/// The change feed's one consumer: reads sessions revoked and users whose roles changed, on any node, into
/// <see cref="RevokedSessionCache"/> and <see cref="Tokens.StaleTokenCache"/> whenever the <see cref="Caching.IChangeFeed"/>
/// announces a change (at once, where the database pushes) and at least every
/// <see cref="JwtAuthKitOptions.RevocationPollInterval"/>: two indexed queries per wake-up per node, instead of one per
/// request. Announced changes to applications and signing keys drop those caches (<see cref="Caching.NodeCaches"/>).
/// </summary>
internal sealed partial class RevokedSessionPoller(
    ISessionStore store,
    Users.IUserStore users,
    RevokedSessionCache cache,
    Tokens.StaleTokenCache stale,
    Caching.IChangeFeed feed,
    Caching.NodeCaches caches,
    IOptions<JwtAuthKitOptions> options,
    TimeProvider time,
    ILogger<RevokedSessionPoller> logger) : BackgroundService
{
    // Other nodes' clocks and commit delays: re-read a little of the past every time.
    private static readonly TimeSpan Overlap = TimeSpan.FromSeconds(30);

    private DateTimeOffset? _lastSuccessfulPoll;

    /// <summary>Loads every revocation that may still matter; run once at start, before requests are served.</summary>
    public Task LoadAllAsync(CancellationToken cancellationToken) =>
        PollAsync(RevokedSessionCache.OldestRelevant(time.GetUtcNow()), cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // One delay at a time, not a periodic timer: after a pause (or a test's clock jump) it polls once, not once per
        // missed interval.
        var polls = 0;
        while (await WaitAsync(options.Value.RevocationPollInterval, stoppingToken) is { } changed)
        {
            try
            {
                caches.Forget(changed);
                // From the last poll that succeeded, so an outage of the database or a paused process loses nothing.
                var since = (_lastSuccessfulPoll ?? RevokedSessionCache.OldestRelevant(time.GetUtcNow())) - Overlap;
                await PollAsync(since, stoppingToken);
                if (++polls % 1000 == 0)
                {
                    cache.Prune();
                    stale.Prune();
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // An outage of the database must not stop the poller; the next tick tries again.
                LogPollFailed(logger, ex);
            }
        }
    }

    private async Task<Caching.ChangeKinds?> WaitAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            return await feed.WaitAsync(interval, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private async Task PollAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        foreach (var revoked in await store.ListRevokedSinceAsync(since, cancellationToken))
        {
            cache.Add(revoked.SessionId, revoked.RevokedAt);
        }

        foreach (var change in await users.ListRolesChangedSinceAsync(since, cancellationToken))
        {
            stale.Add(change.UserId, change.ChangedAt);
        }

        _lastSuccessfulPoll = startedAt;
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Reading revoked sessions failed; retrying at the next interval.")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
