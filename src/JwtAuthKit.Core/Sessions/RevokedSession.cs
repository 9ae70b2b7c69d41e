namespace JwtAuthKit.Sessions;

/// <summary>A session id and when it was ended, as read by the revocation poller.</summary>
/// <param name="SessionId">The session id.</param>
/// <param name="RevokedAt">When it was revoked.</param>
public sealed record RevokedSession(string SessionId, DateTimeOffset RevokedAt);
