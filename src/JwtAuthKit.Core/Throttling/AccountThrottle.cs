using System.Security.Cryptography;
using System.Text;
using JwtAuthKit.Applications;

namespace JwtAuthKit.Throttling;

/// <summary>
/// Slows guessing against one account whatever addresses the guesses come from (NIST SP 800-63B §5.2.2, OWASP ASVS
/// 2.2.1): the first <see cref="ApplicationSettings.AccountThrottleFreeFailures"/> consecutive failures cost nothing,
/// then each further attempt waits 1 s, 2 s, 4 s … up to <see cref="ApplicationSettings.AccountThrottleMaxDelaySeconds"/>
/// after the last failure; a success resets the count. The owner is delayed, never locked out. Password, MFA and email
/// code failures count alike when they use the same key. The key is the normalized email for known and unknown
/// addresses alike, so the throttle does not tell which accounts exist.
/// </summary>
internal sealed class AccountThrottle(IAttemptCounterStore store, IApplicationResolver applications, TimeProvider time, Telemetry.JwtAuthKitMetrics metrics)
{
    /// <summary>When the next attempt may be made; <see langword="null"/> when it may be made now.</summary>
    public async Task<TimeSpan?> GetRetryAfterAsync(string applicationId, string accountKey, CancellationToken ct) =>
        (await CheckAsync(applicationId, accountKey, ct)).RetryAfter;

    /// <summary>
    /// When the next attempt may be made, and whether any failure is counted at all: a sign-in that saw none need not
    /// reset the count when it succeeds (one write fewer on the common path).
    /// </summary>
    public async Task<AccountThrottleState> CheckAsync(string applicationId, string accountKey, CancellationToken ct)
    {
        var counter = await store.FindAsync(applicationId, Hash(accountKey), ct);
        if (counter is null)
        {
            return new AccountThrottleState(null, FailuresCounted: false);
        }

        var settings = (await applications.FindByIdAsync(applicationId, ct))?.Settings ?? new ApplicationSettings();
        var delay = DelayAfter(counter.Failures, settings.AccountThrottleFreeFailures, TimeSpan.FromSeconds(settings.AccountThrottleMaxDelaySeconds));
        var wait = counter.LastFailureAt + delay - time.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            return new AccountThrottleState(null, FailuresCounted: true);
        }

        metrics.Throttled("account");
        return new AccountThrottleState(wait, FailuresCounted: true);
    }

    public Task RecordFailureAsync(string applicationId, string accountKey, CancellationToken ct) =>
        store.IncrementAsync(applicationId, Hash(accountKey), time.GetUtcNow(), ct);

    public Task ResetAsync(string applicationId, string accountKey, CancellationToken ct) =>
        store.DeleteAsync(applicationId, Hash(accountKey), ct);

    /// <summary>The wait after <paramref name="failures"/> consecutive failures: none while free, then doubling from 1 s.</summary>
    internal static TimeSpan DelayAfter(int failures, int free, TimeSpan max)
    {
        if (failures < free)
        {
            return TimeSpan.Zero;
        }

        var exponent = Math.Min(failures - free, 30);
        var delay = TimeSpan.FromSeconds(1L << exponent);
        return delay < max ? delay : max;
    }

    private static string Hash(string accountKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(accountKey)));
}
