using System.Collections.Concurrent;
using JwtAuthKit.Sessions;

namespace JwtAuthKit.Tokens;

/// <summary>
/// When each user's roles last changed, for users whose older access tokens may still be unexpired: the
/// authentication handler refuses a token issued before the change (401 <c>token_stale</c>) without a database call.
/// Filled at once by changes on this node and by <see cref="RevokedSessionPoller"/> from the others.
/// </summary>
internal sealed class StaleTokenCache(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _changedAt = new(StringComparer.Ordinal);

    public void Add(string userId, DateTimeOffset changedAt) =>
        _changedAt.AddOrUpdate(userId, changedAt, (_, known) => changedAt > known ? changedAt : known);

    /// <summary>Whether a token of <paramref name="userId"/> issued at <paramref name="issuedAt"/> predates a role change.</summary>
    /// <remarks>Compared to the millisecond, the precision of the issue time a token carries.</remarks>
    public bool IsStale(string userId, DateTimeOffset issuedAt) =>
        _changedAt.TryGetValue(userId, out var changedAt) && issuedAt.ToUnixTimeMilliseconds() < changedAt.ToUnixTimeMilliseconds();

    public void Prune()
    {
        var cutoff = RevokedSessionCache.OldestRelevant(time.GetUtcNow());
        foreach (var (id, changedAt) in _changedAt)
        {
            if (changedAt < cutoff)
            {
                _changedAt.TryRemove(id, out _);
            }
        }
    }
}
