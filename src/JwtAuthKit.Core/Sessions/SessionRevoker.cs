namespace JwtAuthKit.Sessions;

/// <summary>
/// Ends sessions: marks them revoked in the store and at once in this node's <see cref="RevokedSessionCache"/>,
/// so their access tokens are refused here immediately and on other nodes at their next poll.
/// </summary>
internal sealed class SessionRevoker(ISessionStore store, RevokedSessionCache cache, TimeProvider time)
{
    /// <summary>Ends one session of a user.</summary>
    public Task<IReadOnlyList<string>> RevokeOneAsync(string applicationId, string userId, string sessionId, string reason, CancellationToken cancellationToken) =>
        RevokeAsync(applicationId, userId, sessionId, null, reason, cancellationToken);

    /// <summary>Ends every session of a user, or all but one.</summary>
    public Task<IReadOnlyList<string>> RevokeAllAsync(string applicationId, string userId, string? exceptSessionId, string reason, CancellationToken cancellationToken) =>
        RevokeAsync(applicationId, userId, null, exceptSessionId, reason, cancellationToken);

    private async Task<IReadOnlyList<string>> RevokeAsync(string applicationId, string userId, string? sessionId, string? exceptSessionId, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var revoked = await store.RevokeAsync(applicationId, userId, sessionId, exceptSessionId, reason, now, cancellationToken);
        foreach (var id in revoked)
        {
            cache.Add(id, now);
        }

        return revoked;
    }
}
