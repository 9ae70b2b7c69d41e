namespace JwtAuthKit.Mfa;

/// <summary>A user's TOTP authenticator (RFC 6238): pending until the first code confirms it, then in use.</summary>
public sealed class TotpEnrollment
{
    /// <summary>The user (one enrolment each).</summary>
    public required string UserId { get; init; }

    /// <summary>The user's application.</summary>
    public required string ApplicationId { get; init; }

    /// <summary>The shared secret, encrypted with Data Protection (it must be read back to check codes, so it is not hashed).</summary>
    public required string ProtectedSecret { get; set; }

    /// <summary>When setup began.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the first code confirmed it, or <see langword="null"/> while pending.</summary>
    public DateTimeOffset? ConfirmedAt { get; set; }

    /// <summary>The latest time step whose code was accepted: a code is accepted once (RFC 6238 §5.2).</summary>
    public long LastUsedTimeStep { get; set; }
}
