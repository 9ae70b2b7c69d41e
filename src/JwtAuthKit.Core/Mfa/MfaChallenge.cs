namespace JwtAuthKit.Mfa;

/// <summary>
/// The pending second step of a sign-in: the first factor was proven, and the opaque <c>mfa_token</c> whose hash is
/// kept here lets the client finish with a TOTP or recovery code. Single use, bound to the application and the user.
/// </summary>
public sealed class MfaChallenge
{
    /// <summary>The challenge's id.</summary>
    public required string Id { get; init; }

    /// <summary>The application.</summary>
    public required string ApplicationId { get; init; }

    /// <summary>The user who proved the first factor.</summary>
    public required string UserId { get; init; }

    /// <summary>The hex SHA-256 of the <c>mfa_token</c>.</summary>
    public required string TokenHash { get; init; }

    /// <summary>The <c>amr</c> values of the first factor, space-separated.</summary>
    public required string AuthenticationMethods { get; init; }

    /// <summary>How many codes were tried; each try takes a slot before the code is checked.</summary>
    public int Attempts { get; set; }

    /// <summary>When it was made.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it stops working.</summary>
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>When it was used, or <see langword="null"/>.</summary>
    public DateTimeOffset? ConsumedAt { get; set; }
}
