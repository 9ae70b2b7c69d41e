namespace JwtAuthKit.Sessions;

/// <summary>
/// A signed-in session of a user on one device: the <c>sid</c> of its access tokens and the owner of a
/// chain of rotating refresh tokens.
/// </summary>
public sealed class Session
{
    /// <summary>The session id.</summary>
    public required string Id { get; init; }

    /// <summary>The application.</summary>
    public required string ApplicationId { get; init; }

    /// <summary>The user.</summary>
    public required string UserId { get; init; }

    /// <summary>How the user signed in (<c>amr</c> values, space-separated), carried into every token of the session.</summary>
    public required string AuthenticationMethods { get; init; }

    /// <summary>When the session started.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When a token of the session was last refreshed.</summary>
    public DateTimeOffset LastUsedAt { get; set; }

    /// <summary>The absolute end of the session, however often it is refreshed.</summary>
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>When the session was ended, if it was.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Why the session was ended (<see cref="SessionRevocationReason"/>).</summary>
    public string? RevokedReason { get; set; }

    /// <summary>The client IP address at sign-in.</summary>
    public string? IpAddress { get; init; }

    /// <summary>The client user agent at sign-in.</summary>
    public string? UserAgent { get; init; }
}
