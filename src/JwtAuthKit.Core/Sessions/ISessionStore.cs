namespace JwtAuthKit.Sessions;

/// <summary>Persists sessions and their refresh tokens. Each method persists on its own.</summary>
public interface ISessionStore
{
    /// <summary>Creates a session with its first refresh token.</summary>
    /// <param name="session">The session.</param>
    /// <param name="refreshToken">Its first refresh token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task CreateAsync(Session session, RefreshToken refreshToken, CancellationToken cancellationToken);

    /// <summary>Finds a refresh token by hash, with its session.</summary>
    /// <param name="tokenHash">The hex SHA-256 hash.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token and session, or <see langword="null"/>.</returns>
    Task<RefreshTokenMatch?> FindRefreshTokenAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically consumes a refresh token that is not consumed yet, stores its sealed successor, adds the
    /// successor and marks the session used — a conditional update, safe with many nodes on one database.
    /// </summary>
    /// <param name="consumedTokenId">The token being rotated.</param>
    /// <param name="consumedAt">The time of rotation.</param>
    /// <param name="sealedSuccessor">The successor, sealed under the consumed token.</param>
    /// <param name="successor">The successor token record.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when the token was already consumed (another request won).</returns>
    Task<bool> TryRotateAsync(string consumedTokenId, DateTimeOffset consumedAt, byte[] sealedSuccessor, RefreshToken successor, CancellationToken cancellationToken);

    /// <summary>Finds a session of an application.</summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="sessionId">The session id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The session, or <see langword="null"/>.</returns>
    Task<Session?> FindAsync(string applicationId, string sessionId, CancellationToken cancellationToken);

    /// <summary>Lists a user's sessions that are neither revoked nor expired at <paramref name="now"/>.</summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="userId">The user.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The sessions, newest first.</returns>
    Task<IReadOnlyList<Session>> ListActiveAsync(string applicationId, string userId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Revokes sessions of a user that are not revoked yet: one (<paramref name="sessionId"/>) or all but <paramref name="exceptSessionId"/>.</summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="userId">The user.</param>
    /// <param name="sessionId">The one session to revoke, or <see langword="null"/> for all.</param>
    /// <param name="exceptSessionId">A session to keep when revoking all, or <see langword="null"/>.</param>
    /// <param name="reason">Why (<see cref="SessionRevocationReason"/>).</param>
    /// <param name="now">The time of revocation.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ids of the sessions revoked by this call.</returns>
    Task<IReadOnlyList<string>> RevokeAsync(string applicationId, string userId, string? sessionId, string? exceptSessionId, string reason, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Lists sessions revoked at or after <paramref name="since"/> (for the revocation poller).</summary>
    /// <param name="since">The earliest revocation time of interest.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The revoked sessions.</returns>
    Task<IReadOnlyList<RevokedSession>> ListRevokedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
