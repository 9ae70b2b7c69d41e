using System.Collections.Concurrent;
using JwtAuthKit.Applications;

namespace JwtAuthKit.Sessions;

/// <summary>
/// The ids of revoked sessions whose access tokens may still be unexpired, held in memory so the
/// authentication handler refuses them without a database call. Filled at once by revocations on this node
/// and by <see cref="RevokedSessionPoller"/> from the others.
/// </summary>
internal sealed class RevokedSessionCache(TimeProvider time)
{
    // An access token lives at most this long, so a revocation older than that protects nothing.
    private static readonly TimeSpan Retention = TimeSpan.FromSeconds(ApplicationSettingsValidator.MaxAccessTokenLifetimeSeconds) + TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _revoked = new(StringComparer.Ordinal);

    public int Count => _revoked.Count;

    public bool IsRevoked(string sessionId) => _revoked.ContainsKey(sessionId);

    public void Add(string sessionId, DateTimeOffset revokedAt) => _revoked[sessionId] = revokedAt;

    public void Prune()
    {
        var cutoff = time.GetUtcNow() - Retention;
        foreach (var (id, revokedAt) in _revoked)
        {
            if (revokedAt < cutoff)
            {
                _revoked.TryRemove(id, out _);
            }
        }
    }

    public static DateTimeOffset OldestRelevant(DateTimeOffset now) => now - Retention;
}
