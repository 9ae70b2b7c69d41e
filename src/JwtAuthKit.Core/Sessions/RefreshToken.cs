namespace JwtAuthKit.Sessions;

/// <summary>
/// One refresh token of a session, stored only as a hash. Using it rotates it: it is consumed and a successor
/// is issued. The successor is kept sealed with a key derived from this token, so a concurrent request that
/// presents the same token within the grace window receives the same successor, and nobody without the token
/// can read it.
/// </summary>
public sealed class RefreshToken
{
    /// <summary>The record's id.</summary>
    public required string Id { get; init; }

    /// <summary>The session the token belongs to.</summary>
    public required string SessionId { get; init; }

    /// <summary>The hex SHA-256 hash of the token.</summary>
    public required string TokenHash { get; init; }

    /// <summary>When the token was issued.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the token stops working if unused (the session's idle lifetime).</summary>
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>When the token was rotated, if it was.</summary>
    public DateTimeOffset? ConsumedAt { get; set; }

    /// <summary>The successor token, sealed (AES-GCM) under a key derived from this token; set with <see cref="ConsumedAt"/>.</summary>
    public byte[]? SealedSuccessor { get; set; }
}
